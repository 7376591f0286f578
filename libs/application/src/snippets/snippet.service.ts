// Snippets: write them under a unique #shortcut, look them up, and render one for a record. A shortcut is claimed on
// its own stream before the snippet is written and given back when it is renamed or deleted, as contact emails are
// (contacts/unique-value-claims.ts). Rendering is a read: it writes nothing.
import { companyDecider, companyStream } from '#domain/company';
import { contactDecider, contactStream, type ActiveContact } from '#domain/contact';
import { dealDecider, dealStream, type Deal } from '#domain/deal';
import { ownerDecider, ownerStream } from '#domain/owner';
import { definedProperty, type PropertyDefinitionsState } from '#domain/property-definition';
import { DomainError, notFound, type PropertyValue } from '#domain/shared';
import {
  CUSTOM_PROPERTY_VARIABLE,
  normalizeShortcut,
  renderTemplate,
  snippetDecider,
  snippetShortcutDecider,
  snippetShortcutStream,
  snippetStream,
  type SnippetCommand,
  type SnippetDefinition,
  type SnippetProblem,
} from '#domain/snippet';
import { ticketDecider, ticketStream, type Ticket } from '#domain/ticket';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { CLAIM_TAKEOVER_GRACE_MS } from '../contacts/unique-value-claims.js';
import { validationFailed } from '../errors/application-error.js';
import { loadPropertyDefinitions } from '../properties/property-definition.service.js';
import { randomIds, type RequestContext } from '../request-context.js';

/** A snippet command as a client asks it: the service adds the contact properties a variable may name. */
export type SnippetRequest =
  | Readonly<{ type: 'CreateSnippet'; data: Readonly<{ snippetId: string; shortcut: string; name?: string | null; body: string }>; metadata: Readonly<{ now: string }> }>
  | Readonly<{ type: 'UpdateSnippet'; data: Readonly<{ snippetId: string; shortcut?: string; name?: string | null; body?: string }>; metadata: Readonly<{ now: string }> }>
  | Readonly<{ type: 'DeleteSnippet'; data: Readonly<{ snippetId: string }>; metadata: Readonly<{ now: string }> }>;

export type SnippetView = Readonly<{ snippetId: string; revision: number } & SnippetDefinition>;

/** The records a snippet is rendered for; each is optional. */
export type RenderTargets = Readonly<{ contactId?: string; companyId?: string; dealId?: string; ticketId?: string }>;

export type RenderedSnippet = Readonly<{
  snippetId: string;
  shortcut: string;
  /** The body with every known value inserted as plain text; a missing one keeps its `{{placeholder}}`. */
  text: string;
  /** The variables with no value for these records, in order of first use. */
  missing: readonly string[];
  /** Every variable the body uses and the value inserted (null: missing). */
  values: Readonly<Record<string, string | null>>;
}>;

const customPropertyNames = (state: PropertyDefinitionsState): string[] =>
  [...state.definitions.keys()].filter((name) => definedProperty(state, name) !== undefined);

const shown = (value: PropertyValue | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));

