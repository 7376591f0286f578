import {
  companyDecider,
  companyStream,
  type ChangeCompanyProperties,
  type CompanyCommand,
  type CompanyEvent,
  type CreateCompany,
  type UpdateCompany,
} from '#domain/company';
import type { Command, PropertyValues } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { withUniqueValue, type ClaimWarning, type HolderHasValue, type UniqueValueChange } from '../contacts/unique-value-claims.js';
import { batchDecider, commandBatch } from '../properties/command-batch.js';
import { RecordProperties } from '../properties/record-properties.js';
import type { RequestContext } from '../request-context.js';

/** A PATCH of a company: built-in fields and, when given, custom properties (only those to set; null clears one). */
export type UpdateCompanyRequest = Command<'UpdateCompany', UpdateCompany['data'] & Readonly<{ properties?: PropertyValues }>>;

const companyBatchDecider = batchDecider(companyDecider);

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
    if (event.type !== 'CompanyUpdated') continue;
    const change = event.data.changes.find((c) => c.field === 'domain');
    if (change?.field === 'domain') return { from: change.previous, to: change.value };
  }
  return undefined;
};

/** Company commands: check the custom properties, decide, move the domain and unique-value claims, append. */
export class CompanyService {
  private readonly properties: RecordProperties;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly warn: ClaimWarning,
  ) {
    this.properties = new RecordProperties(executor, warn);
  }

  async create(request: CreateCompany, context: RequestContext): Promise<CommandResult> {
    const { companyId } = request.data;
    const properties = await this.properties.check('company', request.data.properties ?? {});
    const command: CreateCompany = { ...request, data: { ...request.data, properties: properties.values } };
    // Decided once up front so a bad request fails before it claims the domain.
    const created = companyDecider.decide(command, companyDecider.initialState());
    return this.properties.withUniqueValues(companyId, {}, properties, context, () =>
      this.withDomain(companyId, domainChange(created) ?? { from: null, to: null }, context, () =>
        this.executor.execute(companyStream(companyId), companyDecider, command, context),
      ),
    );
  }

  async update(request: UpdateCompanyRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const { properties: requested, ...data } = request.data;
    const { companyId } = data;
    const properties = requested === undefined ? null : await this.properties.check('company', requested);
    const update: UpdateCompany = { type: 'UpdateCompany', data, metadata: request.metadata };
    const change: ChangeCompanyProperties[] =
      properties === null ? [] : [{ type: 'ChangeCompanyProperties', data: { companyId, properties: properties.values }, metadata: request.metadata }];
    const command = commandBatch<CompanyCommand>([update, ...change]);
    const stream = companyStream(companyId);
    const { state, revision } = await this.executor.load(stream, companyDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      return this.executor.execute(stream, companyBatchDecider, command, context, options);
    }
    const domain = domainChange(companyBatchDecider.decide(command, state));
    if (domain === undefined && !(properties !== null && this.properties.claimsAny(properties))) {
      return this.executor.execute(stream, companyBatchDecider, command, context, options);
    }
    // Pinned to the revision decided on, so the values claimed are the values written.
    const write = () => this.executor.execute(stream, companyBatchDecider, command, context, { ...options, ifMatch: revision });
    const withDomain = domain === undefined ? write : () => this.withDomain(companyId, domain, context, write);
    if (properties === null) return withDomain();
    return this.properties.withUniqueValues(companyId, state.status === 'active' ? state.properties : {}, properties, context, withDomain);
  }

  /** Runs `command` under the claim of the company's new domain, then gives the old one back. */
  private withDomain(companyId: string, change: DomainChange, context: RequestContext, command: () => Promise<CommandResult>): Promise<CommandResult> {
    const claim: UniqueValueChange = { kind: 'company-domain', ownerId: companyId, ...change, holderHasValue: companyHasDomain(this.executor) };
    return withUniqueValue(this.executor, claim, context, command, this.warn);
  }
}
