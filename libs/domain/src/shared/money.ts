// Money is exact: an amount is a decimal string with exactly its currency's minor-unit digits (JPY "150000",
// USD "1200.50", BHD "1.250"), in events, read models (numeric), JSON and CSV. Arithmetic goes through big.js, never
// through binary floats. Amounts stay below 1e12 so every read model column and every client's number type holds one.
import { Big } from 'big.js';

// Node's ICU list: current ISO 4217 codes only, without X-codes for testing (XTS) or no currency (XXX).
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_RULE = 'an ISO 4217 currency code, such as USD';

export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && CURRENCIES.has(value);

const digitsByCurrency = new Map<string, number>();

/** The currency's minor-unit digits as ISO 4217 (through ICU) gives them: JPY 0, USD 2, BHD 3. */
export const currencyDigits = (currency: string): number => {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
};

export const amountRule = (currency: string): string => {
  const digits = currencyDigits(currency);
  return `a decimal from 0 to 999999999999 with at most ${digits} decimal${digits === 1 ? '' : 's'} (${currency} has ${digits}), as a string such as "${digits === 0 ? '1200' : `1200.${'5'.padEnd(digits, '0')}`}" or a number`;
};

const DECIMAL = /^(0|[1-9]\d{0,11})(?:\.(\d{1,3}))?$/;

/**
 * A decimal as some currency writes an amount (at most 3 decimals, below 1e12; no currency Tally accepts has more): the `money` format of event schemas,
 * which cannot see the currency; that an amount has exactly its currency's digits is checkAmount's rule.
 */
export const isDecimalAmount = (value: unknown): value is string => typeof value === 'string' && DECIMAL.test(value);

export type AmountCheck = { readonly ok: true; readonly amount: string } | { readonly ok: false; readonly rule: string };

/**
 * An amount a client sent, as a decimal string or a JSON number, in the currency's canonical form (padded to its
 * digits). A number is taken at its shortest round-trip text, which is exactly what the client wrote for any
 * amount with at most 15 significant digits. Never throws, whatever the value.
 */
export const checkAmount = (value: unknown, currency: string): AmountCheck => {
  if (!isCurrencyCode(currency)) return { ok: false, rule: CURRENCY_RULE };
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : null;
  const match = text === null ? null : DECIMAL.exec(text);
  const digits = currencyDigits(currency);
  if (match === null || (match[2] ?? '').replace(/0+$/, '').length > digits) return { ok: false, rule: amountRule(currency) };
  return { ok: true, amount: new Big(text as string).toFixed(digits) };
};

/** The amount in the currency's canonical form, or null when it is not one (see checkAmount). */
export const parseAmount = (value: unknown, currency: string): string | null => {
  const checked = checkAmount(value, currency);
  return checked.ok ? checked.amount : null;
};

/**
 * A stored amount from before amounts were strings (a number with at most 2 decimals), for upcasters: in the
 * currency's form when it fits, otherwise with the decimals it had, so no upcast changes a value.
 */
export const amountFromLegacyNumber = (value: number, currency: string): string => {
  const exact = new Big(value.toFixed(2));
  const digits = Math.max(isCurrencyCode(currency) ? currencyDigits(currency) : 2, exact.eq(exact.round(0)) ? 0 : exact.eq(exact.round(1)) ? 1 : 2);
  return exact.toFixed(digits);
};

/** a + b, exact, in the currency's form (or wider when an operand carries more decimals, see amountFromLegacyNumber). */
export const addAmounts = (a: string, b: string, currency: string): string => formatAmount(new Big(a).plus(b), currency);

/** a - b, exact; may be negative (a change, such as MRR churn). */
export const subtractAmounts = (a: string, b: string, currency: string): string => formatAmount(new Big(a).minus(b), currency);

export const compareAmounts = (a: string, b: string): -1 | 0 | 1 => new Big(a).cmp(b) as -1 | 0 | 1;

export const sumAmounts = (amounts: readonly string[], currency: string): string =>
  formatAmount(amounts.reduce((sum, amount) => sum.plus(amount), new Big(0)), currency);

/**
 * amount × factor (a decimal string, such as an exchange rate or a win probability) ÷ divisor, rounded half to even
 * to the currency's digits: the one rounding step of a derived figure (MRR, a weighted or converted amount).
 */
export const scaleAmount = (amount: string, currency: string, factor = '1', divisor: string | number = 1): string =>
  divideHalfEven(new Big(amount).times(factor).toFixed(), String(divisor), currencyDigits(currency));

// Truncating integer division, for the exact half-even division below.
const Whole = Big();
Whole.DP = 0;
Whole.RM = Big.roundDown;

/**
 * numerator ÷ denominator rounded once, half to even, to `digits` decimals, exactly. big.js division rounds the
 * quotient to 20 places first, a second rounding that a divisor such as a rate of 0.000000123456789012 would make
 * visible; this compares the remainder instead.
 */
export const divideHalfEven = (numerator: string, denominator: string, digits: number): string => {
  const n = new Big(numerator);
  const d = new Big(denominator).abs();
  const scaled = new Whole(n.abs()).times(new Big(10).pow(digits));
  const quotient = scaled.div(d);
  const twiceRemainder = scaled.minus(quotient.times(d)).times(2);
  const roundUp = twiceRemainder.gt(d) || (twiceRemainder.eq(d) && quotient.mod(2).eq(1));
  const units = roundUp ? quotient.plus(1) : quotient;
  const magnitude = new Big(units.toFixed()).div(new Big(10).pow(digits)).toFixed(digits);
  const negative = n.lt(0) !== new Big(denominator).lt(0);
  return negative && !units.eq(0) ? `-${magnitude}` : magnitude;
};

const formatAmount = (value: Big, currency: string): string => {
  const digits = currencyDigits(currency);
  const fraction = value.toFixed().split('.')[1] ?? '';
  return value.toFixed(Math.max(digits, fraction.length));
};
