import type pg from 'pg';
import { openForSuite } from '#test/support/test-database';
import { ProjectionEngine } from '#projection-engine';
import { contactCreated, inStream, openProjectionBed, type ProjectionBed, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { searchProjection } from './search.persistence.js';
import type { SearchObjectType } from './search.projection.js';
import { duplicates, search, SCORES } from './search.queries.js';

const event = (type: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data });
const at = '2026-01-10T09:00:00.000Z';
const contact = (id: string, data: Readonly<Record<string, unknown>>): StreamEvent[] => inStream(`contact-${id}`, contactCreated(id, at, data));
const company = (id: string, name: string, domain: string | null, properties = {}): StreamEvent[] =>
  inStream(`company-${id}`, event('CompanyCreated', { companyId: id, name, domain, industry: null, employees: null, country: null, properties }));
const ticket = (id: string, subject: string, pipelineId: string): StreamEvent[] =>
  inStream(`ticket-${id}`, event('TicketCreated', {
    ticketId: id, subject, pipelineId, stageId: 'new', priority: 'high', ownerId: null, contactIds: [], companyIds: [], dealIds: [], properties: {},
  }));
const ticketPipeline = (id: string, name: string): StreamEvent[] =>
  inStream(`pipeline-${id}`, event('PipelineCreated', {
    pipelineId: id, objectType: 'ticket', name, stages: [{ id: 'new', label: '新規', probability: 0.5, closed: null, stuckAfterDays: 3 }, { id: 'done', label: '完了', probability: 1, closed: 'won', stuckAfterDays: null }],
  }));

const HISTORY: StreamEvent[] = [
  ...company('co-acme', 'Acme Corporation', 'acme.example'),
  ...company('co-acme2', 'ACME Corporation Ltd', null),
  ...company('co-siam', 'บริษัท สยามเทรดดิ้ง จำกัด', 'siam-trading.co.th'),
  ...company('co-other', 'Globex', 'globex.example'),
  ...company('co-tanaka', '株式会社田中商事', null),
  ...contact('c-taro', { firstName: '太郎', lastName: '田中', email: 'taro.tanaka@acme.example', phone: '+81 3-1234-5678', companyId: 'co-acme' }),
  ...contact('c-hanako', { firstName: 'Hanako', lastName: 'Tanaka', email: 'hanako@globex.example', companyId: 'co-other' }),
  ...contact('c-jon', { firstName: 'Jon', lastName: 'Smith', email: 'jon.smith+crm@gmail.com', companyId: 'co-acme' }),
  ...contact('c-john', { firstName: 'John', lastName: 'Smith', email: 'JonSmith@gmail.com', companyId: 'co-acme' }),
  ...contact('c-sakura', { firstName: 'Sakura', lastName: 'Trading', email: 'info@sakura.example', phone: '03 1234 5678' }),
  ...ticketPipeline('tp-success', '【サクセス】問合せ対応'),
  ...ticket('t-1', 'ログインできない', 'tp-success'),
];

