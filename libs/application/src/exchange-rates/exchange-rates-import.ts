// An import of many dates' rates at once: CSV rows `date,base,quote,rate` after a header, and/or NDJSON lines, each
// {date, base, quote, rate} or a whole publication {date, base, rates: {...}}. Every row is checked before anything
// is appended; rows of one date and base become one publication (which replaces that day's set for that base).
// Pure: the lines come in as text, the publications or the bad rows go out.
import {
  CALENDAR_DATE_RULE,
  CURRENCY_RULE,
  jsonTextFault,
  isCalendarDate,
  isCurrencyCode,
} from '#domain/shared';
import { checkRate, RATE_RULE, type CheckedPublication } from '#domain/exchange-rates';

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_LINE_LENGTH = 4_000;
/** Bad rows listed in a refusal; the count says how many there were in all. */
export const MAX_LISTED_BAD_ROWS = 100;

export const CSV_HEADER = ['date', 'base', 'quote', 'rate'] as const;

export type BadRow = Readonly<{ line: number; field: string; reason: string }>;

export type RatesImport =
  | Readonly<{ ok: true; rows: number; publications: readonly CheckedPublication[] }>
  | Readonly<{ ok: false; rows: number; badRows: readonly BadRow[]; badRowCount: number }>;

type Row = Readonly<{ line: number; date: unknown; base: unknown; quote: unknown; rate: unknown }>;

/** A line that is no UTF-8 (the api's reader marks them): refused with its line. */
export type UnreadableLine = Readonly<{ lineNumber: number; reason: string }>;

// A CSV field: plain, or in double quotes with "" for a quote (RFC 4180); no field of this file needs a comma.
const csvFields = (line: string): string[] | null => {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      fields.push(value.trim());
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end === -1 ? undefined : end).trim());
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) return fields;
    i++; // the comma
  }
};

/** Reads and checks every line; the publications, or every bad row by line (1-based, blank lines counted). */
export const readRatesImport = async (lines: AsyncIterable<string | UnreadableLine> | Iterable<string | UnreadableLine>): Promise<RatesImport> => {
  const bad: BadRow[] = [];
  const rows: Row[] = [];
  let lineNumber = 0;
  let header: readonly string[] | null = null;
  let tooMany = false;
  for await (const line of lines) {
    lineNumber++;
    if (typeof line !== 'string') {
      bad.push({ line: lineNumber, field: 'line', reason: line.reason });
      continue;
    }
    const text = line.replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    if (rows.length >= MAX_IMPORT_ROWS) {
      tooMany = true;
      continue;
    }
    if (text.length > MAX_IMPORT_LINE_LENGTH) {
      bad.push({ line: lineNumber, field: 'line', reason: `a line has at most ${MAX_IMPORT_LINE_LENGTH} characters` });
      continue;
    }
    if (text.startsWith('{')) {
      rows.push(...ndjsonRows(text, lineNumber, bad));
      continue;
    }
    const fields = csvFields(text);
    if (fields === null) {
      bad.push({ line: lineNumber, field: 'line', reason: 'is not a CSV row (an unclosed quote)' });
      continue;
    }
    if (header === null) {
      const names = fields.map((field) => field.toLowerCase());
      if (names.length !== CSV_HEADER.length || !CSV_HEADER.every((name) => names.includes(name))) {
        bad.push({ line: lineNumber, field: 'header', reason: `the first CSV line must be the header ${CSV_HEADER.join(',')}` });
        // Read the rest in the usual order, so its rows are checked too.
        header = CSV_HEADER;
        continue;
      }
      header = names;
      continue;
    }
    if (fields.length !== header.length) {
      bad.push({ line: lineNumber, field: 'line', reason: `must have ${header.length} fields: ${header.join(',')}` });
      continue;
    }
    const value = (name: string) => fields[header!.indexOf(name)];
    rows.push({ line: lineNumber, date: value('date'), base: value('base'), quote: value('quote'), rate: value('rate') });
  }
  if (tooMany) bad.push({ line: lineNumber, field: 'body', reason: `an import has at most ${MAX_IMPORT_ROWS} rows: split the file` });
  if (rows.length === 0 && bad.length === 0) bad.push({ line: 0, field: 'body', reason: 'holds no rates' });
  const publications = publicationsOf(rows, bad);
  if (bad.length > 0) {
    const sorted = [...bad].sort((a, b) => a.line - b.line);
    return { ok: false, rows: rows.length, badRows: sorted.slice(0, MAX_LISTED_BAD_ROWS), badRowCount: sorted.length };
  }
  return { ok: true, rows: rows.length, publications };
};

