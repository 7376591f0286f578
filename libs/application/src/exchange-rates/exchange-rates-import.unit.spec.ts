import { readRatesImport } from './exchange-rates-import.js';

const lines = (...rows: string[]) => rows;

describe('rates import', () => {
  it('groups CSV rows by date and base into canonical publications, in date order', async () => {
    const read = await readRatesImport(
      lines('\uFEFFDate, Base ,Quote,Rate', '2026-01-16,USD,JPY,150.50', '', '2026-01-15,USD,JPY,149.235', '"2026-01-15","USD","EUR","0.92"'),
    );
    expect(read).toEqual({
      ok: true,
      rows: 3,
      publications: [
        { date: '2026-01-15', base: 'USD', rates: { EUR: '0.92', JPY: '149.235' } },
        { date: '2026-01-16', base: 'USD', rates: { JPY: '150.5' } },
      ],
    });
  });

  it('reads the header\'s columns in any order, and NDJSON rows or whole publications beside CSV', async () => {
    const read = await readRatesImport(
      lines(
        'rate,quote,base,date',
        '1.08,USD,EUR,2026-01-15',
        '{"date":"2026-01-15","base":"USD","rates":{"JPY":149.235}}',
        '{"date":"2026-01-15","base":"USD","quote":"EUR","rate":"0.92"}',
      ),
    );
    expect(read).toMatchObject({
      ok: true,
      publications: [
        { date: '2026-01-15', base: 'EUR', rates: { USD: '1.08' } },
        { date: '2026-01-15', base: 'USD', rates: { EUR: '0.92', JPY: '149.235' } },
      ],
    });
  });

  it('refuses an NDJSON row whose number JSON.parse would round or whose key is given twice, naming the field', async () => {
    const read = await readRatesImport(
      lines(
        '{"date":"2026-01-15","base":"USD","rates":{"JPY":"149.235","JPY":"150"}}',
        '{"date":"2026-01-15","base":"EUR","quote":"USD","rate":1.0800000000000000001}',
        '{"date":"2026-01-15","base":"GBP","quote":"USD","rate":"1.27"}',
      ),
    );
    expect(read).toMatchObject({
      ok: false,
      badRows: [
        { line: 1, field: 'rates.JPY', reason: 'the key appears more than once in its object' },
        { line: 2, field: 'rate', reason: expect.stringMatching(/cannot be kept exactly as a JSON number/) },
      ],
    });
  });

  it('lists every bad row by line and field', async () => {
    const read = await readRatesImport(
      lines(
        'date,base,quote,rate',
        '2026-02-30,USD,JPY,1',
        '2026-01-01,usd,JPY,1',
        '2026-01-01,USD,JPY,-1',
        '2026-01-01,USD,JPY,1',
        '2026-01-01,USD,JPY,2',
        '2026-01-01,USD,"JPY,1',
        '{"date":"2026-01-01","base":"USD","quote":"EUR","rate":0.1000000000000000000001}',
        '{"date":"2026-01-01","base":"USD","quote":"EUR"}',
      ),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.badRows.map((row) => `${row.line} ${row.field}`)).toEqual(['2 date', '3 base', '4 rates.JPY', '6 quote', '7 line', '8 rate', '9 line']);
    expect(read.badRowCount).toBe(7);
  });

  it('refuses a file without rates, and CSV rows before any header', async () => {
    expect(await readRatesImport(lines('', 'date,base,quote,rate'))).toMatchObject({ ok: false, badRows: [{ line: 0, field: 'body' }] });
    expect(await readRatesImport(lines('2026-01-01,USD,JPY,1'))).toMatchObject({ ok: false, badRows: [{ line: 1, field: 'header' }] });
  });

  it('names a line that is no UTF-8', async () => {
    const read = await readRatesImport(['date,base,quote,rate', { lineNumber: 2, reason: 'line 2 is not valid UTF-8' }, '2026-01-01,USD,JPY,1']);
    expect(read).toMatchObject({ ok: false, badRows: [{ line: 2, field: 'line' }] });
  });
});
