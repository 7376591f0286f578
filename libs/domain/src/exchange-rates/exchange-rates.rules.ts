// What an exchange-rate publication may hold, checked the same way at the edge (a 400 naming the field) and in the
// decider (a publication no rule allows is never stored). Rates are decimal strings, never JS numbers: a rate such as
// 0.1 has no exact double.
import { Big } from 'big.js';
import { CALENDAR_DATE_RULE, CURRENCY_RULE, isCalendarDate, isCurrencyCode } from '../shared/index.js';

export const MAX_RATE_SIGNIFICANT_DIGITS = 12;

export const RATE_RULE =
  'a decimal greater than 0 and below 1000000000000, with at most 12 significant digits and at most 24 decimals, ' +
  'as a string such as "149.235" or a number';

// The plain decimal spellings a rate may have (the schema's pattern too): no exponent, no sign, no NaN or Infinity.
export const RATE_PATTERN = '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,24})?$';
const RATE = new RegExp(RATE_PATTERN);

export type RateCheck = { readonly ok: true; readonly rate: string } | { readonly ok: false; readonly rule: string };

/**
 * A rate a client sent, as a decimal string or a JSON number, in its canonical form (no trailing zeros: "1.50" is
 * "1.5", so that republishing the same rates compares equal). A number is read at its shortest round-trip text
 * (what the client wrote, for up to 15 significant digits). Never throws, whatever the value.
 */
export const checkRate = (value: unknown): RateCheck => {
  let text: string | null = typeof value === 'string' ? value : null;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // 1e-7 is how JavaScript spells 0.0000001: taken through big.js, which spells it out.
    text = /e/i.test(String(value)) ? new Big(String(value)).toFixed() : String(value);
  }
  if (text === null || !RATE.test(text)) return { ok: false, rule: RATE_RULE };
  const rate = new Big(text);
  // big.js keeps the coefficient without leading or trailing zeros: its length is the significant digits.
  if (rate.lte(0) || rate.c.length > MAX_RATE_SIGNIFICANT_DIGITS) return { ok: false, rule: RATE_RULE };
  return { ok: true, rate: rate.toFixed() };
};

export type RatesProblem = Readonly<{ field: string; reason: string }>;

export type PublicationInput = Readonly<{ date: unknown; base: unknown; rates: unknown }>;

export type CheckedPublication = Readonly<{ date: string; base: string; rates: Readonly<Record<string, string>> }>;

export type PublicationCheck =
  | { readonly ok: true; readonly publication: CheckedPublication }
  | { readonly ok: false; readonly problems: readonly RatesProblem[] };

/** Every problem of a publication, each naming its field (`rates.JPY`), or the publication in canonical form. */
export const checkPublication = (input: PublicationInput): PublicationCheck => {
  const problems: RatesProblem[] = [];
  if (!isCalendarDate(input.date)) problems.push({ field: 'date', reason: `must be ${CALENDAR_DATE_RULE}` });
  const baseOk = isCurrencyCode(input.base);
  if (!baseOk) problems.push({ field: 'base', reason: `must be ${CURRENCY_RULE}` });
  const rates: Record<string, string> = {};
  if (input.rates === null || typeof input.rates !== 'object' || Array.isArray(input.rates)) {
    problems.push({ field: 'rates', reason: 'must be an object of quote currency to rate, such as {"JPY": "149.235"}' });
  } else {
    const entries = Object.entries(input.rates as Record<string, unknown>);
    if (entries.length === 0) problems.push({ field: 'rates', reason: 'must hold at least one rate' });
    // Sorted by quote: the stored set has one spelling whatever order the client sent.
    for (const [quote, value] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const field = `rates.${quote}`;
      if (!isCurrencyCode(quote)) {
        problems.push({ field, reason: `the quote must be ${CURRENCY_RULE}` });
        continue;
      }
      if (baseOk && quote === input.base) {
        problems.push({ field, reason: `the base ${quote} cannot be quoted against itself` });
        continue;
      }
      const checked = checkRate(value);
      if (checked.ok) rates[quote] = checked.rate;
      else problems.push({ field, reason: `must be ${checked.rule}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, publication: { date: input.date as string, base: input.base as string, rates } };
};

/** Same quotes with the same rates (canonical strings compare as values). */
export const sameRates = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((quote) => Object.hasOwn(b, quote) && b[quote] === a[quote]);
};