const ndjsonRows = (text: string, line: number, bad: BadRow[]): Row[] => {
  // A number JSON.parse would change (149.23500000000000001) is refused, not silently rounded; a key given twice too.
  const fault = jsonTextFault(text);
  if (fault) {
    const reason =
      fault.kind === 'inexact-number'
        ? `${fault.literal.slice(0, 40)} cannot be kept exactly as a JSON number: send it as a string`
        : 'the key appears more than once in its object';
    bad.push({ line, field: fault.field, reason });
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    bad.push({ line, field: 'line', reason: 'is not JSON' });
    return [];
  }
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record);
  const single = ['date', 'base', 'quote', 'rate'];
  const whole = ['date', 'base', 'rates'];
  if (keys.length === single.length && single.every((key) => Object.hasOwn(record, key))) {
    return [{ line, date: record.date, base: record.base, quote: record.quote, rate: record.rate }];
  }
  if (keys.length === whole.length && whole.every((key) => Object.hasOwn(record, key))) {
    const rates = record.rates;
    if (rates === null || typeof rates !== 'object' || Array.isArray(rates) || Object.keys(rates).length === 0) {
      bad.push({ line, field: 'rates', reason: 'must be an object of quote currency to rate, with at least one rate' });
      return [];
    }
    return Object.entries(rates as Record<string, unknown>).map(([quote, rate]) => ({ line, date: record.date, base: record.base, quote, rate }));
  }
  bad.push({ line, field: 'line', reason: 'must be {"date", "base", "quote", "rate"} or {"date", "base", "rates": {...}} and nothing else' });
  return [];
};

const publicationsOf = (rows: readonly Row[], bad: BadRow[]): CheckedPublication[] => {
  const byDateAndBase = new Map<string, { date: string; base: string; rates: Record<string, string> }>();
  const seenOn = new Map<string, number>();
  for (const row of rows) {
    const before = bad.length;
    if (!isCalendarDate(row.date)) bad.push({ line: row.line, field: 'date', reason: `must be ${CALENDAR_DATE_RULE}` });
    if (!isCurrencyCode(row.base)) bad.push({ line: row.line, field: 'base', reason: `must be ${CURRENCY_RULE}` });
    if (!isCurrencyCode(row.quote)) bad.push({ line: row.line, field: 'quote', reason: `must be ${CURRENCY_RULE}` });
    else if (row.quote === row.base) bad.push({ line: row.line, field: 'quote', reason: 'must differ from the base' });
    const rate = checkRate(row.rate);
    if (!rate.ok) bad.push({ line: row.line, field: `rates.${String(row.quote)}`, reason: `must be ${RATE_RULE}` });
    if (bad.length > before || !rate.ok) continue;
    const date = row.date as string;
    const base = row.base as string;
    const quote = row.quote as string;
    const pair = `${date} ${base} ${quote}`;
    const first = seenOn.get(pair);
    if (first !== undefined) {
      bad.push({ line: row.line, field: 'quote', reason: `${base}/${quote} on ${date} is already given on line ${first}` });
      continue;
    }
    seenOn.set(pair, row.line);
    const key = `${date} ${base}`;
    let publication = byDateAndBase.get(key);
    if (!publication) byDateAndBase.set(key, (publication = { date, base, rates: {} }));
    publication.rates[quote] = rate.rate;
  }
  // By date, then base: the log reads as the history it records.
  return [...byDateAndBase.values()]
    .sort((a, b) => (a.date === b.date ? (a.base < b.base ? -1 : 1) : a.date < b.date ? -1 : 1))
    .map(({ date, base, rates }) => ({
      date,
      base,
      rates: Object.fromEntries(Object.entries(rates).sort(([a], [b]) => (a < b ? -1 : 1))),
    }));
};
