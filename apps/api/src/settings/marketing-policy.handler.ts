import { Inject } from '@nestjs/common';
import { CommandHandler, Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor, MarketingPolicyService } from '#application';
import {
  LOCKED_SOURCES,
  MARKETING_POLICY_STREAM,
  marketingPolicyDecider,
  type MarketingPolicyCommand,
} from '#domain/marketing-policy';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';
import type { MarketingPolicyRecord } from './marketing-policy.dto.js';

export class ExecuteMarketingPolicyCommand extends ServiceCommand<MarketingPolicyCommand> {}

// The api's dispatch of policy commands; the use case is MarketingPolicyService in libs/application.
@CommandHandler(ExecuteMarketingPolicyCommand)
export class MarketingPolicyCommandHandler extends ServiceCommandHandler<MarketingPolicyCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new MarketingPolicyService(executor));
  }
}

/** The policy in force, folded from its settings stream (the defaults while it is empty). */
export class GetMarketingPolicy extends Query<MarketingPolicyRecord> {}

@QueryHandler(GetMarketingPolicy)
export class GetMarketingPolicyHandler implements IQueryHandler<GetMarketingPolicy> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute(): Promise<MarketingPolicyRecord> {
    const { state, revision } = await this.executor.load(MARKETING_POLICY_STREAM, marketingPolicyDecider);
    return { revision, policy: state.policy, lockedSources: LOCKED_SOURCES };
  }
}
