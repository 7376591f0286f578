import { randomUUID } from 'node:crypto';
import { contactCreated, dealCreated, pipelineCreated } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, csvPages, pageThrough, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

type Change = { eventId: string };
type Ok = { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> };
type Entry = { eventId: string; eventType: string };

// A CSV line's cells; the values written here hold no quoted comma.
const cells = (line: string): string[] => line.split(',');

describe('read-model CSV over HTTP: paging, header rows, flattened columns', () => {
  const t = useTestApp();

  it('pages CSV by Link and X-Next-Cursor: three pages, every row exactly once, the same header on each', async () => {
    // Effective in a year no other spec writes to, so the window holds exactly these five changes.
    let position = '0';
    for (let day = 1; day <= 5; day++) {
      const contactId = randomUUID();
      position = await appendEvents(t, `contact-${contactId}`, [storable(contactCreated(contactId, `2031-01-0${day}T00:00:00.000Z`), { schemaVersion: 2 })]);
    }
    const query = `from=2031-01-01&to=2032-01-01&limit=2&minPosition=${position}`;
    const pages = await csvPages(t, `/v1/read-models/marketing-contacts/changes?${query}`);

    expect(pages.map((page) => page.lines.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.map((page) => page.header))).toEqual(new Set(['contactId,effectiveAt,status,previous,reason,eventId,countDelta']));
    for (const page of pages.slice(0, 2)) {
      expect(page.link).toBe(`</v1/read-models/marketing-contacts/changes?${query}&cursor=${encodeURIComponent(page.nextCursor!)}>; rel="next"`);
    }
    expect(pages[2]).toMatchObject({ link: undefined, nextCursor: undefined });

    const json = await pageThrough<Change>((cursor) =>
      t.http().get(`/v1/read-models/marketing-contacts/changes?${query}`).query(cursor ? { cursor } : {}),
    );
    const csvEventIds = pages.flatMap((page) => page.lines.map((line) => cells(line)[5]));
    expect(csvEventIds).toEqual(json.map((change) => change.eventId));
    expect(new Set(csvEventIds).size).toBe(5);
  });

  it('pages a timeline whose pages bring different columns, each page complete with its own header', async () => {
    const contactId = randomUUID();
    await appendEvents(t, `contact-${contactId}`, [storable(contactCreated(contactId, '2026-04-01T08:00:00.000Z'))]);
    const position = await appendEvents(
      t,
      `activity-${contactId}`,
      Array.from({ length: 6 }, (_, i) =>
        newEvent('PageViewed', { contactId, url: `/page-${i}`, title: null, referrer: null }, { occurredAt: `2026-04-01T09:0${i}:00.000Z` }),
      ),
    );
    const pages = await csvPages(t, `/v1/contacts/${contactId}/timeline?limit=3&minPosition=${position}`);
    expect(pages.map((page) => page.lines.length)).toEqual([3, 3, 1]);
    const json = await pageThrough<Entry>((cursor) => t.http().get(`/v1/contacts/${contactId}/timeline`).query({ limit: 3, ...(cursor ? { cursor } : {}) }));
    const csvRows = pages.flatMap(({ header, lines }) => lines.map((line) => Object.fromEntries(cells(header).map((column, i) => [column, cells(line)[i]]))));
    expect(csvRows.map((row) => row.eventId)).toEqual(json.map((entry) => entry.eventId));
    // The event's data in its own columns, where the data field stands; its keys in the order the store keeps them.
    const columns = cells(pages[0].header);
    expect(columns.slice(0, 5)).toEqual(['eventId', 'eventType', 'occurredAt', 'position', 'summary']);
    expect(columns.slice(5, -1).sort()).toEqual(['data.contactId', 'data.referrer', 'data.title', 'data.url']);
    expect(columns.at(-1)).toBe('mergedFrom');
    expect(pages[2].header.split(',')).toEqual(expect.arrayContaining(['data.email', 'data.marketingStatus', 'mergedFrom']));
    expect(csvRows.slice(0, 6).map((row) => row['data.url'])).toEqual(['/page-5', '/page-4', '/page-3', '/page-2', '/page-1', '/page-0']);
  });

  it('answers the header row for an empty result, the same header a full page has', async () => {
    const empty = await t.http().get('/v1/read-models/lead-scores').query({ minScore: 1e9 }).set('Accept', 'text/csv').expect(200);
    expect(empty.text).toBe('contactId,fit,engagement,total,qualification,formulaId,asOf,position\r\n');
    expect(empty.headers.link).toBeUndefined();

    const pipelineId = `p-${randomUUID().slice(0, 8)}`;
    const position = await appendEvents(t, `pipeline-${pipelineId}`, [storable(pipelineCreated(pipelineId, 'deal', [['lead'], ['won', 'won']]))]);
    const url = '/v1/read-models/pipeline-health/stuck-deals';
    const none = await t.http().get(url).query({ pipelineId, minPosition: position }).set('Accept', 'text/csv').expect(200);
    expect(none.text).toBe('dealId,name,pipelineId,stageId,ownerId,enteredStageAt,daysInStage,stuckAfterDays,amount,currency\r\n');

    const dealId = randomUUID();
    const dealPosition = await appendEvents(t, `deal-${dealId}`, [storable(dealCreated(dealId, '2026-01-01T00:00:00.000Z', { pipelineId, stageId: 'lead' }))]);
    const one = await t.http().get(url).query({ pipelineId, asOf: '2026-02-01T00:00:00.000Z', minPosition: dealPosition }).set('Accept', 'text/csv').expect(200);
    const [header, row] = one.text.split('\r\n');
    expect(`${header}\r\n`).toBe(none.text);
    expect(row.startsWith(`${dealId},Deal ${dealId},${pipelineId},lead,`)).toBe(true);
  });

  it('flattens pipeline health into a column per stage, currency and forecast month', async () => {
    const pipelineId = `p-${randomUUID().slice(0, 8)}`;
    await appendEvents(t, `pipeline-${pipelineId}`, [storable(pipelineCreated(pipelineId, 'deal', [['lead'], ['demo'], ['won', 'won']]))]);
    await appendEvents(t, `deal-${randomUUID()}`, [storable(dealCreated(randomUUID(), '2026-01-01T00:00:00.000Z', { pipelineId, stageId: 'lead', amount: '100.00' }))]);
    const dealId = randomUUID();
    const position = await appendEvents(t, `deal-${dealId}`, [
      storable(dealCreated(dealId, '2026-01-01T00:00:00.000Z', { pipelineId, stageId: 'demo', amount: '50.00', currency: 'USD', closeDate: '2026-04-30' })),
    ]);
    const query = { pipelineId, asOf: '2026-02-01T00:00:00.000Z', minPosition: position };
    const { body } = await t.http().get('/v1/read-models/pipeline-health').query(query).expect(200);
    const csv = await t.http().get('/v1/read-models/pipeline-health').query(query).set('Accept', 'text/csv').expect(200);
    const [header, line, end] = csv.text.split('\r\n');
    expect(end).toBe('');
    const row = Object.fromEntries(cells(header).map((column, i) => [column, cells(line)[i]]));
    expect(cells(header).slice(0, 4)).toEqual(['pipelineId', 'name', 'asOf', 'stages.lead.label']);
    expect(row).toMatchObject({
      pipelineId,
      'stages.lead.openDeals': '1',
      // Amounts are decimal strings in their currency's digits, in JSON and in CSV alike.
      'stages.lead.amounts.EUR.total': '100.00',
      'stages.lead.amounts.EUR.weighted': String(body.data.stages[0].amounts[0].weighted),
      'stages.demo.amounts.USD.total': '50.00',
      'stages.won.openDeals': '0',
      'stages.won.averageAgeDays': '',
      'forecast.2026-03.EUR.total': '100.00',
      'forecast.2026-04.USD.total': '50.00',
      won: '0',
      winRate: '',
    });
    // Nothing is left as JSON in a cell.
    expect(Object.values(row).filter((cell) => /^[[{]/.test(cell))).toEqual([]);
    expect(Object.keys(row).filter((column) => /\.stageId$|\.currency$|\.month$/.test(column))).toEqual([]);
  });

  it('documents every read-model answer: its JSON schema, text/csv and the paging headers', async () => {
    const { body: document } = await t.anonymous().get('/docs/openapi.json').expect(200);
    const routes = Object.entries(document.paths as Record<string, { get?: { responses: Record<string, Ok> } }>).filter(
      ([path, item]) => item.get && (path.startsWith('/v1/read-models/') || path.endsWith('/timeline')),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const paged = ['/v1/contacts/{id}/timeline', '/v1/read-models/lead-scores', '/v1/read-models/marketing-contacts/changes', '/v1/read-models/pipeline-health/stuck-deals', '/v1/read-models/stage-durations/visits',
      // #17: the deals behind the MRR figures, paged.
      '/v1/read-models/mrr/deals',
      // #18: survey comments, newest first, paged.
      '/v1/read-models/survey-comments'];
    for (const [path, item] of routes) {
      const ok = item.get!.responses['200'];
      expect([path, ok.content?.['application/json']?.schema]).toEqual([path, expect.anything()]);
      if (path.endsWith('/verify')) continue;
      expect([path, ok.content?.['text/csv']]).toEqual([path, { schema: { type: 'string' } }]);
      expect([path, Object.keys(ok.headers ?? {}).sort()]).toEqual([path, paged.includes(path) ? ['Link', 'X-Next-Cursor', 'X-Tally-Position'] : ['X-Tally-Position']]);
    }
    const schemas = document.components.schemas as Record<string, { properties?: Record<string, { type?: string; nullable?: boolean }> }>;
    for (const name of ['TimelineEntryDto', 'LeadScoreSummaryDto', 'PipelineHealthDto', 'StageHealthDto', 'OpenTicketsByStageDto', 'StageVisitDto']) {
      const properties = Object.entries(schemas[name]?.properties ?? {});
      expect([name, properties.length > 0]).toEqual([name, true]);
      expect([name, properties.filter(([, property]) => property.nullable && property.type === 'object')]).toEqual([name, []]);
    }
    expect(schemas.OpenTicketsByStageDto.properties!.pipelineName).toEqual({ type: 'string', nullable: true });
  });
});

describe('read-model paging from a browser on another origin', () => {
  const t = useTestApp({ env: { TALLY_CORS_ORIGINS: 'https://console.example' } });

  it('lets the allowed origin read the paging and position headers', async () => {
    const response = await (await t.as('super-admin'))
      .get('/v1/read-models/marketing-contacts/changes?limit=1')
      .set('Origin', 'https://console.example')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://console.example');
    const exposed = String(response.headers['access-control-expose-headers']).split(',').map((name) => name.trim());
    expect(exposed).toEqual(expect.arrayContaining(['Link', 'X-Next-Cursor', 'X-Tally-Position']));
  });
});
