// Money as the read models hold it: numeric(14,2) holds below 1e12, to the cent. Within that range a JavaScript
// number round-trips every decimal a client can send (at most 14 significant digits), so no amount is changed.

/** The largest amount accepted anywhere: strictly below 1e12. */
export const MAX_AMOUNT = 999_999_999_999.99;

export const AMOUNT_RULE = `a number from 0 to ${MAX_AMOUNT} with at most 2 decimals`;

/** 0 <= amount <= MAX_AMOUNT with at most 2 decimals; never throws, whatever the value. */
export const isAmount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value >= 0 &&
  value <= MAX_AMOUNT &&
  // toFixed(2) round-trips exactly when there are at most 2 decimals, despite binary floats (0.29 * 100 is not 29).
  Number(value.toFixed(2)) === value;

// Node's ICU list: current ISO 4217 codes only, without X-codes for testing (XTS) or no currency (XXX).
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_RULE = 'an ISO 4217 currency code, such as USD';

export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && CURRENCIES.has(value);
