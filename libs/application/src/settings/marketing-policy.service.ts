import { MARKETING_POLICY_STREAM, marketingPolicyDecider, type MarketingPolicyCommand } from '#domain/marketing-policy';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

/** Marketing policy commands: load the one settings stream, decide, append. */
export class MarketingPolicyService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(command: MarketingPolicyCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    return this.executor.execute(MARKETING_POLICY_STREAM, marketingPolicyDecider, command, context, options);
  }
}
