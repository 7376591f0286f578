// Associations between records: the pair's labels live on the pair's stream, while the fields records had before
// (a contact's and a deal's primary company, a deal's contacts) stay with their records and change through their
// own commands, so each fact has one writer and the old routes and the new one agree.
import {
  associationDecider,
  associationRows,
  associationStream,
  applyToAssociationRows,
  associationChangesOf,
  associationLabel,
  canonicalPair,
  isObjectType,
  labelsOfPair,
  PRIMARY_LABEL,
  type AssociationCommand,
  type AssociationEvent,
  type AssociationState,
  type ObjectType,
  type RecordRef,
} from '#domain/association';
import { companyDecider, companyStream, requireActiveCompany } from '#domain/company';
import { contactDecider, contactStream, requireActiveContact } from '#domain/contact';
import { dealDecider, dealStream } from '#domain/deal';
import { DomainError, type Decider } from '#domain/shared';
import { ticketDecider, ticketStream } from '#domain/ticket';
import { comparePositions, type RecordedEvent } from '#event-store';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import type { ContactService } from '../contacts/contact.service.js';
import type { DealService } from '../deals/deal.service.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { AssociationError } from './association-error.js';

/** label: omitted on PUT is a plain association, on DELETE every label of the pair; `primary` is the primary company. */
export type AssociationRequest = Readonly<{ from: RecordRef; to: RecordRef; label?: string | null }>;

/** A record with every stream whose events say what it is associated with: its own and those of records merged into it. */
type LoadedRecord = Readonly<{
  ref: RecordRef;
  /** Its id and the ids of the records merged into it (directly or not). */
  ids: readonly string[];
  recorded: readonly RecordedEvent[];
  primaryCompanyId: string | null;
  contactIds: readonly string[];
}>;

type Label = Readonly<{ kind: 'primary' }> | Readonly<{ kind: 'label'; label: string | null }> | Readonly<{ kind: 'all' }>;

const STREAM_OF: Readonly<Record<ObjectType, (id: string) => string>> = {
  contact: contactStream,
  company: companyStream,
  deal: dealStream,
  ticket: ticketStream,
};

const isPair = (a: RecordRef, b: RecordRef, first: ObjectType, second: ObjectType): boolean => a.type === first && b.type === second;

