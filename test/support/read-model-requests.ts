// What the read-model e2e specs share: the api for a describe block, appending events straight to the store,
// paging through JSON and CSV answers, and the dates no read model can answer for.
import type request from 'supertest';
import { formatPosition, type NewEvent } from '#event-store';
import type { SpecEvent } from '#projection-specs';
import { newEvent } from './events.js';
import { useTestApp } from './test-app.js';

// Dates the read models cannot answer for: impossible days, years outside 1900..2199, offsets past ±14:00,
// digits past the millisecond, week dates.
export const BAD_INSTANTS: readonly string[] = [
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-01-01T00:00:00+23:59',
  '2026-01-01T00:00:00.000000001Z',
  '2026-W01',
];
export const BAD_DAYS: readonly string[] = ['2026-02-30', '0000-01-01', '1899-12-31', '2200-01-01', '20260101'];

export type SuiteApp = ReturnType<typeof useTestApp>;

/** Appends to a stream as a client's write would, answering the position to wait for with minPosition. */
export const appendEvents = async (t: SuiteApp, stream: string, events: readonly NewEvent[]): Promise<string> =>
  formatPosition((await t.runtime.eventStore.appendToStream(stream, [...events])).position);

/** A spec-helper event (projections/projection-spec.spec-helper.ts) as the store takes it. */
export const storable = ({ type, data, metadata }: SpecEvent, overrides: Partial<NewEvent['metadata']> = {}): NewEvent =>
  newEvent(type, data, { ...metadata, ...overrides });

/** Every row of a paged JSON answer: `page(cursor)` asks for one page, with the previous page's nextCursor. */
export const pageThrough = async <T>(page: (cursor?: string) => request.Test): Promise<T[]> => {
  const seen: T[] = [];
  let cursor: string | undefined;
  do {
    const { body } = await page(cursor).expect(200);
    seen.push(...body.data);
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return seen;
};

export type CsvPage = Readonly<{ header: string; lines: string[]; link?: string; nextCursor?: string }>;

/** Every page of a CSV answer, following each page's Link rel="next" from `url` (path and query). */
export const csvPages = async (t: SuiteApp, url: string): Promise<CsvPage[]> => {
  const pages: CsvPage[] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const response: request.Response = await t.http().get(next).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = response.text.split('\r\n');
    expect(lines.pop()).toBe('');
    const link: string | undefined = response.headers.link;
    pages.push({ header, lines, link, nextCursor: response.headers['x-next-cursor'] });
    next = link === undefined ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
    if (link !== undefined) expect(next).toBeDefined();
  }
  return pages;
};
