import {
  companyDecider,
  companyStream,
  type CompanyEvent,
  type CreateCompany,
  type UpdateCompany,
} from '#domain/company';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { withUniqueValue, type ClaimWarning, type HolderHasValue, type UniqueValueChange } from '../contacts/unique-value-claims.js';
import type { RequestContext } from '../request-context.js';

/** A domain claim stands while its company has that domain. */
const companyHasDomain =
  (executor: CommandExecutor): HolderHasValue =>
  async (companyId, domain) => {
    const { state } = await executor.load(companyStream(companyId), companyDecider);
    return state.status === 'active' && state.profile.domain === domain;
  };

type DomainChange = Readonly<{ from: string | null; to: string | null }>;

// The domain before and after, as the decider normalized it; undefined when the events leave it alone.
const domainChange = (events: readonly CompanyEvent[]): DomainChange | undefined => {
  for (const event of events) {
    if (event.type === 'CompanyCreated') return { from: null, to: event.data.domain };
    const change = event.data.changes.find((c) => c.field === 'domain');
    if (change?.field === 'domain') return { from: change.previous, to: change.value };
  }
  return undefined;
};

/** Company commands: decide, move the domain claim, append. */
export class CompanyService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly warn: ClaimWarning,
  ) {}

  create(command: CreateCompany, context: RequestContext): Promise<CommandResult> {
    const { companyId } = command.data;
    // Decided once up front so a bad request fails before it claims the domain.
    const created = companyDecider.decide(command, companyDecider.initialState());
    return this.withDomain(companyId, domainChange(created) ?? { from: null, to: null }, context, () =>
      this.executor.execute(companyStream(companyId), companyDecider, command, context),
    );
  }

  async update(command: UpdateCompany, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const { companyId } = command.data;
    const stream = companyStream(companyId);
    const { state, revision } = await this.executor.load(stream, companyDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      return this.executor.execute(stream, companyDecider, command, context, options);
    }
    const change = domainChange(companyDecider.decide(command, state));
    if (change === undefined) return this.executor.execute(stream, companyDecider, command, context, options);
    // Pinned to the revision decided on, so the domain claimed is the domain written.
    return this.withDomain(companyId, change, context, () =>
      this.executor.execute(stream, companyDecider, command, context, { ...options, ifMatch: revision }),
    );
  }

  /** Runs `command` under the claim of the company's new domain, then gives the old one back. */
  private withDomain(companyId: string, change: DomainChange, context: RequestContext, command: () => Promise<CommandResult>): Promise<CommandResult> {
    const claim: UniqueValueChange = { kind: 'company-domain', ownerId: companyId, ...change, holderHasValue: companyHasDomain(this.executor) };
    return withUniqueValue(this.executor, claim, context, command, this.warn);
  }
}
