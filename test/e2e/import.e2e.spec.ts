import { randomUUID } from 'node:crypto';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

describe('POST /v1/import', () => {
  const t = useTestApp();

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

  it('rejects a line whose bytes are no UTF-8 with its reason, never storing it as U+FFFD, and imports the others', async () => {
    const created = await t.http().post('/v1/contacts').send({ email: `utf8-${randomUUID().slice(0, 8)}@example.com`, source: 'import' }).expect(201);
    const contactId: string = created.body.id;
    const view = (title: string) =>
      JSON.stringify({
        streamName: `activity-${contactId}`,
        event: { id: randomUUID(), type: 'PageViewed', data: { contactId, url: 'https://x.test/', title, referrer: null }, metadata: { occurredAt: '2025-01-01T00:00:00Z' } },
      });
    const [before, invalid, after] = [view('Zoë'), view('Zo?'), view('Zoë 2')].map((line) => Buffer.from(line));
    // A lone 0xff (Latin-1 ë) where the title's ? is: readline would have decoded it as U+FFFD.
    invalid[invalid.indexOf('Zo?') + 2] = 0xff;
    const body = Buffer.concat([before, Buffer.from('\r\n'), invalid, Buffer.from('\n'), after, Buffer.from('\n')]);
    const response = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(body).expect(200);
    expect(response.body).toMatchObject({ lines: 3, accepted: 2, rejected: 1 });
    expect(response.body.rejections).toEqual([{ line: 2, reason: 'line 2 is not valid UTF-8: nothing of it was stored' }]);
    const titles = (await collect(t.runtime.eventStore.readStream(`activity-${contactId}`))).map((e) => (e.data as { title: string }).title);
    expect(titles).toEqual(['Zoë', 'Zoë 2']);
  });

  it('refuses a body declared in a charset other than UTF-8', async () => {
    const response = await t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson; charset=ISO-8859-1').send('{}\n').expect(415);
    expect(response.body.message).toBe('send the history as UTF-8, not iso-8859-1');
  });

  it('refuses a body that is not NDJSON', async () => {
    const response = await t.http().post('/v1/import').send({ streamName: 'x' }).expect(415);
    expect(response.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
