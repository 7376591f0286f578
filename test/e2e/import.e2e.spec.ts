import { randomUUID } from 'node:crypto';
import { collect } from '../support/events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('POST /v1/import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const ndjson = (contactId: string, count: number) =>
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        streamName: `activity-${contactId}`,
        event: {
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`.replace(/^0{8}/, contactId.slice(0, 8)),
          type: 'PageViewed',
          data: { contactId, url: `https://x.test/page/${i}`, title: null, referrer: null },
          metadata: { occurredAt: `2025-0${1 + (i % 9)}-01T00:00:00Z` },
        },
      }),
    ).join('\n');

  it('imports a streamed file, reports counts, and stores nothing twice on a re-run', async () => {
    // Page views are judged against their contact, as the decider would: the contact exists first.
    const created = await t.http().post('/v1/contacts').send({ email: `importer-${randomUUID().slice(0, 8)}@example.com`, source: 'import' }).expect(201);
    const contactId: string = created.body.id;
    const body = `${ndjson(contactId, 1200)}\nnot json\n`;
    const first = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(body).expect(200);
    expect(first.body).toMatchObject({ lines: 1201, accepted: 1200, duplicates: 0, rejected: 1 });
    expect(first.body.rejections).toEqual([{ line: 1201, reason: 'not valid JSON' }]);

    const again = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(body).expect(200);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1200, rejected: 1 });
    const events = await collect(t.runtime.eventStore.readStream(`activity-${contactId}`));
    expect(events).toHaveLength(1200);
    expect(events[0].metadata).toMatchObject({ actor: expect.stringMatching(/^key:[a-z0-9]{16}$/), source: 'import', occurredAt: '2025-01-01T00:00:00.000Z' });
  });

  it('refuses a body that is not NDJSON', async () => {
    const response = await t.http().post('/v1/import').send({ streamName: 'x' }).expect(415);
    expect(response.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
