// The rates as stored per publication date, the rates in force on a date, the rate book every converted figure is
// computed with, and the reporting currency.
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type ReadSource } from '#read-models';
import { isCalendarDate, isCurrencyCode } from '#domain/shared';
import { rateBookOf, type PublishedRate, type RateBook } from './exchange-rates.conversion.js';
import { EXCHANGE_RATES_TABLES as T } from './exchange-rates.tables.js';

export type ExchangeRateRow = Readonly<{
  /** The publication date of the rate. */
  date: string;
  base: string;
  quote: string;
  /** Units of quote per 1 base, a decimal string. */
  rate: string;
  /** The event that published it, and when. */
  eventId: string;
  publishedAt: string;
}>;

type RateRecord = { date: string; base: string; quote: string; rate: string; event_id: string; published_at: Date };

const toRow = (r: RateRecord): ExchangeRateRow => ({
  date: r.date,
  base: r.base,
  quote: r.quote,
  rate: r.rate,
  eventId: r.event_id,
  publishedAt: r.published_at.toISOString(),
});

// numeric and date read back as text: a rate stays the exact string it was published as, a date has no zone.
const COLUMNS = `to_char(r.rate_date, 'YYYY-MM-DD') AS date, r.base, r.quote, r.rate::text AS rate, r.event_id, r.published_at`;

/**
 * Every stored rate as the rate book's input: a few thousand rows for years of daily rates. With `asOf` (an
 * instant), the book as it stood then: for each date and base the last publication (in its stream's order) whose
 * business time (occurredAt) is at or before asOf; nothing published later, never the clock nor the store's time, so
 * a replay or a copy of the log answers the same.
 */
export const loadRateBook = async (db: ReadSource, asOf?: string): Promise<RateBook> => {
  if (asOf === undefined) {
    const rows = await preparedQuery<PublishedRate>(
      db,
      `SELECT to_char(r.rate_date, 'YYYY-MM-DD') AS date, r.base, r.quote, r.rate::text AS rate FROM ${T.rates} r`,
    );
    return rateBookOf(rows);
  }
  const rows = await preparedQuery<PublishedRate>(
    db,
    `SELECT to_char(p.rate_date, 'YYYY-MM-DD') AS date, p.base, p.quote, p.rate::text AS rate
       FROM (SELECT DISTINCT ON (x.rate_date, x.base) x.event_id FROM ${T.publications} x
              WHERE x.occurred_at <= $1::timestamptz
              ORDER BY x.rate_date, x.base, x.revision DESC, x.occurred_at DESC, x.event_id DESC) latest
       JOIN ${T.publications} p ON p.event_id = latest.event_id`,
    [asOf],
  );
  return rateBookOf(rows);
};

/** The reporting currency set for the workspace, null while none is; with `asOf`, the one set as of that instant. */
export const reportingCurrencyOf = async (db: ReadSource, asOf?: string): Promise<string | null> =>
  (await reportingCurrencySetting(db, asOf))?.currency ?? null;

export type ReportingCurrencySetting = Readonly<{ currency: string; previous: string | null; setAt: string; eventId: string }>;

/** The reporting currency setting; with `asOf` (an instant), the last one set at or before it by business time. */
export const reportingCurrencySetting = async (db: ReadSource, asOf?: string): Promise<ReportingCurrencySetting | null> => {
  const [row] = await preparedQuery<{ currency: string; previous: string | null; set_at: Date; event_id: string }>(
    db,
    asOf === undefined
      ? `SELECT currency, previous, set_at, event_id FROM ${T.reportingCurrency}`
      : `SELECT currency, previous, occurred_at AS set_at, event_id FROM ${T.reportingCurrencies}
          WHERE occurred_at <= $1::timestamptz ORDER BY revision DESC, occurred_at DESC, event_id DESC LIMIT 1`,
    asOf === undefined ? [] : [asOf],
  );
  return row ? { currency: row.currency, previous: row.previous, setAt: row.set_at.toISOString(), eventId: row.event_id } : null;
};

/**
 * The rates in force on `date`: for each (base, quote) the latest publication on or before it, with the date it
 * comes from. Optionally of one base.
 */
export const ratesInForce = async (db: ReadSource, date: string, base?: string): Promise<ExchangeRateRow[]> => {
  const params = new Parameters();
  const rows = await preparedQuery<RateRecord>(
    db,
    `SELECT DISTINCT ON (r.base, r.quote) ${COLUMNS} FROM ${T.rates} r
      WHERE r.rate_date <= ${params.add(date)}::date${params.equals('r.base', base)}
      ORDER BY r.base, r.quote, r.rate_date DESC`,
    params.values,
  );
  return rows.map(toRow);
};

export type RatesQuery = Readonly<{ from?: string; to?: string; base?: string; limit: number; cursor?: string }>;

/** Rates published from `from` to `to` (both inclusive), by date, base and quote; the cursor is the last row's key. */
export const publishedRates = async (db: ReadSource, query: RatesQuery): Promise<Readonly<{ rows: ExchangeRateRow[]; nextCursor: string | null }>> => {
  const params = new Parameters();
  const conditions = ['true'];
  if (query.from !== undefined) conditions.push(`r.rate_date >= ${params.add(query.from)}::date`);
  if (query.to !== undefined) conditions.push(`r.rate_date <= ${params.add(query.to)}::date`);
  if (query.base !== undefined) conditions.push(`r.base = ${params.add(query.base)}`);
  if (query.cursor !== undefined) {
    const [date, base, quote] = decodeCursor(query.cursor, 3);
    if (!isCalendarDate(date) || !isCurrencyCode(base) || !isCurrencyCode(quote)) throw new InvalidCursor();
    conditions.push(`(r.rate_date, r.base, r.quote) > (${params.add(date)}::date, ${params.add(base)}, ${params.add(quote)})`);
  }
  const found = await preparedQuery<RateRecord>(
    db,
    `SELECT ${COLUMNS} FROM ${T.rates} r WHERE ${conditions.join(' AND ')}
      ORDER BY r.rate_date, r.base, r.quote LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const rows = found.slice(0, query.limit).map(toRow);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: found.length > query.limit && last ? encodeCursor([last.date, last.base, last.quote]) : null };
};
