import { randomUUID } from 'node:crypto';
import { newEvent } from '#test/support/events';
import { storedInstant } from '../pg-values.js';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { runEngine } from '../projection-spec.spec-helper.js';
import { contactTimelineProjection } from './contact-timeline.persistence.js';

// Events of the contact's own streams: each is a row of its contact's timeline.
const OWN_EVENT = /^(Contact|PageViewed|FormSubmitted|MarketingEmail)/;

describe('contact-timeline takes every value its events allow', () => {
  // Issue 12: a page view that happened at 0000-01-01T00:00:00Z parked the build, and resume parked it again.
  it('stores a page view of year 0 (and of year 10000) instead of parking', async () => {
    const contactId = randomUUID();
    const view = (occurredAt: string) => newEvent('PageViewed', { contactId, url: 'https://x.test/', title: null, referrer: null }, { occurredAt });
    const build = await runEngine(
      contactTimelineProjection,
      [
        [`activity-${contactId}`, view('0000-01-01T00:00:00.000Z')],
        [`activity-${contactId}`, view('+010000-01-01T00:00:00.000Z')],
      ],
      async (pool) => {
        const { rows } = await pool.query<{ occurred_at: Date }>('SELECT occurred_at FROM contact_timeline WHERE contact_id = $1 ORDER BY occurred_at', [contactId]);
        expect(rows.map((r) => r.occurred_at.toISOString())).toEqual(['0000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z']);
      },
    );
    expect(build.parked).toBeNull();
  });

  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and shows each contact event at its business time', async () => {
    await assertProjects(bed, contactTimelineProjection, async ({ events, table, pool }) => {
      const { rows } = await pool.query<{ contact_id: string; event_id: string; occurred_at: Date }>(
        `SELECT contact_id, event_id, occurred_at FROM ${table('contact_timeline')} WHERE merged_from IS NULL`,
      );
      const stored = new Map(rows.map((row) => [`${row.contact_id}|${row.event_id}`, row.occurred_at.toISOString()]));
      // An erasure deletes its contact's timeline as it stood: only what came after it shows.
      const lastErasure = new Map(events.flatMap((e, index) => (e.type === 'ContactErased' ? [[(e.data as { contactId: string }).contactId, index] as const] : [])));
      events.forEach((event, index) => {
        if (!OWN_EVENT.test(event.type) || event.type === 'ContactErased') return;
        const { contactId } = event.data as { contactId: string };
        const erased = (lastErasure.get(contactId) ?? -1) > index;
        expect(stored.get(`${contactId}|${event.id}`)).toBe(erased ? undefined : storedInstant(event.metadata.occurredAt));
      });
    });
  });
});
