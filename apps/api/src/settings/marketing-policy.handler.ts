import { Inject } from '@nestjs/common';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  MarketingPolicyService,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import {
  LOCKED_SOURCES,
  MARKETING_POLICY_STREAM,
  marketingPolicyDecider,
  type MarketingPolicyCommand,
} from '../../../../libs/domain/src/marketing-policy/index.js';
import type { MarketingPolicyRecord } from './marketing-policy.dto.js';

export class ExecuteMarketingPolicyCommand extends Command<CommandResult> {
  constructor(
    readonly command: MarketingPolicyCommand,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of policy commands; the use case is MarketingPolicyService in libs/application (framework-free).
@CommandHandler(ExecuteMarketingPolicyCommand)
export class MarketingPolicyCommandHandler implements ICommandHandler<ExecuteMarketingPolicyCommand> {
  private readonly service: MarketingPolicyService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new MarketingPolicyService(executor);
  }

  execute({ command, context, options }: ExecuteMarketingPolicyCommand): Promise<CommandResult> {
    return this.service.handle(command, context, options);
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
