import { randomUUID } from 'node:crypto';
import { uniqueValueStream } from '#domain/unique-value';
import { collect, newEvent } from '#test/support/events';
import { appendEvents, pageThrough } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';

type Hit = { type: string; id: string; title: string; subtitle: string | null; score: number; matched: string };
type Pair = { a: { id: string; title: string }; b: { id: string; title: string }; reasons: string[]; nameSimilarity: number | null };

describe('search and possible duplicates over HTTP', () => {
  const t = useTestApp();
  let position = '0';
  const ids: Record<string, string> = {};

  const written = (body: { id: string; position: string | null }) => {
    if (body.position !== null) position = body.position;
    return body.id;
  };
  const company = async (name: string, domain?: string) =>
    written((await t.http().post('/v1/companies').send({ name, ...(domain ? { domain } : {}) }).expect(201)).body);
  const contact = async (body: Readonly<Record<string, string>>) =>
    written((await t.http().post('/v1/contacts').send({ source: 'api', ...body }).expect(201)).body);

  const search = async (q: string, query: Readonly<Record<string, string>> = {}, agent = t.http()): Promise<Hit[]> =>
    (await agent.get('/v1/search').query({ q, minPosition: position, ...query }).expect(200)).body.data;
  const found = async (q: string, query: Readonly<Record<string, string>> = {}) => (await search(q, query)).map((hit) => [hit.type, hit.id, hit.matched]);
  const pairs = (type: 'contacts' | 'companies', limit = 50): Promise<Pair[]> =>
    pageThrough<Pair>((cursor) => t.http().get(`/v1/duplicates/${type}`).query({ minPosition: position, limit, ...(cursor ? { cursor } : {}) }));

  beforeAll(async () => {
    ids.acme = await company('Acme Corporation', 'acme.example');
    ids.acmeLtd = await company('ACME Corporation Ltd');
    ids.siam = await company('บริษัท สยามเทรดดิ้ง จำกัด', 'siam-trading.co.th');
    ids.globex = await company('Globex', 'globex.example');
    ids.taro = await contact({ firstName: '太郎', lastName: '田中', email: 'taro.tanaka@acme.example', phone: '+81 3-1234-5678', companyId: ids.acme });
    ids.hanako = await contact({ firstName: 'Hanako', lastName: 'Tanaka', email: 'hanako@globex.example', companyId: ids.globex });
    ids.jon = await contact({ firstName: 'Jon', lastName: 'Smith', email: 'jon.smith+crm@gmail.com', companyId: ids.acmeLtd });
    ids.john = await contact({ firstName: 'John', lastName: 'Smith', email: 'jonsmith@gmail.com', companyId: ids.acmeLtd });
    ids.sakura = await contact({ firstName: 'Sakura', lastName: 'Trading', email: 'info@sakura.example', phone: '03 9999 0000' });
    ids.phoneTwin = await contact({ firstName: 'Info', email: 'desk@sakura.example', phone: '0399990000' });
    const stage = (id: string, label: string, closed?: 'won') => ({ id, label, probability: closed ? 1 : 0.5, ...(closed ? { closed } : {}) });
    const pipeline = (await t.http().post('/v1/pipelines').send({ objectType: 'ticket', name: '【サクセス】問合せ対応', stages: [stage('new', '新規'), stage('done', '完了', 'won')] }).expect(201)).body;
    ids.pipeline = written(pipeline);
    ids.ticket = written((await t.http().post('/v1/tickets').send({ subject: 'ログインできない', pipelineId: ids.pipeline, stageId: 'new', priority: 'high' }).expect(201)).body);
    // Two companies on one domain cannot be made through the api (a domain is claimed); an imported history can.
    ids.acmeImported = randomUUID();
    position = await appendEvents(t, `company-${ids.acmeImported}`, [
      newEvent('CompanyCreated', { companyId: ids.acmeImported, name: 'Imported Acme', domain: 'acme.example', industry: null, employees: null, country: null, properties: {} }, { schemaVersion: 2 }),
    ]);
  });

  describe('GET /v1/search', () => {
    it('finds a Japanese name by its family name', async () => {
      expect(await search('田中')).toEqual([
        { type: 'contact', id: ids.taro, title: '太郎 田中', subtitle: 'taro.tanaka@acme.example', score: 0.8, matched: 'prefix' },
      ]);
    });

    it('names the position of the search read model it answers from, with hits or none', async () => {
      const commit = (at: string) => BigInt(at.split(':')[0]);
      for (const q of ['田中', 'tanaka', 'globex dub', 'nothing-matches-this']) {
        const { body } = await t.http().get('/v1/search').query({ q, minPosition: position }).expect(200);
        expect(commit(body.position)).toBeGreaterThanOrEqual(commit(position));
      }
    });

    it("finds tickets by their pipeline's name, showing pipeline and stage", async () => {
      expect(await search('サクセス')).toEqual([
        { type: 'ticket', id: ids.ticket, title: 'ログインできない', subtitle: '【サクセス】問合せ対応 · 新規', score: 0.5, matched: 'pipeline' },
      ]);
    });

    it('finds Thai company names', async () => {
      expect(await found('บริษัท')).toEqual([['company', ids.siam, 'prefix']]);
      expect(await found('สยาม')).toEqual([['company', ids.siam, 'prefix']]);
    });

    it('ranks exact emails and domains above word starts above fragments', async () => {
      expect(await found('Taro.Tanaka@ACME.example')).toEqual([['contact', ids.taro, 'email']]);
      expect(await found('acme.example')).toEqual([
        ['company', ids.acme, 'domain'],
        ['company', ids.acmeImported, 'domain'],
        ['contact', ids.taro, 'domain'],
      ]);
      expect(await found('tanaka@acme')).toEqual([['contact', ids.taro, 'substring']]);
      const scores = (await search('acme')).map((hit) => [hit.id, hit.matched, hit.score]);
      // Equal scores in title order, whatever the case.
      expect(scores).toEqual([
        [ids.acme, 'prefix', 0.8],
        [ids.acmeLtd, 'prefix', 0.8],
        [ids.acmeImported, 'prefix', 0.8],
        [ids.taro, 'prefix', 0.8],
      ]);
    });

    it('matches a phone number by its digits, with or without spaces, dashes or +', async () => {
      for (const q of ['+81 3-1234-5678', '81312345678', '+81 (3) 1234 5678']) expect((await found(q))[0]).toEqual(['contact', ids.taro, 'phone']);
      // Equal scores in title order: Info, Sakura Trading.
      expect(await found('03-9999-0000')).toEqual([
        ['contact', ids.phoneTwin, 'phone'],
        ['contact', ids.sakura, 'phone'],
      ]);
      expect((await search('1234')).map((hit) => hit.matched)).not.toContain('phone');
    });

    it('tolerates a typo in a Latin word, ranked below exact and partial matches', async () => {
      expect(await found('tanka')).toEqual([
        ['contact', ids.hanako, 'similar'],
        ['contact', ids.taro, 'similar'],
      ]);
      expect(await found('Sakrua')).toEqual([
        ['contact', ids.phoneTwin, 'similar'],
        ['contact', ids.sakura, 'similar'],
      ]);
    });

    it('searches the types asked for, and only those the role may read', async () => {
      expect(await found('acme.example', { types: 'contacts' })).toEqual([['contact', ids.taro, 'domain']]);
      // Marketing reads contacts and companies, not deals or tickets.
      const marketing = await t.as('marketing');
      expect(await search('サクセス', {}, marketing)).toEqual([]);
      expect((await search('acme.example', {}, marketing)).map((hit) => hit.type)).toEqual(['company', 'company', 'contact']);
      const service = await t.as('service');
      expect((await search('サクセス', {}, service)).map((hit) => hit.id)).toEqual([ids.ticket]);
      await (await t.as('reporting')).get('/v1/search').query({ q: 'acme' }).expect(403);
    });

    it('answers 400 naming q when it is missing, blank or too long, and naming a bad type', async () => {
      for (const q of [undefined, '   ', 'x'.repeat(201)]) {
        const response = await t.http().get('/v1/search').query(q === undefined ? {} : { q }).expect(400);
        expect(JSON.stringify(response.body)).toMatch(/\bq\b/);
      }
      expect(JSON.stringify((await t.http().get('/v1/search').query({ q: 'a', types: 'people' }).expect(400)).body)).toMatch(/types/);
      expect(JSON.stringify((await t.http().get('/v1/search').query({ q: 'a', limit: 0 }).expect(400)).body)).toMatch(/limit/);
    });

    it('takes LIKE wildcards as text', async () => {
      expect(await found('%')).toEqual([]);
    });
  });

  describe('GET /v1/duplicates', () => {
    it('pairs contacts with one normalised email, one phone, or similar names at one company, each pair once with its reasons', async () => {
      const key = (a: string, b: string) => [a, b].sort();
      const expected = [
        { ids: key(ids.jon, ids.john), reasons: ['email', 'name'] },
        { ids: key(ids.sakura, ids.phoneTwin), reasons: ['phone'] },
      ].sort((x, y) => x.ids[0].localeCompare(y.ids[0]));
      const all = await pairs('contacts', 1);
      expect(all.map((pair) => ({ ids: [pair.a.id, pair.b.id], reasons: pair.reasons }))).toEqual(expected);
    });

    it('pairs companies with one domain or similar names', async () => {
      const all = await pairs('companies');
      const byPair = new Map(all.map((pair) => [[pair.a.id, pair.b.id].sort().join(' '), pair.reasons]));
      expect(byPair).toEqual(
        new Map([
          [[ids.acme, ids.acmeLtd].sort().join(' '), ['name']],
          [[ids.acme, ids.acmeImported].sort().join(' '), ['domain']],
        ]),
      );
    });

    it('is readable by roles that read the records, and answers 400 for a bad cursor', async () => {
      await (await t.as('marketing')).get('/v1/duplicates/companies').expect(200);
      await (await t.as('reporting')).get('/v1/duplicates/contacts').expect(403);
      await t.http().get('/v1/duplicates/contacts').query({ cursor: 'nope' }).expect(400);
    });
  });

  describe('POST /v1/companies/:id/merge', () => {
    it('merges a duplicate into a survivor: duplicates and search show the survivor only, which takes the domain', async () => {
      const response = await t.http().post(`/v1/companies/${ids.acmeLtd}/merge`).send({ duplicateId: ids.acme }).expect(200);
      expect(response.body).toMatchObject({ id: ids.acmeLtd, events: ['CompanyMerged', 'CompanyAbsorbed', 'CompanyUpdated'] });
      position = response.body.position;
      expect((await t.http().get(`/v1/companies/${ids.acmeLtd}`).expect(200)).body).toMatchObject({ name: 'ACME Corporation Ltd', domain: 'acme.example' });
      const claim = await collect(t.runtime.eventStore.readStream(uniqueValueStream('company-domain', 'acme.example')));
      expect(claim.map((e) => [e.type, (e.data as { ownerId: string }).ownerId])).toEqual([
        ['UniqueValueClaimed', ids.acme],
        ['UniqueValueReleased', ids.acme],
        ['UniqueValueClaimed', ids.acmeLtd],
      ]);

      expect((await found('acme corporation', { types: 'companies' })).map(([, id]) => id)).toEqual([ids.acmeLtd]);
      expect((await found('acme.example', { types: 'companies' })).map(([, id]) => id).sort()).toEqual([ids.acmeLtd, ids.acmeImported].sort());
      const companies = await pairs('companies');
      expect(companies.map((pair) => [pair.a.id, pair.b.id].sort())).toEqual([[ids.acmeLtd, ids.acmeImported].sort()]);
      expect(companies[0].reasons).toEqual(['domain']);
    });

    it('answers 404 for an unknown company and 422 for a merge into itself or of a merged one, writing nothing', async () => {
      const globexEvents = async () => (await collect(t.runtime.eventStore.readStream(`company-${ids.globex}`))).length;
      const before = await globexEvents();
      expect((await t.http().post(`/v1/companies/${randomUUID()}/merge`).send({ duplicateId: ids.globex }).expect(404)).body.error).toBe('NOT_FOUND');
      await t.http().post(`/v1/companies/${ids.globex}/merge`).send({ duplicateId: randomUUID() }).expect(404);
      expect((await t.http().post(`/v1/companies/${ids.globex}/merge`).send({ duplicateId: ids.globex }).expect(422)).body.rule).toBe('merge-into-self');
      expect((await t.http().post(`/v1/companies/${ids.globex}/merge`).send({ duplicateId: ids.acme }).expect(422)).body.rule).toBe('company-merged');
      await t.http().post(`/v1/companies/${ids.globex}/merge`).send({ duplicateId: 'not-a-uuid' }).expect(400);
      await (await t.as('marketing')).post(`/v1/companies/${ids.siam}/merge`).send({ duplicateId: ids.globex }).expect(403);
      expect(await globexEvents()).toBe(before);
    });
  });
});