/** Associate and dissociate two records of different object types, with or without a label. */
export class AssociationService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly contacts: ContactService,
    private readonly deals: DealService,
  ) {}

  async associate(request: AssociationRequest, context: RequestContext): Promise<CommandResult> {
    const label = checkedLabel(request.label, 'plain');
    const [a, b] = await this.loadPair(request);
    const results: CommandResult[] = [];
    if (label.kind === 'primary') {
      results.push(await this.setPrimaryCompany(a, b, context));
    } else if (label.kind === 'label' && label.label === null && isPair(a.ref, b.ref, 'contact', 'deal')) {
      // A deal's contacts are the deal's own field: its stream stays the one writer of plain contact associations.
      if (!b.contactIds.some((id) => a.ids.includes(id))) {
        results.push(await this.deals.handle(command('AssociateDealContact', { dealId: b.ref.id, contactId: a.ref.id }, context), context));
      }
    } else {
      results.push(await this.decideOnPair(a, b, { type: 'AssociateRecords', data: { from: a.ref, to: b.ref, label: label.kind === 'label' ? label.label : null }, metadata: { now: context.now } }, context));
    }
    return this.answer(a.ref, b.ref, results);
  }

  async dissociate(request: AssociationRequest, context: RequestContext): Promise<CommandResult> {
    const label = checkedLabel(request.label, 'all');
    const [a, b] = await this.loadPair(request);
    const primary = label.kind === 'primary' || label.kind === 'all';
    if (primary && isPair(a.ref, b.ref, 'company', 'deal') && b.primaryCompanyId !== null && a.ids.includes(b.primaryCompanyId)) {
      throw new AssociationError('PRIMARY_COMPANY_REQUIRED', `company ${a.ref.id} is the primary company of deal ${b.ref.id}: set another one instead`, {
        dealId: b.ref.id,
        companyId: a.ref.id,
      });
    }
    const results: CommandResult[] = [];
    if (primary && isPair(a.ref, b.ref, 'contact', 'company') && a.primaryCompanyId !== null && b.ids.includes(a.primaryCompanyId)) {
      const data = { contactId: a.ref.id, companyId: a.primaryCompanyId };
      results.push(await this.contacts.handle(command('DissociateContactFromCompany', data, context), context));
    }
    const plain = label.kind === 'all' || (label.kind === 'label' && label.label === null);
    if (plain && isPair(a.ref, b.ref, 'contact', 'deal')) {
      // Contacts merged into this one may still be listed on the deal under their own ids.
      for (const contactId of b.contactIds.filter((id) => a.ids.includes(id))) {
        results.push(await this.deals.handle(command('DissociateDealContact', { dealId: b.ref.id, contactId }, context), context));
      }
    }
    if (label.kind !== 'primary') {
      const data = label.kind === 'all' ? { from: a.ref, to: b.ref } : { from: a.ref, to: b.ref, label: label.label };
      results.push(await this.decideOnPair(a, b, { type: 'DissociateRecords', data, metadata: { now: context.now } }, context));
    }
    return this.answer(a.ref, b.ref, results);
  }

  private async setPrimaryCompany(a: LoadedRecord, b: LoadedRecord, context: RequestContext): Promise<CommandResult> {
    if (isPair(a.ref, b.ref, 'contact', 'company')) {
      return this.contacts.handle(command('AssociateContactWithCompany', { contactId: a.ref.id, companyId: b.ref.id }, context), context);
    }
    if (isPair(a.ref, b.ref, 'company', 'deal')) {
      return this.deals.handle(command('AssociateDealCompany', { dealId: b.ref.id, companyId: a.ref.id }, context), context);
    }
    throw validationFailed([{ field: 'label', reason: `${PRIMARY_LABEL} names the primary company of a contact or a deal` }]);
  }

  /**
   * Decides on the pair's stream against every label the pair has, whichever stream recorded it (a ticket's
   * contacts at creation, the pair streams of records merged into these), pinned to the revision read.
   */
  private async decideOnPair(a: LoadedRecord, b: LoadedRecord, pairCommand: AssociationCommand, context: RequestContext): Promise<CommandResult> {
    const stream = associationStream(a.ref, b.ref);
    const pairStreams = a.ids.flatMap((aId) => b.ids.map((bId) => associationStream({ type: a.ref.type, id: aId }, { type: b.ref.type, id: bId })));
    const streams = await Promise.all(pairStreams.map((name) => this.executor.readStream(name)));
    const own = streams[pairStreams.indexOf(stream)];
    const events = [...a.recorded, ...b.recorded, ...streams.flat()].sort((x, y) => comparePositions(x.position, y.position));
    const rows = associationRows();
    for (const event of events) {
      for (const change of associationChangesOf(event.type, event.data)) {
        applyToAssociationRows(rows, change, { occurredAt: event.metadata.occurredAt, position: '' });
      }
    }
    const labels = labelsOfPair(rows, a.ref, b.ref).filter((label) => !ownedByRecords(a.ref, b.ref, label));
    // The state is read above, not folded from the pair stream: the executor folds nothing onto it.
    const decider: Decider<AssociationCommand, AssociationEvent, AssociationState> = {
      decide: associationDecider.decide,
      evolve: (state) => state,
      initialState: () => ({ labels }),
    };
    const revision = own.length === 0 ? -1 : own[own.length - 1].revision;
    return this.executor.execute(stream, decider, pairCommand, context, { ifMatch: revision });
  }

  /** Both records, in canonical order: each must exist and not be merged away. */
  private async loadPair({ from, to }: AssociationRequest): Promise<[LoadedRecord, LoadedRecord]> {
    if (!isObjectType(from.type)) throw validationFailed([{ field: 'from.type', reason: `must be one of contact, company, deal, ticket` }]);
    if (!isObjectType(to.type)) throw validationFailed([{ field: 'to.type', reason: `must be one of contact, company, deal, ticket` }]);
    if (from.type === to.type) throw validationFailed([{ field: 'to.type', reason: `two ${from.type} records cannot be associated` }]);
    const [a, b] = canonicalPair(from, to);
    return Promise.all([this.load({ type: a.type, id: a.id }, a === from ? 'from' : 'to'), this.load({ type: b.type, id: b.id }, b === from ? 'from' : 'to')]);
  }

  private async load(ref: RecordRef, field: 'from' | 'to'): Promise<LoadedRecord> {
    const missing = () => new DomainError('NOT_FOUND', `${ref.type} ${ref.id} does not exist`, { id: ref.id, type: ref.type, field });
    switch (ref.type) {
      case 'contact': {
        const { state, recorded } = await this.executor.load(contactStream(ref.id), contactDecider);
        if (state.status === 'absent') throw missing();
        const contact = requireActiveContact(state, ref.id);
        return { ref, ...(await this.withMerged(ref, recorded)), primaryCompanyId: contact.companyId, contactIds: [] };
      }
      case 'company': {
        const { state, recorded } = await this.executor.load(companyStream(ref.id), companyDecider);
        if (state.status === 'absent') throw missing();
        requireActiveCompany(state, ref.id);
        return { ref, ...(await this.withMerged(ref, recorded)), primaryCompanyId: null, contactIds: [] };
      }
      case 'deal': {
        const { state, recorded } = await this.executor.load(dealStream(ref.id), dealDecider);
        if (state === null) throw missing();
        return { ref, ids: [ref.id], recorded, primaryCompanyId: state.companyId, contactIds: state.contactIds };
      }
      case 'ticket': {
        const { state, recorded } = await this.executor.load(ticketStream(ref.id), ticketDecider);
        if (state === null) throw missing();
        return { ref, ids: [ref.id], recorded, primaryCompanyId: null, contactIds: [] };
      }
    }
  }

  /** The record's stream and those of every record merged into it, however long ago and through however many merges. */
  private async withMerged(ref: RecordRef, recorded: readonly RecordedEvent[]): Promise<{ ids: string[]; recorded: RecordedEvent[] }> {
    const ids = [ref.id];
    const all = [...recorded];
    for (let next = recorded; next.length > 0; ) {
      const absorbed = next.flatMap((event) => absorbedId(event) ?? []).filter((id) => !ids.includes(id));
      ids.push(...absorbed);
      next = (await Promise.all(absorbed.map((id) => this.executor.readStream(STREAM_OF[ref.type](id))))).flat();
      all.push(...next);
    }
    return { ids, recorded: all };
  }

  /** One answer for the pair: its stream and revision, the last position written and every event of every stream. */
  private async answer(a: RecordRef, b: RecordRef, results: readonly CommandResult[]): Promise<CommandResult> {
    const streamName = associationStream(a, b);
    const own = results.find((result) => result.streamName === streamName);
    const revision = own?.revision ?? (await this.executor.load(streamName, associationDecider)).revision;
    const positions = results.flatMap((result) => (result.position === null ? [] : [result.position]));
    return {
      streamName,
      revision,
      position: positions.length === 0 ? null : positions[positions.length - 1],
      events: results.flatMap((result) => result.events),
      ...(results.length > 0 && results.every((result) => result.replayed) ? { replayed: true as const } : {}),
    };
  }
}

