import fc from 'fast-check';
import { EventValidator, eventCatalog } from '#domain/catalog';
import { openForSuite } from '#test/support/test-database';
import { historyArbitrary, type GeneratedEvent } from '../projection-properties.spec-helper.js';
import { openProjectionBed, type StreamEvent } from '../projection-spec.spec-helper.js';
import { recordTimelineProjection } from './record-timeline.persistence.js';
import { RECORD_TIMELINE_EVENT_TYPES } from './record-timeline.entries.js';

// Each table by its key.
const ORDER: Readonly<Record<string, string>> = {
  record_timeline: 'record_type, record_id, position_commit, position_prepare, via_type, via_id',
  record_timeline_events: 'event_id',
  record_timeline_associations: 'record_key, other_type, other_id, label',
  record_timeline_anchors: 'engagement_id, record_type, record_id',
  record_timeline_merges: 'record_key',
};

const ID_KEYS = ['contactId', 'companyId', 'dealId', 'ticketId', 'engagementId'];

// Association, engagement and merge events over two ids, so that random histories associate, roll up, dissociate
// and merge the same records, in every order; the catalog's schemas give everything else.
const id = fc.constantFrom('a', 'deal-1');
const linking = fc.oneof(
  fc.record({
    type: fc.constantFrom('RecordsAssociated', 'RecordsDissociated'),
    data: fc.record({
      from: fc.record({ type: fc.constant('contact'), id }),
      to: fc.record({ type: fc.constantFrom('company', 'deal'), id }),
      label: fc.constantFrom(null, 'partner'),
    }),
  }),
  fc.record({ type: fc.constant('ContactMerged'), data: fc.record({ contactId: id, mergedInto: id, email: fc.constant('m@example.com') }) }),
  fc.record({
    type: fc.constant('EngagementLogged'),
    data: fc.record({ engagementId: id, contactIds: fc.subarray(['a', 'deal-1']), companyIds: fc.subarray(['a']), dealIds: fc.subarray(['deal-1']) }).map((ids) => ({
      ...ids,
      kind: 'note',
      ownerId: 'rep',
      subject: null,
      body: null,
      durationMinutes: null,
      outcome: null,
      dueAt: null,
      priority: null,
      ticketIds: [],
    })),
  }),
  fc.record({ type: fc.constant('TaskCompleted'), data: fc.record({ engagementId: id, ownerId: fc.constant('rep'), completedBy: fc.constant('rep') }) }),
);
// The helper draws any JSON for a schema it cannot read (oneOf): only what the catalog's schemas allow is kept.
const validator = new EventValidator(eventCatalog);
const history = fc
  .tuple(historyArbitrary(RECORD_TIMELINE_EVENT_TYPES, 6), fc.array(linking, { maxLength: 16 }))
  .map(([generated, links]) => [...generated, ...links.map((link): GeneratedEvent => ({ ...link, occurredAt: '2026-01-01T00:00:00.000Z' }))])
  .chain((events) => fc.shuffledSubarray(events, { minLength: events.length }))
  .map((events) => events.filter((event) => validator.validate(event.type, event.data).valid));

describe('record-timeline takes every value its events allow', () => {
  const bed = openForSuite(openProjectionBed);
  let run = 0;

  it('never throws, shows each record its own events, and builds the same rows live and in one rebuild batch', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (generated) => {
        run++;
        const streamed: StreamEvent[] = generated.map((event, index) => {
          const data = event.data as Record<string, unknown>;
          const key = ID_KEYS.find((k) => typeof data[k] === 'string');
          return [
            `p${run}${key ? `${key.replace(/Id$/, '')}-${encodeURIComponent(String(data[key]))}` : `association-${index}`}`,
            {
              id: crypto.randomUUID(),
              type: event.type,
              data: event.data,
              metadata: { occurredAt: event.occurredAt, actor: 'property', correlationId: 'c', causationId: null, schemaVersion: eventCatalog.schemaVersionOf(event.type), source: 'test' },
            },
          ];
        });
        const recorded = await bed().append(streamed, recordTimelineProjection.filter);
        const live = (base: string) => `${base}_live${run}`;
        const rebuilt = (base: string) => `${base}_rebuilt${run}`;
        const { pool } = bed().db;
        await pool.query(recordTimelineProjection.createTables({ table: live }));
        await pool.query(recordTimelineProjection.createTables({ table: rebuilt }));
        for (const event of recorded) await bed().apply(recordTimelineProjection, [event], live);
        await bed().apply(recordTimelineProjection, recorded, rebuilt);

        const own = await pool.query<{ record_type: string; record_id: string; event_id: string }>(
          `SELECT record_type, record_id, event_id FROM ${live('record_timeline')} WHERE via_type = ''`,
        );
        const shown = new Set(own.rows.map((row) => `${row.record_type}|${row.record_id}|${row.event_id}`));
        for (const event of recorded) {
          const data = event.data as Record<string, unknown>;
          const type = ['contact', 'company', 'deal', 'ticket'].find((t) => event.type.startsWith(t[0].toUpperCase() + t.slice(1)));
          if (type && typeof data[`${type}Id`] === 'string') expect(shown).toContain(`${type}|${data[`${type}Id`]}|${event.id}`);
        }
        for (const base of recordTimelineProjection.tables) {
          const [a, b] = [await pool.query(`SELECT * FROM ${live(base)} ORDER BY ${ORDER[base]}`), await pool.query(`SELECT * FROM ${rebuilt(base)} ORDER BY ${ORDER[base]}`)];
          expect({ [base]: b.rows }).toEqual({ [base]: a.rows });
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 30_000 },
    );
  });
});
