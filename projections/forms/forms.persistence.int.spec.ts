import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { inStream, type SpecEvent } from '../projection-spec.spec-helper.js';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { formsProjection } from './forms.persistence.js';

const day = (n: number) => `2026-12-0${n}T10:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const noRules = { maxLength: null, pattern: null, options: null };
const definition = {
  name: 'Demo',
  fields: [{ name: 'email', type: 'email', label: 'Email', required: true, validation: noRules, mapsTo: 'email' }],
  settings: { submitText: 'Submit', thankYouMessage: 'Thanks', redirectUrl: null, allowedOrigins: [], consentPolicy: 'policy' },
};
const submitted = (formId: string, contactId: string, at: string) =>
  inStream(`activity-${contactId}`, event('FormSubmitted', at, { contactId, formId, fields: { email: `${contactId}@x.test` } }));

describe('forms rebuild', () => {
  const bed = useRebuildBed(formsProjection);

  it('equals the live build row for row: versions, and submissions counted by form id', async () => {
    const history = [
      ...inStream('form-f1', event('FormCreated', day(1), { formId: 'f1', ...definition })),
      ...submitted('f1', 'ada', day(2)),
      ...inStream('form-f1', event('FormUpdated', day(3), { formId: 'f1', version: 2, ...definition, name: 'Demo request' })),
      ...submitted('f1', 'bob', day(4)),
      ...submitted('demo', 'cy', day(5)),
    ];
    const { live, rebuilt } = await bed.compare(history, { forms_definitions: 'form_id', forms_submissions: 'form_id' });
    expect(live.forms_definitions).toEqual([
      expect.objectContaining({ form_id: 'f1', name: 'Demo request', version: 2, field_count: 1, consent_policy: 'policy' }),
    ]);
    expect(live.forms_submissions.map((row) => [row.form_id, String(row.submissions)])).toEqual([['demo', '1'], ['f1', '2']]);
    expect(rebuilt).toEqual(live);
  });
});

describe('forms takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, and keeps one row per form defined', async () => {
    await assertProjects(bed, formsProjection, async ({ events, table, pool }) => {
      const defined = [...new Set(events.filter((e) => e.type === 'FormCreated' || e.type === 'FormUpdated').map((e) => String((e.data as { formId: string }).formId)))].sort();
      const rows = await pool.query<{ id: string }>(`SELECT form_id AS id FROM ${table('forms_definitions')}`);
      expect(rows.rows.map((row) => row.id).sort()).toEqual(defined);
    });
  });
});
