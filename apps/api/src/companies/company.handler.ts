import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import {
  companyDecider,
  companyStream,
  type CompanyEvent,
  type CreateCompany,
  type UpdateCompany,
} from '../../../../libs/domain/src/company/index.js';
import { withUniqueValue, type HolderHasValue, type UniqueValueChange } from '../contacts/unique-value-claims.js';

/** A domain claim stands while its company has that domain. */
const companyHasDomain =
  (executor: CommandExecutor): HolderHasValue =>
  async (companyId, domain) => {
    const { state } = await executor.load(companyStream(companyId), companyDecider);
    return state.status === 'active' && state.profile.domain === domain;
  };

// The domain before and after, as the decider normalized it; undefined when the events leave it alone.
const domainChange = (events: readonly CompanyEvent[]): Readonly<{ from: string | null; to: string | null }> | undefined => {
  for (const event of events) {
    if (event.type === 'CompanyCreated') return { from: null, to: event.data.domain };
    const change = event.data.changes.find((c) => c.field === 'domain');
    if (change?.field === 'domain') return { from: change.previous, to: change.value };
  }
  return undefined;
};

export class CreateCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly command: CreateCompany,
    readonly context: RequestContext,
  ) {
    super();
  }
}

export class UpdateCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly command: UpdateCompany,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(CreateCompanyCommand)
export class CreateCompanyHandler implements ICommandHandler<CreateCompanyCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ command, context }: CreateCompanyCommand): Promise<CommandResult> {
    const { companyId } = command.data;
    // Decided once up front so a bad request fails before it claims the domain.
    const created = companyDecider.decide(command, companyDecider.initialState());
    const claim: UniqueValueChange = {
      kind: 'company-domain',
      ownerId: companyId,
      ...(domainChange(created) ?? { from: null, to: null }),
      holderHasValue: companyHasDomain(this.executor),
    };
    return withUniqueValue(this.executor, claim, context, () =>
      this.executor.execute(companyStream(companyId), companyDecider, command, context),
    );
  }
}

@CommandHandler(UpdateCompanyCommand)
export class UpdateCompanyHandler implements ICommandHandler<UpdateCompanyCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ command, context, options }: UpdateCompanyCommand): Promise<CommandResult> {
    const { companyId } = command.data;
    const stream = companyStream(companyId);
    const { state, revision } = await this.executor.load(stream, companyDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      return this.executor.execute(stream, companyDecider, command, context, options);
    }
    const change = domainChange(companyDecider.decide(command, state));
    if (change === undefined) return this.executor.execute(stream, companyDecider, command, context, options);
    const claim: UniqueValueChange = {
      kind: 'company-domain',
      ownerId: companyId,
      ...change,
      holderHasValue: companyHasDomain(this.executor),
    };
    // Pinned to the revision decided on, so the domain claimed is the domain written.
    return withUniqueValue(this.executor, claim, context, () =>
      this.executor.execute(stream, companyDecider, command, context, { ...options, ifMatch: revision }),
    );
  }
}
