// The funnel, persisted: a batch's events become fact rows (funnel.projection.ts), inserted once each; an event
// applied again (a lost checkpoint) finds its rows there and leaves them as they are.
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, writeRows } from '../pg-rows.js';
import {
  funnelRowsOf,
  FUNNEL_EVENT_TYPES,
  type DealContactRow,
  type FunnelContactRow,
  type FunnelDealRow,
  type MergeRow,
  type OutcomeRow,
  type StageEntryRow,
  type TouchRow,
} from './funnel.projection.js';
import { FUNNEL_SCHEMA, FUNNEL_TABLES as T } from './funnel.tables.js';

const POSITION = { posCommit: 'bigint', posPrepare: 'bigint' } as const;
const CONTACT_COLUMNS = fieldColumns<FunnelContactRow>({ contactId: 'text', createdAt: 'timestamptz', source: 'text', eventId: 'text' });
const ENTRY_COLUMNS = fieldColumns<StageEntryRow>({ eventId: 'text', contactId: 'text', stage: 'text', enteredAt: 'timestamptz', ...POSITION });
const TOUCH_COLUMNS = fieldColumns<TouchRow>({ eventId: 'text', contactId: 'text', kind: 'text', source: 'text', touchedAt: 'timestamptz', ...POSITION });
const MERGE_COLUMNS = fieldColumns<MergeRow>({ eventId: 'text', contactId: 'text', mergedInto: 'text', mergedAt: 'timestamptz' });
const DEAL_COLUMNS = fieldColumns<FunnelDealRow>({ dealId: 'text', createdAt: 'timestamptz', eventId: 'text' });
const DEAL_CONTACT_COLUMNS = fieldColumns<DealContactRow>({
  eventId: 'text', dealId: 'text', contactId: 'text', label: 'text', added: 'boolean', changedAt: 'timestamptz', ...POSITION,
});
const OUTCOME_COLUMNS = fieldColumns<OutcomeRow>({
  eventId: 'text', dealId: 'text', outcome: 'text', amount: 'numeric', currency: 'text', closedAt: 'timestamptz', ...POSITION,
});

const ONCE = { then: 'nothing' } as const;

export const funnelProjection: ProjectionDefinition = {
  ...FUNNEL_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: FUNNEL_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const rows = funnelRowsOf(events);
    await writeRows(tx, table(T.contacts), CONTACT_COLUMNS, rows.contacts, ONCE);
    await writeRows(tx, table(T.stageEntries), ENTRY_COLUMNS, rows.stageEntries, ONCE);
    await writeRows(tx, table(T.touches), TOUCH_COLUMNS, rows.touches, ONCE);
    await writeRows(tx, table(T.merges), MERGE_COLUMNS, rows.merges, ONCE);
    await writeRows(tx, table(T.deals), DEAL_COLUMNS, rows.deals, ONCE);
    await writeRows(tx, table(T.dealContacts), DEAL_CONTACT_COLUMNS, rows.dealContacts, ONCE);
    await writeRows(tx, table(T.outcomes), OUTCOME_COLUMNS, rows.outcomes, ONCE);
  },
};