export class SnippetService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(request: SnippetRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    try {
      switch (request.type) {
        case 'CreateSnippet':
          return await this.create(request, context);
        case 'UpdateSnippet':
          return await this.update(request, context, options);
        case 'DeleteSnippet':
          return await this.remove(request, context, options);
      }
    } catch (error) {
      // A snippet's input refused by its rules is bad input: 400 naming every field at fault.
      if (error instanceof DomainError && error.details.rule === 'snippet-invalid') throw validationFailed(error.details.fields as readonly SnippetProblem[]);
      throw error;
    }
  }

  private async customProperties(): Promise<string[]> {
    return customPropertyNames((await loadPropertyDefinitions(this.executor, 'contact')).state);
  }

  private async create(request: Extract<SnippetRequest, { type: 'CreateSnippet' }>, context: RequestContext): Promise<CommandResult> {
    const command: SnippetCommand = { ...request, data: { ...request.data, customProperties: await this.customProperties() } };
    const stream = snippetStream(request.data.snippetId);
    const { state } = await this.executor.load(stream, snippetDecider);
    // Decided once up front so a bad request fails before it claims the shortcut.
    const [created] = snippetDecider.decide(command, state);
    if (created.type !== 'SnippetCreated') throw new Error('CreateSnippet decided no SnippetCreated');
    return this.withShortcut(request.data.snippetId, null, created.data.shortcut, context, () => this.executor.execute(stream, snippetDecider, command, context));
  }

  private async update(request: Extract<SnippetRequest, { type: 'UpdateSnippet' }>, context: RequestContext, options: ExecuteOptions): Promise<CommandResult> {
    const command: SnippetCommand = { ...request, data: { ...request.data, customProperties: await this.customProperties() } };
    const stream = snippetStream(request.data.snippetId);
    const { state, revision } = await this.executor.load(stream, snippetDecider);
    if (options.ifMatch !== undefined && options.ifMatch !== revision) return this.executor.execute(stream, snippetDecider, command, context, options);
    const decided = snippetDecider.decide(command, state);
    const from = state.status === 'active' ? state.snippet.shortcut : null;
    const to = decided[0]?.type === 'SnippetUpdated' ? decided[0].data.shortcut : from;
    // Pinned to the revision decided on, so the shortcut claimed is the shortcut written.
    const write = () => this.executor.execute(stream, snippetDecider, command, context, { ...options, ifMatch: revision });
    return from === to ? write() : this.withShortcut(request.data.snippetId, from, to, context, write);
  }

  private async remove(request: Extract<SnippetRequest, { type: 'DeleteSnippet' }>, context: RequestContext, options: ExecuteOptions): Promise<CommandResult> {
    const stream = snippetStream(request.data.snippetId);
    const { state } = await this.executor.load(stream, snippetDecider);
    const result = await this.executor.execute(stream, snippetDecider, request, context, options);
    if (state.status === 'active') await this.release(state.snippet.shortcut, request.data.snippetId, context);
    return result;
  }

  /** Runs `write` under the claim of `to`, then gives `from` back; a failed write gives its fresh claim back. */
  private async withShortcut(snippetId: string, from: string | null, to: string | null, context: RequestContext, write: () => Promise<CommandResult>): Promise<CommandResult> {
    if (to !== null) await this.claim(to, snippetId, context);
    let result: CommandResult;
    try {
      result = await write();
    } catch (error) {
      if (to !== null && !(await this.holds(snippetId, to))) await this.release(to, snippetId, context);
      throw error;
    }
    if (from !== null && !(await this.holds(snippetId, from))) await this.release(from, snippetId, context);
    return result;
  }

  /** Whether the snippet is live under `shortcut`: only then does its claim stand. */
  private async holds(snippetId: string, shortcut: string): Promise<boolean> {
    const { state } = await this.executor.load(snippetStream(snippetId), snippetDecider);
    return state.status === 'active' && state.snippet.shortcut === normalizeShortcut(shortcut);
  }

  // A claim stream is decided by who holds the shortcut now, never by replaying a key: its events get ids of their own.
  private async claim(shortcut: string, snippetId: string, context: RequestContext): Promise<void> {
    const stream = snippetShortcutStream(shortcut);
    const claims = { ...context, ids: randomIds() };
    const claim = { type: 'ClaimSnippetShortcut', data: { shortcut, snippetId }, metadata: { now: context.now } } as const;
    const { state, revision, recorded } = await this.executor.load(stream, snippetShortcutDecider);
    const holder = state.claimedBy;
    if (holder === null || holder === snippetId) {
      await this.executor.execute(stream, snippetShortcutDecider, claim, claims);
      return;
    }
    // A claim left by a crash between the claim and the snippet's write (older than the grace, its snippet not live
    // under it) is taken over: released and claimed again in one append.
    const claimedAt = Date.parse(recorded[recorded.length - 1].metadata.occurredAt);
    const stale = Date.parse(context.now) - claimedAt > CLAIM_TAKEOVER_GRACE_MS && !(await this.holds(holder, shortcut));
    if (!stale) snippetShortcutDecider.decide(claim, state);
    const release = { type: 'ReleaseSnippetShortcut', data: { shortcut, snippetId: holder }, metadata: { now: context.now } } as const;
    const released = snippetShortcutDecider.decide(release, state);
    const claimed = snippetShortcutDecider.decide(claim, released.reduce(snippetShortcutDecider.evolve, state));
    await this.executor.append(stream, [...released, ...claimed], claim, claims, { expectedRevision: revision });
  }

  private async release(shortcut: string, snippetId: string, context: RequestContext): Promise<void> {
    const release = { type: 'ReleaseSnippetShortcut', data: { shortcut, snippetId }, metadata: { now: context.now } } as const;
    await this.executor.execute(snippetShortcutStream(shortcut), snippetShortcutDecider, release, { ...context, ids: randomIds() });
  }

  /** The snippet as it stands; 404 when absent or deleted. */
  async get(snippetId: string): Promise<SnippetView> {
    const { state, revision } = await this.executor.load(snippetStream(snippetId), snippetDecider);
    if (state.status !== 'active') throw notFound('snippet', snippetId);
    return { snippetId, revision, ...state.snippet };
  }

  /** The live snippet called by `#shortcut` (any case, with or without the #), or null. */
  async byShortcut(shortcut: string): Promise<SnippetView | null> {
    const { state } = await this.executor.load(snippetShortcutStream(shortcut), snippetShortcutDecider);
    if (state.claimedBy === null || !(await this.holds(state.claimedBy, shortcut))) return null;
    return this.get(state.claimedBy);
  }

  /**
   * The snippet rendered for the records named: each must exist (400 naming its field). The company defaults to the
   * contact's, the owner is the contact's, else the deal's, else the ticket's. Values are inserted as plain text.
   */
  async render(snippetId: string, targets: RenderTargets): Promise<RenderedSnippet> {
    const snippet = await this.get(snippetId);
    const contact = targets.contactId === undefined ? null : await this.contact(targets.contactId);
    const deal = targets.dealId === undefined ? null : await this.deal(targets.dealId);
    const ticket = targets.ticketId === undefined ? null : await this.ticket(targets.ticketId);
    const companyId = targets.companyId ?? contact?.companyId ?? null;
    const company = companyId === null ? null : await this.company(companyId, targets.companyId !== undefined);
    const ownerId = contact?.ownerId ?? deal?.ownerId ?? ticket?.ownerId ?? null;
    const owner = ownerId === null ? null : (await this.executor.load(ownerStream(ownerId), ownerDecider)).state;
    const ownerProfile = owner?.status === 'active' ? owner.profile : null;

    const valueOf = (variable: string): string | null => {
      const custom = CUSTOM_PROPERTY_VARIABLE.exec(variable);
      if (custom !== null) return shown(contact?.properties[custom[1]]);
      const profile = contact?.profile;
      switch (variable) {
        case 'contact.firstName':
          return shown(profile?.firstName);
        case 'contact.lastName':
          return shown(profile?.lastName);
        case 'contact.fullName':
          return shown([profile?.firstName, profile?.lastName].filter((part) => part !== null && part !== undefined && part !== '').join(' '));
        case 'contact.email':
          return shown(profile?.email);
        case 'contact.phone':
          return shown(profile?.phone);
        case 'contact.jobTitle':
          return shown(profile?.jobTitle);
        case 'contact.country':
          return shown(profile?.country);
        case 'contact.lifecycleStage':
          return shown(contact?.lifecycleStage);
        case 'owner.name':
          return shown(ownerProfile?.name);
        case 'owner.email':
          return shown(ownerProfile?.email);
        case 'company.name':
          return shown(company?.name);
        case 'company.domain':
          return shown(company?.domain);
        case 'deal.name':
          return shown(deal?.name);
        case 'deal.amount':
          return deal === null ? null : `${deal.amount} ${deal.currency}`;
        case 'deal.closeDate':
          return shown(deal?.closeDate);
        case 'ticket.subject':
          return shown(ticket?.subject);
        case 'ticket.priority':
          return shown(ticket?.priority);
        default:
          // A variable known when the snippet was written whose property was removed since: no value.
          return null;
      }
    };
    const { text, missing } = renderTemplate(snippet.body, valueOf);
    const values = Object.fromEntries(snippet.variables.map((variable) => [variable, missing.includes(variable) ? null : valueOf(variable)]));
    return { snippetId, shortcut: snippet.shortcut, text, missing, values };
  }

  private async contact(contactId: string): Promise<ActiveContact> {
    const { state } = await this.executor.load(contactStream(contactId), contactDecider);
    if (state.status === 'merged') return this.contact(state.mergedInto);
    if (state.status !== 'active') throw validationFailed([{ field: 'contactId', reason: `no contact ${contactId} exists` }]);
    return state;
  }

  private async company(companyId: string, named: boolean): Promise<Readonly<{ name: string; domain: string | null }> | null> {
    const { state } = await this.executor.load(companyStream(companyId), companyDecider);
    if (state.status === 'merged') return this.company(state.mergedInto, named);
    if (state.status === 'active') return state.profile;
    if (named) throw validationFailed([{ field: 'companyId', reason: `no company ${companyId} exists` }]);
    return null;
  }

  private async deal(dealId: string): Promise<Deal> {
    const { state } = await this.executor.load(dealStream(dealId), dealDecider);
    if (state === null) throw validationFailed([{ field: 'dealId', reason: `no deal ${dealId} exists` }]);
    return state;
  }

  private async ticket(ticketId: string): Promise<Ticket> {
    const { state } = await this.executor.load(ticketStream(ticketId), ticketDecider);
    if (state === null) throw validationFailed([{ field: 'ticketId', reason: `no ticket ${ticketId} exists` }]);
    return state;
  }
}
