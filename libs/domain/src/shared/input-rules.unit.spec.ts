import { isCurrencyCode, isDecimalAmount } from './money.js';
import { hasLoneSurrogate, identityText, mixesScripts } from './text.js';
import { isCalendarDate, isInstant, parseInstant, utcInstant } from './time.js';

describe('amounts as event schemas write them (the money format)', () => {
  it.each(['0', '0.29', '12000', '1234.5', '1.250', '999999999999.99', '999999999999.999'])('accepts %p', (amount) => {
    expect(isDecimalAmount(amount)).toBe(true);
  });

  it.each(['-0.01', '1000000000000', '1e3', '01', '1.', '.5', '1.2345', ' 1', '', 12, 0.29, null])('refuses %p without throwing', (amount) => {
    expect(isDecimalAmount(amount)).toBe(false);
  });
});

describe('currency codes', () => {
  it.each(['USD', 'EUR', 'JPY', 'CHF'])('accepts %p', (code) => expect(isCurrencyCode(code)).toBe(true));
  it.each(['XXQ', 'XYZ', 'usd', 'EURO', '', 42])('refuses %p', (code) => expect(isCurrencyCode(code)).toBe(false));
});

describe('instants', () => {
  it.each([
    ['2026-01-15T10:00:00Z', '2026-01-15T10:00:00.000Z'],
    ['2026-01-15T10:00:00.123+01:00', '2026-01-15T09:00:00.123Z'],
    ['2026-01-15T10:30-05:30', '2026-01-15T16:00:00.000Z'],
    ['2026-01-15t10:00:00.120000z', '2026-01-15T10:00:00.120Z'],
    ['2024-02-29T23:59:59+14:00', '2024-02-29T09:59:59.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2200-01-01T13:00:00+14:00', '2199-12-31T23:00:00.000Z'],
    ['1899-12-31T23:00:00-01:00', '1900-01-01T00:00:00.000Z'],
    ['2199-12-31T23:59:59.999Z', '2199-12-31T23:59:59.999Z'],
  ])('reads %p as %p', (text, utc) => {
    expect(utcInstant(text)).toBe(utc);
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2200-01-01T14:00:00+14:00',
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-01-15T24:00:00Z',
    '2026-01-15T10:60:00Z',
    '2026-01-15T10:00:60Z',
    '2026-01-15T10:00:00+14:01',
    '2026-01-15T10:00:00-15:00',
    '2026-01-15T10:00:00+01:60',
    '2026-01-15T10:00:00.1234Z',
    '2026-01-15T10:00:00',
    '2026-01-15',
    '+002026-01-15T10:00:00Z',
    ' 2026-01-15T10:00:00Z',
    '',
    42,
  ])('refuses %p without throwing', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('requires seconds when asked', () => {
    expect(isInstant('2026-01-15T10:30Z')).toBe(true);
    expect(isInstant('2026-01-15T10:30Z', { secondsRequired: true })).toBe(false);
  });
});

describe('calendar dates', () => {
  it.each(['2026-03-31', '2024-02-29', '1900-01-01', '2199-12-31'])('accepts %p', (date) => expect(isCalendarDate(date)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '0000-01-01', '1899-12-31', '2200-01-01', '2026-3-1', 20260301])('refuses %p', (date) =>
    expect(isCalendarDate(date)).toBe(false),
  );
});

describe('text', () => {
  it('finds a surrogate without its pair, and only that', () => {
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('a\udc00')).toBe(true);
    expect(hasLoneSurrogate('😀 ok')).toBe(false);
  });

  it('compares look-alikes as one: composed accents, invisible characters, case', () => {
    expect(identityText(' Ze\u0301\u200Bna\u00AD\u2060\uFEFF\u200C\u200D ')).toBe('zéna');
  });

  it.each(['pаypal', 'аda', 'ΑΒcd'])('sees mixed scripts in %p', (word) => expect(mixesScripts(word)).toBe(true));
  it.each(['paypal', 'ada.lovelace+1', 'андрей', 'δοκιμή', '東京tokyoとうきょうトウキョウ', '서울seoul', 'zoë'])('sees one script in %p', (word) =>
    expect(mixesScripts(word)).toBe(false),
  );
});