describe('search and duplicates queries', () => {
  let pool: pg.Pool;
  const bed = openForSuite(async (): Promise<ProjectionBed> => {
    const opened = await openProjectionBed();
    pool = opened.db.pool;
    // The builds' table: every answer reads the search build's position (none here: the tables are applied directly).
    await ProjectionEngine.migrate(pool);
    await pool.query(searchProjection.createTables({ table: (base) => base }));
    await opened.apply(searchProjection, await opened.append(HISTORY, searchProjection.filter), (base) => base);
    return opened;
  });
  const find = async (q: string, types: readonly SearchObjectType[] = ['contact', 'company', 'deal', 'ticket']) => {
    bed();
    return (await search(pool, { q, types, limit: 20 })).data;
  };
  const ids = async (q: string) => (await find(q)).map((hit) => hit.id);

  it('finds Japanese names by any part, a word start first', async () => {
    expect(await find('田中')).toEqual([
      { type: 'contact', id: 'c-taro', title: '太郎 田中', subtitle: 'taro.tanaka@acme.example', score: SCORES.prefix, matched: 'prefix' },
      { type: 'company', id: 'co-tanaka', title: '株式会社田中商事', subtitle: null, score: SCORES.substring, matched: 'substring' },
    ]);
    expect(await ids('太郎')).toEqual(['c-taro']);
    expect(await ids('商事')).toEqual(['co-tanaka']);
    expect(await ids('田')).toEqual(['c-taro']);
  });

  it("finds tickets by their pipeline's name, with the pipeline and stage as subtitle", async () => {
    expect(await find('サクセス')).toEqual([{ type: 'ticket', id: 't-1', title: 'ログインできない', subtitle: '【サクセス】問合せ対応 · 新規', score: SCORES.pipeline, matched: 'pipeline' }]);
  });

  it('finds Thai company names', async () => {
    expect(await ids('บริษัท')).toEqual(['co-siam']);
    expect(await ids('สยาม')).toEqual(['co-siam']);
  });

  it('ranks an exact email or domain first, then word starts, then fragments', async () => {
    expect((await find('taro.tanaka@acme.example'))[0]).toMatchObject({ id: 'c-taro', score: SCORES.exact, matched: 'email' });
    const acme = await find('acme.example');
    expect(acme.map((hit) => [hit.id, hit.matched])).toEqual([['co-acme', 'domain'], ['c-taro', 'domain']]);
    expect((await find('tanaka@acme')).map((hit) => [hit.id, hit.matched])).toEqual([['c-taro', 'substring']]);
    expect((await find('tanaka')).map((hit) => [hit.id, hit.matched])).toEqual([['c-hanako', 'prefix'], ['c-taro', 'prefix']]);
  });

  it('matches phone numbers on their digits, written any way', async () => {
    for (const q of ['+81 3-1234-5678', '81312345678', '(81) 3 1234 5678']) {
      expect((await find(q))[0]).toMatchObject({ id: 'c-taro', matched: 'phone', score: SCORES.exact });
    }
    expect((await find('1234-5678')).map((hit) => [hit.id, hit.matched])).toEqual([['c-sakura', 'phone'], ['c-taro', 'phone']]);
    // Too few digits for a phone number: only the text matches.
    expect((await find('1234')).map((hit) => hit.matched)).not.toContain('phone');
  });

  it('finds Latin words with a typo, below every exact or partial match', async () => {
    const hits = await find('tanka');
    expect(hits.map((hit) => [hit.id, hit.matched])).toEqual([['c-hanako', 'similar'], ['c-taro', 'similar']]);
    expect(hits.every((hit) => hit.score > 0 && hit.score <= SCORES.similar)).toBe(true);
    expect(await ids('sakrua')).toEqual(['c-sakura']);
  });

  it('finds a record holding a near word of every word typed before one holding a near word of some', async () => {
    const hits = await find('hanak tanka');
    expect(hits.map((hit) => [hit.id, hit.matched])[0]).toEqual(['c-hanako', 'similar']);
    expect(hits[0].score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('finds a record by any of its words starting with the query, once', async () => {
    expect((await find('acme', ['contact', 'company'])).map((hit) => hit.id)).toEqual(['co-acme', 'co-acme2', 'c-taro']);
  });

  it('searches only the types asked for', async () => {
    expect(await find('acme', ['contact'])).toEqual([expect.objectContaining({ id: 'c-taro' })]);
  });

  it('treats LIKE wildcards in the query as text', async () => {
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });

  it('pairs contacts with one normalised email or similar names at one company, each pair once', async () => {
    bed();
    const page = await duplicates(pool, { objectType: 'contact', limit: 10 });
    expect(page.data.map((pair) => [pair.a.id, pair.b.id, pair.reasons])).toEqual([['c-john', 'c-jon', ['email', 'name']]]);
  });

  it('pairs companies with similar names, paged', async () => {
    bed();
    const first = await duplicates(pool, { objectType: 'company', limit: 1 });
    expect(first.data.map((pair) => [pair.a.id, pair.b.id, pair.reasons])).toEqual([['co-acme', 'co-acme2', ['name']]]);
    expect(first.nextCursor).toBeUndefined();
  });
});
