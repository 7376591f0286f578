// Hostile input on every revenue route (#17): repeated and array query parameters, injection text, control characters,
// numbers no decimal string should be, huge lists and bodies. Each is refused with a 4xx naming what was wrong (an
// array parameter is named as sent, `month[a]`), never a 500, never an event appended.
import { committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

type Case = Readonly<{ name: string; method: 'get' | 'put' | 'post'; url: string; body?: string; type?: string; status: number; field?: string }>;

const get = (name: string, url: string, status: number, field?: string): Case => ({ name, method: 'get', url, status, field });
const put = (name: string, url: string, body: string, status: number, field?: string): Case => ({ name, method: 'put', url, body, status, field });
const post = (name: string, url: string, body: string, status: number, field?: string, type = 'application/json'): Case => ({ name, method: 'post', url, body, type, status, field });

const INJECTION = encodeURIComponent("2026-01' OR '1'='1");
const LONG = 'x'.repeat(10_000);

const CASES: readonly Case[] = [
  // MRR
  get('mrr: injection in month', `/v1/read-models/mrr?month=${INJECTION}`, 400, 'month'),
  get('mrr: month twice', '/v1/read-models/mrr?month=2026-01&month=2026-02', 400, 'month'),
  get('mrr: month as an object', '/v1/read-models/mrr?month[a]=2026-01', 400, 'month[a]'),
  get('mrr: groupBy with SQL', `/v1/read-models/mrr?month=2026-01&groupBy=${encodeURIComponent('owner; DROP TABLE mrr_movements')}`, 400, 'groupBy'),
  get('mrr drill: negative limit', '/v1/read-models/mrr/deals?month=2026-01&kind=total&limit=-1', 400, 'limit'),
  get('mrr drill: fractional limit', '/v1/read-models/mrr/deals?month=2026-01&kind=total&limit=1.5', 400, 'limit'),
  get('mrr drill: huge limit', '/v1/read-models/mrr/deals?month=2026-01&kind=total&limit=1e9', 400, 'limit'),
  get('mrr drill: lower-case currency', '/v1/read-models/mrr/deals?month=2026-01&kind=total&currency=eur', 400, 'currency'),
  get('mrr drill: ownerId with quotes', `/v1/read-models/mrr/deals?month=2026-01&kind=total&ownerId=${encodeURIComponent("a' OR 1=1--")}`, 400, 'ownerId'),
  get('mrr drill: long pipelineId', `/v1/read-models/mrr/deals?month=2026-01&kind=total&pipelineId=${LONG}`, 400, 'pipelineId'),
  get('mrr drill: a cursor of the wrong shape', `/v1/read-models/mrr/deals?month=2026-01&kind=total&cursor=${Buffer.from('[1,2,3]').toString('base64url')}`, 400),
  get('mrr: minPosition not a position', '/v1/read-models/mrr?month=2026-01&minPosition=-2', 400, 'minPosition'),
  // Forecast
  get('forecast: injection in pipelineId', `/v1/read-models/forecast?month=2026-01&pipelineId=${encodeURIComponent("x' OR '1'='1")}`, 400, 'pipelineId'),
  get('forecast: asOf year 0', '/v1/read-models/forecast?month=2026-01&asOf=0000-01-01', 400, 'asOf'),
  get('forecast: asOf out of range', '/v1/read-models/forecast?month=2026-01&asOf=275760-09-13T00:00:00Z', 400, 'asOf'),
  get('forecast: currency with a quote', `/v1/read-models/forecast?month=2026-01&currency=${encodeURIComponent("reporting'")}`, 400, 'currency'),
  get('forecast: currency twice', '/v1/read-models/forecast?month=2026-01&currency=USD&currency=EUR', 400, 'currency'),
  get('accuracy: 13 dates', `/v1/read-models/forecast-accuracy?month=2026-01&asOf=${Array.from({ length: 13 }, (_, i) => `2025-12-${String(i + 1).padStart(2, '0')}`).join(',')}`, 400, 'asOf'),
  get('accuracy: an empty date in the list', '/v1/read-models/forecast-accuracy?month=2026-01&asOf=2025-12-01,,2025-12-02', 400, 'asOf'),
  get('accuracy: no asOf', '/v1/read-models/forecast-accuracy?month=2026-01', 400, 'asOf'),
  // Funnel
  get('funnel: from as an array', '/v1/read-models/funnel?from[]=2026-01-01', 400, 'from[]'),
  get('funnel: year 10000', '/v1/read-models/funnel?to=10000-01-01', 400, 'to'),
  get('funnel: groupBy injection', `/v1/read-models/funnel?groupBy=${encodeURIComponent('source UNION SELECT 1')}`, 400, 'groupBy'),
  get('funnel contacts: a group too long', `/v1/read-models/funnel/contacts?group=${LONG}`, 400, 'group'),
  get('funnel deals: a source too long', `/v1/read-models/funnel/deals?source=${LONG}`, 400, 'source'),
  get('funnel deals: model twice', '/v1/read-models/funnel/deals?model=first-touch&model=last-touch', 400, 'model'),
  // Goals
  post('goals: a target with a leading plus', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"USD","target":"+100.00"}', 400, 'target'),
  post('goals: a target with spaces', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"USD","target":" 100.00"}', 400, 'target'),
  post('goals: a target in hex', '/v1/goals', '{"team":"t","period":"2026-11","metric":"deals-won","target":"0x10"}', 400, 'target'),
  post('goals: a target in Arabic-Indic digits', '/v1/goals', '{"team":"t","period":"2026-11","metric":"deals-won","target":"١٠"}', 400, 'target'),
  post('goals: a target with a decimal comma', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"EUR","target":"100,00"}', 400, 'target'),
  post('goals: a number no double holds', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"USD","target":1e400}', 400),
  post('goals: a number a double cannot hold exactly', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"USD","target":100.000000000000001}', 400),
  put('rates: a number a double cannot hold exactly', '/v1/exchange-rates/2026-01-01', '{"base":"USD","rates":{"JPY":149.23500000000000001}}', 400),
  post('goals: a JPY target with decimals', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"JPY","target":"100.5"}', 400, 'target'),
  post('goals: a BHD target with 4 decimals', '/v1/goals', '{"team":"t","period":"2026-11","metric":"won-amount","currency":"BHD","target":"1.0005"}', 400, 'target'),
  post('goals: team as a list', '/v1/goals', '{"team":["t"],"period":"2026-11","metric":"deals-won","target":1}', 400, 'team'),
  post('goals: not JSON', '/v1/goals', '{"team":', 400),
  post('goals: a body of 2 MB', '/v1/goals', JSON.stringify({ team: 'x'.repeat(2_000_000), period: '2026-11', metric: 'deals-won', target: 1 }), 413),
  get('goals read: period twice', '/v1/read-models/goals?period=2026-11&period=2026-12', 400, 'period'),
  get('goals read: period with SQL', `/v1/read-models/goals?period=${encodeURIComponent("2026-11' --")}`, 400, 'period'),
  // Exchange rates and the reporting currency
  put('rates: a date that walks the path', '/v1/exchange-rates/..%2F2026-01-01', '{"base":"USD","rates":{"JPY":"1"}}', 400, 'date'),
  put('rates: a base with a NUL', '/v1/exchange-rates/2026-01-01', '{"base":"US\\u0000","rates":{"JPY":"1"}}', 400, 'base'),
  put('rates: a rate with a leading plus', '/v1/exchange-rates/2026-01-01', '{"base":"USD","rates":{"JPY":"+1"}}', 400, 'rates.JPY'),
  put('rates: Infinity', '/v1/exchange-rates/2026-01-01', '{"base":"USD","rates":{"JPY":"Infinity"}}', 400, 'rates.JPY'),
  put('rates: a rate of 13 significant digits', '/v1/exchange-rates/2026-01-01', '{"base":"USD","rates":{"JPY":"1234567.890123"}}', 400, 'rates.JPY'),
  put('rates: __proto__ as a quote', '/v1/exchange-rates/2026-01-01', '{"base":"USD","rates":{"__proto__":{"JPY":"1"}}}', 400),
  post('rates import: a formula in a cell', '/v1/exchange-rates/import', 'date,base,quote,rate\n2026-01-01,USD,JPY,=1+1\n', 400, undefined, 'text/csv'),
  post('rates import: an unbalanced quote', '/v1/exchange-rates/import', 'date,base,quote,rate\n"2026-01-01,USD,JPY,150\n', 400, undefined, 'text/csv'),
  post('rates import: an extra column', '/v1/exchange-rates/import', 'date,base,quote,rate\n2026-01-01,USD,JPY,150,1\n', 400, undefined, 'text/csv'),
  post('rates import: a column twice in the header', '/v1/exchange-rates/import', 'date,date,quote,rate\n2026-01-01,2026-01-01,JPY,150\n', 400, 'header', 'text/csv'),
  put('reporting currency: a list', '/v1/settings/reporting-currency', '{"currency":["USD"]}', 400, 'currency'),
  put('reporting currency: an extra field', '/v1/settings/reporting-currency', '{"currency":"USD","previous":"EUR"}', 400, 'previous'),
];

describe('revenue routes under hostile input', () => {
  const t = useTestApp();

  it.each(CASES.map((c) => [c.name, c] as const))('%s: refused, naming the field', async (_, c) => {
    const counts = async () => Promise.all(['deal', 'goal', 'exchange', 'settings'].map((category) => committedCount(t.db.pool, category)));
    const before = await counts();
    let request = t.http()[c.method](c.url);
    if (c.body !== undefined) request = request.set('Content-Type', c.type ?? 'application/json').send(c.body);
    const response = await request;
    expect([c.name, response.status]).toEqual([c.name, c.status]);
    if (c.field !== undefined) {
      const fields = [...(response.body.fields ?? []), ...(response.body.badRows ?? [])].map((f: { field: string }) => f.field);
      expect([c.name, fields]).toEqual([c.name, expect.arrayContaining([c.field])]);
    }
    expect(await counts()).toEqual(before);
  });
});
