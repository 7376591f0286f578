// The record a run acts on, as the plain JSON scope conditions and templates read (`contact.email`,
// `deal.amount`, `owner.name`, `leadScore.qualification`): folded from the record's own streams with the domain
// deciders, so it never lags a read model, plus the lead score, which only its read model knows. A deal's amount is
// the decimal string its (upcast) events carry, "10000.00": conditions compare it as an exact decimal, never a float.
import { companyDecider, companyStream } from '#domain/company';
import { contactDecider, contactStream } from '#domain/contact';
import { dealDecider, dealStream } from '#domain/deal';
import { ownerDecider, ownerStream } from '#domain/owner';
import { fold, type DomainEvent } from '#domain/shared';
import { ticketDecider, ticketStream } from '#domain/ticket';
import { comparePositions, parsePosition, type EventStore, type RecordedEvent } from '#event-store';
import type { RecordState, RecordType } from '#workflows';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';

type Scope = Record<string, unknown>;

export type RecordRef = Readonly<{ recordType: RecordType; recordId: string }>;

/** Where a record stands: its scope, and the ids its actions need (owner, associated records). */
export type LoadedRecord = Readonly<{
  state: RecordState;
  /** False when the record does not exist (or was merged away): actions on it are skipped. */
  exists: boolean;
  ownerId: string | null;
  contactIds: readonly string[];
}>;

export class RecordStates {
  constructor(
    private readonly store: EventStore,
    private readonly leadScores: LeadScoreReadModel | null,
  ) {}

  /**
   * The record now, or as it stood at `asOf` (a position: the simulator judges history by the state then; the lead
   * score is then left out, its read model only knows the present).
   */
  async load(record: RecordRef, asOf?: string): Promise<LoadedRecord> {
    const upTo = asOf === undefined ? undefined : parsePosition(asOf);
    const read = async <E extends DomainEvent, S>(stream: string, decider: { evolve: (s: S, e: E) => S; initialState: () => S }): Promise<S> => {
      const events: RecordedEvent[] = [];
      for await (const event of this.store.readStream(stream)) {
        if (upTo !== undefined && comparePositions(event.position, upTo) > 0) break;
        events.push(event);
      }
      return fold(decider, events.map((e) => ({ type: e.type, data: e.data }) as E));
    };
    const owner = async (ownerId: string | null): Promise<Scope | null> => {
      if (ownerId === null) return null;
      const state = await read(ownerStream(ownerId), ownerDecider);
      return state.status === 'active' ? { id: ownerId, ownerId, ...state.profile } : null;
    };
    const company = async (companyId: string | null): Promise<Scope | null> => {
      if (companyId === null) return null;
      const state = await read(companyStream(companyId), companyDecider);
      return state.status === 'active' ? { id: companyId, companyId, ...state.profile, properties: state.properties } : null;
    };
    const contact = async (contactId: string | null): Promise<Scope | null> => {
      if (contactId === null) return null;
      const state = await read(contactStream(contactId), contactDecider);
      if (state.status !== 'active') return null;
      const { status: _status, profile, absorbedContactIds: _absorbed, revision: _revision, decisions: _decisions, ...rest } = state;
      return { id: contactId, ...profile, ...rest };
    };
    const leadScore = async (contactId: string): Promise<Scope | null> => {
      if (this.leadScores === null || upTo !== undefined) return null;
      const { score } = await this.leadScores.find(contactId);
      return score === null ? null : { total: score.total, fit: score.fit, engagement: score.engagement, qualification: score.qualification, formulaId: score.formulaId };
    };

    switch (record.recordType) {
      case 'contact': {
        const found = await contact(record.recordId);
        if (found === null) return absent({ contact: null });
        const ownerId = (found.ownerId as string | null) ?? null;
        const state: RecordState = {
          contact: found,
          owner: await owner(ownerId),
          company: await company((found.companyId as string | null) ?? null),
          leadScore: await leadScore(record.recordId),
        };
        return { state, exists: true, ownerId, contactIds: [record.recordId] };
      }
      case 'deal': {
        const deal = await read(dealStream(record.recordId), dealDecider);
        if (deal === null) return absent({ deal: null });
        const firstContact = deal.contactIds[0] ?? null;
        const state: RecordState = {
          deal: { id: deal.dealId, ...deal },
          owner: await owner(deal.ownerId),
          company: await company(deal.companyId),
          contact: await contact(firstContact),
          leadScore: firstContact === null ? null : await leadScore(firstContact),
        };
        return { state, exists: true, ownerId: deal.ownerId, contactIds: deal.contactIds };
      }
      case 'ticket': {
        const ticket = await read(ticketStream(record.recordId), ticketDecider);
        if (ticket === null) return absent({ ticket: null });
        const firstContact = ticket.contactIds[0] ?? null;
        const state: RecordState = {
          ticket: { id: ticket.ticketId, ...ticket },
          owner: await owner(ticket.ownerId),
          company: await company(ticket.companyIds[0] ?? null),
          contact: await contact(firstContact),
        };
        return { state, exists: true, ownerId: ticket.ownerId, contactIds: ticket.contactIds };
      }
      case 'company': {
        const found = await company(record.recordId);
        if (found === null) return absent({ company: null });
        return { state: { company: found }, exists: true, ownerId: null, contactIds: [] };
      }
    }
  }
}

const absent = (state: RecordState): LoadedRecord => ({ state, exists: false, ownerId: null, contactIds: [] });
