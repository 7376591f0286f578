// Forms, persisted: a batch loads the rows of the form ids it touches (one statement each table), reduces in memory
// and replaces those rows, in the batch's transaction with its checkpoint.
import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, selectByKeys, writeRows } from '../pg-rows.js';
import { FORMS_EVENT_TYPES, reduceForms, touchedFormIds, type FormRow, type FormsEvent, type FormsSourceEvent, type SubmissionCountRow } from './forms.projection.js';
import { FORMS_SCHEMA, FORMS_TABLES } from './forms.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asSource = (event: RecordedEvent): FormsSourceEvent => ({ occurredAt: event.metadata.occurredAt, event: { type: event.type, data: event.data } as FormsEvent });

const FORM_COLUMNS = fieldColumns<FormRow>({
  formId: 'text', name: 'text', version: 'integer', fieldCount: 'integer', consentPolicy: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
});
const SUBMISSION_COLUMNS = fieldColumns<SubmissionCountRow>({ formId: 'text', submissions: 'bigint', lastSubmittedAt: 'timestamptz' });

type FormRecord = { form_id: string; name: string; version: number; field_count: number; consent_policy: string; created_at: Date; updated_at: Date };
type SubmissionRecord = { form_id: string; submissions: string; last_submitted_at: Date };

const loadForms = async (tx: pg.PoolClient, table: string, ids: readonly string[]): Promise<Map<string, FormRow>> => {
  const rows = await selectByKeys<FormRecord>(tx, table, 'form_id', ids, ['form_id', 'name', 'version', 'field_count', 'consent_policy', 'created_at', 'updated_at']);
  return new Map(rows.map((r) => [r.form_id, {
    formId: r.form_id, name: r.name, version: r.version, fieldCount: r.field_count, consentPolicy: r.consent_policy,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  }]));
};

const loadSubmissions = async (tx: pg.PoolClient, table: string, ids: readonly string[]): Promise<Map<string, SubmissionCountRow>> => {
  const rows = await selectByKeys<SubmissionRecord>(tx, table, 'form_id', ids, ['form_id', 'submissions', 'last_submitted_at']);
  return new Map(rows.map((r) => [r.form_id, { formId: r.form_id, submissions: Number(r.submissions), lastSubmittedAt: r.last_submitted_at.toISOString() }]));
};

export const formsProjection: ProjectionDefinition = {
  ...FORMS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: FORMS_EVENT_TYPES },
  apply: async (recorded, { tx, table }) => {
    const events = recorded.map(asSource);
    const ids = touchedFormIds(events.map((e) => e.event));
    const tables = { forms: table(FORMS_TABLES.forms), submissions: table(FORMS_TABLES.submissions) };
    const changes = reduceForms({ forms: await loadForms(tx, tables.forms, ids), submissions: await loadSubmissions(tx, tables.submissions, ids) }, events);
    await writeRows(tx, tables.forms, FORM_COLUMNS, [...changes.forms.values()], { key: ['form_id'], then: 'replace' });
    await writeRows(tx, tables.submissions, SUBMISSION_COLUMNS, [...changes.submissions.values()], { key: ['form_id'], then: 'replace' });
  },
};
