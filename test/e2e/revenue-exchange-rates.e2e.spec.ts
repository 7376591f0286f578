// Exchange rates and the reporting currency over HTTP: publish, republish, read the rates in force on a date, list,
// import many dates at once (all or nothing), hostile input, roles; and the rate book other read models convert with.
import { exchangeRatesProjection, loadRateBook, reportingCurrencyOf } from '#projections/exchange-rates';
import { committedCount } from '#test/support/events';
import { eventually } from '#test/support/test-database';
import { useTestApp } from '#test/support/test-app';

const URL = '/v1/exchange-rates';

type Rate = { date: string; base: string; quote: string; rate: string; eventId: string; publishedAt: string };

describe('exchange rates over HTTP', () => {
  const t = useTestApp({ projections: [exchangeRatesProjection] });

  const put = (date: string, body: unknown) => t.http().put(`${URL}/${date}`).send(body as object);
  const importRates = (body: string, contentType = 'text/csv') => t.http().post(`${URL}/import`).set('Content-Type', contentType).send(body);
  const exchangeEvents = () => committedCount(t.db.pool, 'exchange');
  const inForce = async (date: string, minPosition?: string | null) =>
    (await t.http().get(`${URL}/${date}`).query(minPosition ? { minPosition } : {}).expect(200)).body.data as { date: string; rates: Rate[] };
  const pairs = (rates: readonly Rate[]) => rates.map((r) => `${r.date} ${r.base}/${r.quote} ${r.rate}`);

  let position: string;

  it('publishes the rates of a date, and records nothing when the same set comes again', async () => {
    const first = await put('2026-01-15', { base: 'USD', rates: { JPY: '149.2350', EUR: 0.92 } }).expect(200);
    expect(first.body).toMatchObject({ id: '2026-01-15', revision: 0, events: ['ExchangeRatesPublished'] });
    position = first.body.position;
    const again = await put('2026-01-15', { base: 'USD', rates: { EUR: '0.920', JPY: 149.235 } }).expect(200);
    expect(again.body).toEqual({ id: '2026-01-15', revision: 0, position: null, events: [] });
    expect(await exchangeEvents()).toBe(1);
  });

  it('answers the rates in force on a later date, naming the publication date they come from', async () => {
    const data = await inForce('2026-01-20', position);
    expect(data.date).toBe('2026-01-20');
    expect(pairs(data.rates)).toEqual(['2026-01-15 USD/EUR 0.92', '2026-01-15 USD/JPY 149.235']);
    const before = await t.http().get(`${URL}/2026-01-14`).expect(404);
    expect(before.body.message).toMatch(/no exchange rate was published on or before 2026-01-14/);
  });

  it('replaces a date and base\'s set with a later publication, keeping the other days', async () => {
    await put('2026-01-16', { base: 'USD', rates: { JPY: '150', THB: '35.5' } }).expect(200);
    const { body } = await put('2026-01-16', { base: 'USD', rates: { JPY: '151' } }).expect(200);
    expect(body).toMatchObject({ revision: 1, events: ['ExchangeRatesPublished'] });
    const data = await inForce('2026-01-31', body.position);
    // THB left the 01-16 set; EUR comes from 01-15, the latest publication that quotes it.
    expect(pairs(data.rates)).toEqual(['2026-01-15 USD/EUR 0.92', '2026-01-16 USD/JPY 151']);
    position = body.position;
  });

  it('lists the rates published between two dates, page by page', async () => {
    const first = await t.http().get(URL).query({ from: '2026-01-01', to: '2026-01-31', limit: 2, minPosition: position }).expect(200);
    expect(pairs(first.body.data)).toEqual(['2026-01-15 USD/EUR 0.92', '2026-01-15 USD/JPY 149.235']);
    const second = await t.http().get(URL).query({ from: '2026-01-01', to: '2026-01-31', limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(pairs(second.body.data)).toEqual(['2026-01-16 USD/JPY 151']);
    expect(second.body.nextCursor).toBeNull();
    expect((await t.http().get(URL).query({ from: '2026-01-16', to: '2026-01-16' }).expect(200)).body.data).toHaveLength(1);
    await t.http().get(URL).query({ from: '2026-01-20', to: '2026-01-10' }).expect(400);
    await t.http().get(URL).query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
  });

  it('imports many dates from CSV and NDJSON at once, one publication per date and base', async () => {
    const before = await exchangeEvents();
    const csv = ['date,base,quote,rate', '2026-02-02,USD,JPY,148.5', '2026-02-02,USD,EUR,0.93', '"2026-02-03",EUR,USD,1.08', '', '2026-02-03,EUR,GBP,0.86'].join('\r\n');
    const imported = await importRates(csv).expect(200);
    expect(imported.body).toEqual({
      rows: 4,
      publications: [
        { date: '2026-02-02', base: 'USD', quotes: 2, published: true, position: expect.any(String) },
        { date: '2026-02-03', base: 'EUR', quotes: 2, published: true, position: expect.any(String) },
      ],
    });
    const ndjson = [
      JSON.stringify({ date: '2026-02-02', base: 'USD', rates: { JPY: '148.5', EUR: 0.93 } }),
      JSON.stringify({ date: '2026-02-04', base: 'USD', quote: 'JPY', rate: 147 }),
    ].join('\n');
    const second = await importRates(ndjson, 'application/x-ndjson').expect(200);
    expect(second.body.publications.map((p: { date: string; published: boolean }) => [p.date, p.published])).toEqual([
      ['2026-02-02', false],
      ['2026-02-04', true],
    ]);
    expect(await exchangeEvents()).toBe(before + 3);
    const data = await inForce('2026-02-03', second.body.publications[1].position);
    expect(pairs(data.rates)).toEqual(['2026-02-03 EUR/GBP 0.86', '2026-02-03 EUR/USD 1.08', '2026-02-02 USD/EUR 0.93', '2026-02-02 USD/JPY 148.5']);
  });

  it('refuses a file with any bad row, listing every bad row by line, and imports nothing of it', async () => {
    const before = await exchangeEvents();
    const csv = [
      'date,base,quote,rate',
      '2027-01-04,USD,JPY,150',
      '2027-02-30,USD,JPY,150',
      '2027-01-05,USD,XYZ,1',
      '2027-01-05,USD,EUR,-0.9',
      '2027-01-05,USD,GBP,0',
      '2027-01-05,USD,THB,NaN',
      '2027-01-05,USD,CHF,1e400',
      '2027-01-05,USD,USD,1',
      '2027-01-04,USD,JPY,151',
      '2027-01-06,USD,JPY',
    ].join('\n');
    const { body } = await importRates(csv).expect(400);
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.badRowCount).toBe(9);
    expect(body.badRows.map((r: { line: number; field: string }) => `${r.line} ${r.field}`)).toEqual([
      '3 date', '4 quote', '5 rates.EUR', '6 rates.GBP', '7 rates.THB', '8 rates.CHF', '9 quote', '10 quote', '11 line',
    ]);
    expect(body.badRows[7].reason).toMatch(/already given on line 2/);
    const ndjson = ['{"date":"2027-01-04","base":"USD","rates":{"JPY":"150"}}', '{"date":"2027-01-05","base":"USD","rates":{}}', 'not json', '{"date":"2027-01-05","base":"USD","quote":"JPY","rate":150.00000000000000001}'].join('\n');
    const bad = await importRates(ndjson, 'application/x-ndjson').expect(400);
    expect(bad.body.badRows.map((r: { line: number; field: string }) => `${r.line} ${r.field}`)).toEqual(['2 rates', '3 header', '4 rate']);
    await importRates('date,base,quote,rate\n').expect(400);
    await importRates('2026-01-01,USD,JPY,150\n').expect(400);
    await t.http().post(`${URL}/import`).send({ date: '2026-01-01' }).expect(415);
    expect(await exchangeEvents()).toBe(before);
  });

  it.each([
    ['a negative rate', { base: 'USD', rates: { JPY: -149 } }, 'rates.JPY'],
    ['a zero rate', { base: 'USD', rates: { JPY: '0' } }, 'rates.JPY'],
    ['NaN', { base: 'USD', rates: { JPY: 'NaN' } }, 'rates.JPY'],
    ['an exponent', { base: 'USD', rates: { JPY: '1e400' } }, 'rates.JPY'],
    ['too many significant digits', { base: 'USD', rates: { JPY: '149.23500000001' } }, 'rates.JPY'],
    ['a rate that is an object', { base: 'USD', rates: { JPY: { value: 1 } } }, 'rates.JPY'],
    ['an unknown quote', { base: 'USD', rates: { XYZ: '1' } }, 'rates.XYZ'],
    ['an unknown base', { base: 'XXX', rates: { JPY: '1' } }, 'base'],
    ['a lower-case base', { base: 'usd', rates: { JPY: '1' } }, 'base'],
    ['the base among the quotes', { base: 'USD', rates: { USD: '1' } }, 'rates.USD'],
    ['no rates', { base: 'USD', rates: {} }, 'rates'],
    ['rates as a list', { base: 'USD', rates: ['JPY'] }, 'rates'],
    ['no base', { rates: { JPY: '1' } }, 'base'],
    ['an unknown field', { base: 'USD', rates: { JPY: '1' }, source: 'ecb' }, 'source'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const response = await put('2026-03-02', body).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a JSON number no double holds, and impossible dates, naming them', async () => {
    const huge = await t.http().put(`${URL}/2026-03-02`).set('Content-Type', 'application/json').send('{"base":"USD","rates":{"JPY":1e400}}').expect(400);
    expect(huge.body.fields).toEqual([expect.objectContaining({ field: 'rates.JPY' })]);
    for (const date of ['2026-02-30', '2026-13-01', '1899-12-31', '20260101', 'today']) {
      const response = await put(date, { base: 'USD', rates: { JPY: '1' } }).expect(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'date' })]);
      await t.http().get(`${URL}/${date}`).expect(400);
    }
    expect(await committedCount(t.db.pool, 'exchange')).toBe(6);
  });

  it('refuses a key sent twice in one object (JSON.parse would keep the last), naming its path, and stores nothing', async () => {
    const send = (path: string, text: string) => t.http().put(path).set('Content-Type', 'application/json').send(text);
    const twice = await send(`${URL}/2026-03-03`, '{"base":"USD","rates":{"JPY":"1","JPY":"2"}}').expect(400);
    expect(twice.body).toMatchObject({ error: 'ENTITY_DUPLICATE_KEY', fields: [{ field: 'rates.JPY' }] });
    expect(twice.body.message).toMatch(/^rates\.JPY: /);
    // The same key escaped differently is the same key once parsed; and a top-level one is named as itself.
    expect((await send(`${URL}/2026-03-03`, '{"base":"USD","rates":{"EUR":"1","\\u0045UR":"2"}}').expect(400)).body.fields).toEqual([
      expect.objectContaining({ field: 'rates.EUR' }),
    ]);
    expect((await send('/v1/settings/reporting-currency', '{"currency":"EUR","currency":"JPY"}').expect(400)).body.fields).toEqual([
      expect.objectContaining({ field: 'currency' }),
    ]);
    expect(await committedCount(t.db.pool, 'exchange')).toBe(6);
    expect(await committedCount(t.db.pool, 'settings')).toBe(0);
  });

  it('sets and reads the reporting currency; the same one again appends nothing', async () => {
    expect((await t.http().get('/v1/settings/reporting-currency').expect(200)).body).toEqual({ revision: -1, currency: null, previous: null });
    const set = await t.http().put('/v1/settings/reporting-currency').send({ currency: 'EUR' }).expect(200);
    expect(set.body).toMatchObject({ id: 'settings-reporting-currency', revision: 0, events: ['ReportingCurrencySet'] });
    expect((await t.http().put('/v1/settings/reporting-currency').send({ currency: 'EUR' }).expect(200)).body.events).toEqual([]);
    await t.http().put('/v1/settings/reporting-currency').send({ currency: 'JPY' }).set('If-Match', '0').expect(200);
    await t.http().put('/v1/settings/reporting-currency').send({ currency: 'USD' }).set('If-Match', '0').expect(409);
    expect((await t.http().get('/v1/settings/reporting-currency').expect(200)).body).toEqual({ revision: 1, currency: 'JPY', previous: 'EUR' });
    for (const currency of ['eur', 'XYZ', '', 42, null]) {
      const response = await t.http().put('/v1/settings/reporting-currency').send({ currency }).expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain('currency');
    }
    expect(await eventually(async () => {
      const currency = await reportingCurrencyOf(t.db.pool);
      if (currency !== 'JPY') throw new Error(`reporting currency read model at ${currency}`);
      return currency;
    })).toBe('JPY');
  });

  it('lets super-admins write rates, sales and marketing read them, and keeps the reporting currency a super-admin setting', async () => {
    const body = { base: 'USD', rates: { JPY: '1' } };
    for (const role of ['sales', 'marketing', 'auditor'] as const) {
      const agent = await t.as(role);
      await agent.get(`${URL}/2026-01-20`).expect(200);
      await agent.get(URL).expect(200);
      await agent.put(`${URL}/2026-03-03`).send(body).expect(403);
      await agent.post(`${URL}/import`).set('Content-Type', 'text/csv').send('date,base,quote,rate\n2026-03-03,USD,JPY,1').expect(403);
      await agent.put('/v1/settings/reporting-currency').send({ currency: 'USD' }).expect(403);
    }
    for (const role of ['service', 'reporting', 'integrator'] as const) await (await t.as(role)).get(`${URL}/2026-01-20`).expect(403);
    await (await t.as('sales')).get('/v1/settings/reporting-currency').expect(403);
    await (await t.as('auditor')).get('/v1/settings/reporting-currency').expect(200);
    await t.anonymous().get(`${URL}/2026-01-20`).expect(401);
  });

  it('converts through the read model\'s rate book: direct, inverse, crossed, and a gap', async () => {
    const book = await loadRateBook(t.db.pool);
    expect(book.convert('150000', 'JPY', 'USD', '2026-01-15')).toMatchObject({
      ok: true, amount: '1005.13', currency: 'USD', rateUsed: { from: 'JPY', to: 'USD', rate: '0.00670084095554', rateDate: '2026-01-15' },
    });
    expect(book.convert('1000.00', 'USD', 'JPY', '2026-01-31')).toMatchObject({ ok: true, amount: '151000', rateUsed: { rate: '151', rateDate: '2026-01-16' } });
    expect(book.convert('100.00', 'EUR', 'JPY', '2026-01-20')).toMatchObject({ ok: true, amount: '16221', rateUsed: { from: 'EUR', to: 'JPY', rate: '162.211956522', rateDate: '2026-01-15' } });
    expect(book.convert('100.00', 'USD', 'JPY', '2026-01-01')).toMatchObject({ ok: false, gap: { from: 'USD', to: 'JPY', date: '2026-01-01' } });
  });
});
