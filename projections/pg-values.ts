// How values from events are spelled for PostgreSQL, so that no value an event's schema allows can stop a
// projection. Instants: JavaScript spells year 0 as `0000`, earlier years as `-000001` and later ones as `+010000`,
// none of which PostgreSQL reads; it wants `0001 ... BC` and `10000-...`. Its range starts at 4714-11-24 BC: an
// earlier instant is stored as that first instant (clamped, deterministically; nothing here reads the clock).
// Amounts: exact decimal arithmetic on the number's own digits, rounded half up to cents, in unbounded numeric.

/** 4714-11-24T00:00:00Z BC, PostgreSQL's first timestamptz and date. */
export const PG_MIN_INSTANT_MS = Date.UTC(-4713, 10, 24);

const instantMs = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not an instant`);
  return Math.max(ms, PG_MIN_INSTANT_MS);
};

const spell = (ms: number, part: 'instant' | 'day'): string => {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const full = date.toISOString();
  // Everything after the year: `-MM-DDTHH:MM:SS.sssZ`.
  const tail = full.slice(full.indexOf('-', 1));
  const rest = part === 'instant' ? tail : tail.slice(0, 6);
  return year >= 1 ? `${String(year).padStart(4, '0')}${rest}` : `${String(1 - year).padStart(4, '0')}${rest} BC`;
};

/** An instant (any ISO 8601 string Date reads) as PostgreSQL reads it back to the same instant, or clamped. */
export const pgInstant = (iso: string): string => spell(instantMs(iso), 'instant');

/** The same for a nullable instant. */
export const pgInstantOrNull = (iso: string | null): string | null => (iso === null ? null : pgInstant(iso));

/** A UTC calendar day (`YYYY-MM-DD`, or JavaScript's `+YYYYYY-MM-DD`) as a PostgreSQL date. */
export const pgDay = (day: string): string => spell(instantMs(`${day}T00:00:00.000Z`), 'day');

/** What a clamped instant reads back as: the instant itself, or PostgreSQL's first one. */
export const storedInstant = (iso: string): string => new Date(instantMs(iso)).toISOString();

/** An amount in cents, exactly: from the number's shortest decimal spelling (`1e+21`, `5e-324`), half up. */
export const centsOf = (amount: number): bigint => {
  const [mantissa, exponentText] = String(amount).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  // value = digits * 10^(exponent - fraction.length); cents = value * 100.
  const digits = BigInt(`${whole}${fraction}`);
  const shift = Number(exponentText ?? 0) - fraction.length + 2;
  let cents: bigint;
  if (shift >= 0) {
    cents = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    cents = digits / divisor + ((digits % divisor) * 2n >= divisor ? 1n : 0n);
  }
  return negative ? -cents : cents;
};

/** Cents as a decimal with two places: `12345` -> `123.45`. */
export const formatCents = (cents: bigint): string => {
  const sign = cents < 0n ? '-' : '';
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** An amount as stored: two decimals, exact. */
export const pgAmount = (amount: number): string => formatCents(centsOf(amount));
