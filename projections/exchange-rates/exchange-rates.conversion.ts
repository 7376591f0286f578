// Converting an amount between currencies with the rates published on or before a date, pure: the rate for a date
// is the latest publication on or before it at which the pair can be converted, directly (base -> quote), inversely
// (quote -> base, 1/rate) or crossed through one base that quotes both on that same publication date. The amount is
// rounded once, half to even, to the target currency's digits; every answer names the rate and the date it used,
// and a pair with no rate is a gap, never a 0.
import { Big } from 'big.js';
import { assertNever, isCalendarDate, isCurrencyCode, scaleAmount } from '#domain/shared';

export type RateMethod = 'direct' | 'inverse' | 'cross';

/** One published rate: units of `quote` per 1 `base` on `date`. */
export type PublishedRate = Readonly<{ date: string; base: string; quote: string; rate: string }>;

// The contract's shape exactly (CONTRACT-17): goals, forecast and mrr answer it as it is.
export type RateUsed = {
  from: string;
  to: string;
  /**
   * Units of `to` per 1 `from`: the published rate when the pair was published as it is; for an inverse (1/rate) or
   * a cross rate (through one base quoting both) the quotient to 12 significant digits, for reading: the amount
   * itself is divided exactly by the published rates and rounded once.
   */
  rate: string;
  /** The publication date the rate comes from. */
  rateDate: string;
};

export type ConversionGap = { from: string; to: string; date: string; reason: string };

export type Conversion =
  | { ok: true; amount: string; currency: string; rateUsed: RateUsed | null }
  | { ok: false; gap: ConversionGap };

export interface RateBook {
  convert(amount: string, from: string, to: string, onDate: string): Conversion;
}

const RATE_DISPLAY_DIGITS = 12;

// Quotients for display only: wide enough that 12 significant digits of any rate ratio survive.
const Wide = Big();
Wide.DP = 60;
type Found = Readonly<{ method: RateMethod; date: string; base: string; fromRate: string | null; toRate: string | null }>;

/** The rates of one publication date, by base then quote. */
type DayRates = ReadonlyMap<string, ReadonlyMap<string, string>>;

const byValue = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A rate book over the given published rates (each (date, base, quote) once: the publication in force). */
export const rateBookOf = (rates: readonly PublishedRate[]): RateBook => {
  const days = new Map<string, Map<string, Map<string, string>>>();
  for (const { date, base, quote, rate } of rates) {
    let day = days.get(date);
    if (!day) days.set(date, (day = new Map()));
    let quotes = day.get(base);
    if (!quotes) day.set(base, (quotes = new Map()));
    quotes.set(quote, rate);
  }
  const dates = [...days.keys()].sort(byValue);
  const bases = new Map<string, readonly string[]>([...days].map(([date, day]) => [date, [...day.keys()].sort(byValue)]));
  const found = new Map<string, Found | null>();

  /** The index of the latest date on or before `onDate`, -1 when none. */
  const latestIndex = (onDate: string): number => {
    let low = 0;
    let high = dates.length - 1;
    let answer = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (dates[middle] <= onDate) {
        answer = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return answer;
  };

  const onDay = (date: string, day: DayRates, from: string, to: string): Found | null => {
    const direct = day.get(from)?.get(to);
    if (direct !== undefined) return { method: 'direct', date, base: from, fromRate: null, toRate: direct };
    const inverse = day.get(to)?.get(from);
    if (inverse !== undefined) return { method: 'inverse', date, base: to, fromRate: inverse, toRate: null };
    for (const base of bases.get(date) ?? []) {
      const quotes = day.get(base)!;
      const fromRate = quotes.get(from);
      const toRate = quotes.get(to);
      if (fromRate !== undefined && toRate !== undefined) return { method: 'cross', date, base, fromRate, toRate };
    }
    return null;
  };

  const find = (from: string, to: string, onDate: string): Found | null => {
    const key = `${from}>${to}@${onDate}`;
    if (found.has(key)) return found.get(key)!;
    let answer: Found | null = null;
    for (let index = latestIndex(onDate); index >= 0 && answer === null; index--) {
      answer = onDay(dates[index], days.get(dates[index])!, from, to);
    }
    found.set(key, answer);
    return answer;
  };

  return {
    convert: (amount, from, to, onDate) => {
      const gap = (reason: string): Conversion => ({ ok: false, gap: { from, to, date: onDate, reason } });
      if (!isCurrencyCode(from)) return gap(`${from} is not an ISO 4217 currency code`);
      if (!isCurrencyCode(to)) return gap(`${to} is not an ISO 4217 currency code`);
      if (!isCalendarDate(onDate)) return gap(`${onDate} is not a calendar date YYYY-MM-DD`);
      try {
        new Big(amount);
      } catch {
        return gap(`${amount} is not a decimal amount`);
      }
      if (from === to) return { ok: true, amount: scaleAmount(amount, to), currency: to, rateUsed: null };
      const rate = find(from, to, onDate);
      if (rate === null) return gap(`no ${from}/${to} rate (direct, inverse or through a common base) published on or before ${onDate}`);
      const used = (value: string): RateUsed => ({ from, to, rate: value, rateDate: rate.date });
      switch (rate.method) {
        case 'direct':
          return {
            ok: true,
            amount: scaleAmount(amount, to, rate.toRate!),
            currency: to,
            rateUsed: used(rate.toRate!),
          };
        case 'inverse':
          return {
            ok: true,
            amount: scaleAmount(amount, to, '1', rate.fromRate!),
            currency: to,
            rateUsed: used(displayRate('1', rate.fromRate!)),
          };
        case 'cross':
          return {
            ok: true,
            amount: scaleAmount(amount, to, rate.toRate!, rate.fromRate!),
            currency: to,
            rateUsed: used(displayRate(rate.toRate!, rate.fromRate!)),
          };
        default:
          return assertNever(rate.method);
      }
    },
  };
};

/** numerator ÷ denominator to 12 significant digits, half to even, spelled without an exponent. */
const displayRate = (numerator: string, denominator: string): string =>
  new Big(new Wide(numerator).div(denominator).prec(RATE_DISPLAY_DIGITS, Big.roundHalfEven).toFixed()).toFixed();