// A contact's and a deal's primary company, and a deal's plain contacts, are written by those records' commands.
const ownedByRecords = (a: RecordRef, b: RecordRef, label: string | null): boolean =>
  label === PRIMARY_LABEL || (label === null && isPair(a, b, 'contact', 'deal'));

const absorbedId = (event: RecordedEvent): string | null => {
  const data = event.data as Readonly<Record<string, unknown>>;
  if (event.type === 'ContactAbsorbed') return String(data.mergedContactId);
  if (event.type === 'CompanyAbsorbed') return String(data.mergedCompanyId);
  return null;
};

/** The label as asked: `primary` (any case) is the primary company; otherwise trimmed and bounded, or a 400 naming it. */
const checkedLabel = (label: string | null | undefined, omitted: 'plain' | 'all'): Label => {
  if (label === undefined) return omitted === 'plain' ? { kind: 'label', label: null } : { kind: 'all' };
  if (label !== null && label.trim().toLowerCase() === PRIMARY_LABEL) return { kind: 'primary' };
  try {
    return { kind: 'label', label: associationLabel(label) };
  } catch (error) {
    if (error instanceof DomainError) throw validationFailed([{ field: 'label', reason: error.message }]);
    throw error;
  }
};

const command = <T extends string, D>(type: T, data: D, context: RequestContext) => ({ type, data, metadata: { now: context.now } });
