import { rateBookOf, type PublishedRate } from './exchange-rates.conversion.js';

const rate = (date: string, base: string, quote: string, value: string): PublishedRate => ({ date, base, quote, rate: value });

describe('rate book', () => {
  const book = rateBookOf([
    rate('2026-01-10', 'USD', 'JPY', '150'),
    rate('2026-01-15', 'USD', 'JPY', '149.235'),
    rate('2026-01-15', 'USD', 'EUR', '0.92'),
    rate('2026-01-15', 'USD', 'THB', '35.5'),
    rate('2026-01-20', 'USD', 'EUR', '0.9'),
  ]);

  it('converts with a direct rate, rounded to the target currency\'s digits, naming the rate and its date', () => {
    expect(book.convert('1200.50', 'USD', 'JPY', '2026-01-15')).toEqual({
      ok: true,
      amount: '179157', // 179156.6175
      currency: 'JPY',
      rateUsed: { from: 'USD', to: 'JPY', rate: '149.235', rateDate: '2026-01-15' },
    });
  });

  it('converts JPY to USD with the inverse rate, divided exactly and rounded once', () => {
    expect(book.convert('150000', 'JPY', 'USD', '2026-01-15')).toEqual({
      ok: true,
      amount: '1005.13', // 1005.12614...
      currency: 'USD',
      rateUsed: { from: 'JPY', to: 'USD', rate: '0.00670084095554', rateDate: '2026-01-15' },
    });
  });

  it('rounds half to even: 1001 and 1003 JPY at 200 per USD are 5.005 and 5.015 USD', () => {
    const at200 = rateBookOf([rate('2026-01-01', 'USD', 'JPY', '200')]);
    expect(at200.convert('1001', 'JPY', 'USD', '2026-01-01')).toMatchObject({ ok: true, amount: '5.00' });
    expect(at200.convert('1003', 'JPY', 'USD', '2026-01-01')).toMatchObject({ ok: true, amount: '5.02' });
    expect(at200.convert('-1003', 'JPY', 'USD', '2026-01-01')).toMatchObject({ ok: true, amount: '-5.02' });
    expect(at200.convert('1', 'JPY', 'USD', '2026-01-01')).toMatchObject({ ok: true, amount: '0.00' });
  });

  it('crosses two quotes of one base on the same publication date', () => {
    // 1000 EUR -> USD at 1/0.92 -> JPY at 149.235: 1000 * 149.235 / 0.92 = 162211.9565...
    expect(book.convert('1000.00', 'EUR', 'JPY', '2026-01-16')).toEqual({
      ok: true,
      amount: '162212',
      currency: 'JPY',
      rateUsed: { from: 'EUR', to: 'JPY', rate: '162.211956522', rateDate: '2026-01-15' },
    });
  });

  it('uses the latest publication on or before the date, not a later one', () => {
    expect(book.convert('100.00', 'USD', 'JPY', '2026-01-14')).toMatchObject({ amount: '15000', rateUsed: { rate: '150', rateDate: '2026-01-10' } });
    expect(book.convert('100.00', 'USD', 'EUR', '2026-01-19')).toMatchObject({ amount: '92.00', rateUsed: { rateDate: '2026-01-15' } });
    expect(book.convert('100.00', 'USD', 'EUR', '2026-01-20')).toMatchObject({ amount: '90.00', rateUsed: { rateDate: '2026-01-20' } });
    // On 01-20 USD quotes EUR only: EUR/JPY falls back to the latest date that quotes both.
    expect(book.convert('100.00', 'EUR', 'JPY', '2026-03-01')).toMatchObject({ amount: '16221', rateUsed: { rate: '162.211956522', rateDate: '2026-01-15' } });
  });

  it('answers a gap, never a 0, for a pair with no rate on or before the date', () => {
    expect(book.convert('100.00', 'USD', 'JPY', '2026-01-09')).toEqual({
      ok: false,
      gap: { from: 'USD', to: 'JPY', date: '2026-01-09', reason: expect.stringMatching(/no USD\/JPY rate .* on or before 2026-01-09/) },
    });
    expect(book.convert('100.00', 'USD', 'GBP', '2026-02-01')).toMatchObject({ ok: false, gap: { from: 'USD', to: 'GBP' } });
    expect(book.convert('100.00', 'USD', 'XYZ', '2026-02-01')).toMatchObject({ ok: false });
    expect(book.convert('100.00', 'USD', 'JPY', '2026-02-30')).toMatchObject({ ok: false });
    expect(book.convert('lots', 'USD', 'JPY', '2026-02-01')).toMatchObject({ ok: false });
  });

  it('keeps the same currency as it is, in its own digits, with no rate', () => {
    expect(book.convert('5', 'BHD', 'BHD', '2000-01-01')).toEqual({ ok: true, amount: '5.000', currency: 'BHD', rateUsed: null });
  });
});
