// Survey results, persisted: a batch loads the owners of the contacts it touches, those owners' teams and the
// tickets' pipelines (one statement each), reduces in memory, then upserts those rows and inserts the surveys and
// answers (an answer once per link: a replayed batch finds it stored), so a rebuild equals the live build.
import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, probeByKeys, selectByKeys, writeRows } from '../pg-rows.js';
import {
  reduceSurveyResults,
  SURVEY_RESULTS_EVENT_TYPES,
  touchedKeys,
  type ResponseRow,
  type SurveyResultsEvent,
  type SurveyResultsSourceEvent,
  type SurveyRow,
} from './survey-results.projection.js';
import { SURVEY_RESULTS_SCHEMA, SURVEY_RESULTS_TABLES } from './survey-results.tables.js';
import { applyWithErasures, CONTACT_ERASED } from '../erasure.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asSource = (event: RecordedEvent): SurveyResultsSourceEvent => ({
  id: event.id,
  occurredAt: event.metadata.occurredAt,
  event: { type: event.type, data: event.data } as SurveyResultsEvent,
});

const SURVEY_COLUMNS = fieldColumns<SurveyRow>({ surveyId: 'text', type: 'text', name: 'text', question: 'text', createdAt: 'timestamptz', eventId: 'text' });
const RESPONSE_COLUMNS = fieldColumns<ResponseRow>({
  linkId: 'text', surveyId: 'text', surveyType: 'text', contactId: 'text', ticketId: 'text', score: 'integer', category: 'text', comment: 'text',
  ownerId: 'text', team: 'text', pipelineId: 'text', respondedAt: 'timestamptz', period: 'text', eventId: 'text',
});
const CONTACT_COLUMNS = fieldColumns<{ contactId: string; ownerId: string | null }>({ contactId: 'text', ownerId: 'text' });
const OWNER_COLUMNS = fieldColumns<{ ownerId: string; team: string | null }>({ ownerId: 'text', team: 'text' });
const TICKET_COLUMNS = fieldColumns<{ ticketId: string; pipelineId: string }>({ ticketId: 'text', pipelineId: 'text' });

// Contacts and tickets grow with the history: one index probe per key.
const loadMap = async <V>(tx: pg.PoolClient, table: string, key: string, value: string, keys: readonly string[], probe: boolean): Promise<Map<string, V>> => {
  const rows = probe
    ? await probeByKeys<Record<string, string>>(tx, table, key, keys, [key, value])
    : await selectByKeys<Record<string, string>>(tx, table, key, keys, [key, value]);
  return new Map(rows.map((row) => [row[key], row[value] as V]));
};

export const surveyResultsProjection: ProjectionDefinition = {
  ...SURVEY_RESULTS_SCHEMA,
  // 2: ContactErased clears the contact's survey comments.
  codeVersion: 2,
  filter: { eventTypes: [...SURVEY_RESULTS_EVENT_TYPES, CONTACT_ERASED] },
  apply: async (events, { tx, table }) => {
    await applyWithErasures(
      events,
      async (recorded) => {
        const events = recorded.map(asSource);
        const keys = touchedKeys(events.map((e) => e.event));
        const tables = {
          surveys: table(SURVEY_RESULTS_TABLES.surveys),
          contacts: table(SURVEY_RESULTS_TABLES.contacts),
          owners: table(SURVEY_RESULTS_TABLES.owners),
          tickets: table(SURVEY_RESULTS_TABLES.tickets),
          responses: table(SURVEY_RESULTS_TABLES.responses),
        };
        const contactOwners = await loadMap<string | null>(tx, tables.contacts, 'contact_id', 'owner_id', keys.contactIds, true);
        const ownerIds = new Set([...keys.ownerIds, ...[...contactOwners.values()].filter((id): id is string => id !== null)]);
        const changes = reduceSurveyResults(
          {
            contactOwners,
            ownerTeams: await loadMap<string | null>(tx, tables.owners, 'owner_id', 'team', [...ownerIds], false),
            ticketPipelines: await loadMap<string>(tx, tables.tickets, 'ticket_id', 'pipeline_id', keys.ticketIds, true),
          },
          events,
        );
        const contacts = [...changes.contactOwners].map(([contactId, ownerId]) => ({ contactId, ownerId }));
        await writeRows(tx, tables.contacts, CONTACT_COLUMNS, contacts, { key: ['contact_id'], then: 'replace' });
        const owners = [...changes.ownerTeams].map(([ownerId, team]) => ({ ownerId, team }));
        await writeRows(tx, tables.owners, OWNER_COLUMNS, owners, { key: ['owner_id'], then: 'replace' });
        const tickets = [...changes.ticketPipelines].map(([ticketId, pipelineId]) => ({ ticketId, pipelineId }));
        await writeRows(tx, tables.tickets, TICKET_COLUMNS, tickets, { key: ['ticket_id'], then: 'replace' });
        // A survey is created once and a link answered once: a replayed batch finds them stored.
        await writeRows(tx, tables.surveys, SURVEY_COLUMNS, changes.surveys, { key: ['survey_id'], then: 'nothing' });
        await writeRows(tx, tables.responses, RESPONSE_COLUMNS, changes.responses, { key: ['link_id'], then: 'nothing' });
      },
      async (contactIds) => {
        // The score and category stay for the numbers; the comment is the person's own words.
        await tx.query(`UPDATE ${table(SURVEY_RESULTS_TABLES.responses)} SET comment = NULL WHERE contact_id = ANY($1::text[])`, [contactIds]);
      },
    );
  },
};
