// The companies list, the pure part: one row per company as its profile stands now, with what the list filters,
// sorts and searches by. Companies have no owner: no event gives them one. An event for a company never created,
// or merged away, changes nothing.
import type { CompanyEvent } from '#domain/company';
import { assertNever, withFieldChanges, withPropertyChanges, type PropertyValues } from '#domain/shared';
import { searchKey, sortKeyOf } from '#read-models';

export type CompanyListRow = Readonly<{
  companyId: string;
  name: string;
  /** Normalized: lower-case, no scheme, no `www.`, no path. */
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  properties: PropertyValues;
  /** ISO instant (UTC), from the event's business time. */
  createdAt: string;
  mergedInto: string | null;
}>;

/** A row as stored: with the keys it is sorted, filtered and found by. */
export type StoredCompanyRow = CompanyListRow & Readonly<{ nameKey: string; industryKey: string | null; searchText: string }>;

export const COMPANY_LIST_EVENT_TYPES = [
  'CompanyCreated',
  'CompanyUpdated',
  'CompanyPropertiesChanged',
  'CompanyMerged',
] as const satisfies readonly CompanyEvent['type'][];

export type CompanyListEvent = Extract<CompanyEvent, { type: (typeof COMPANY_LIST_EVENT_TYPES)[number] }>;

export type TimedCompanyEvent = Readonly<{ event: CompanyListEvent; occurredAt: string }>;

/** The key the industry filter matches: case-insensitive (cut like a sort key, so any length can be indexed). */
export const industryKey = (industry: string): string => sortKeyOf(industry);

export const stored = (row: CompanyListRow): StoredCompanyRow => ({
  ...row,
  nameKey: sortKeyOf(row.name),
  industryKey: row.industry === null ? null : industryKey(row.industry),
  searchText: searchKey([row.name, row.domain ?? ''].join(' ')),
});

/** The company after one event; answers it unchanged (the same object) when the event changes nothing. */
export const evolveCompany = (company: CompanyListRow | undefined, { event, occurredAt }: TimedCompanyEvent): CompanyListRow | undefined => {
  if (event.type === 'CompanyCreated') {
    if (company) return company;
    const { companyId, name, domain, industry, employees, country, properties } = event.data;
    return { companyId, name, domain, industry, employees, country, properties, createdAt: new Date(occurredAt).toISOString(), mergedInto: null };
  }
  if (!company || company.mergedInto !== null) return company;
  switch (event.type) {
    case 'CompanyUpdated': {
      const { name, domain, industry, employees, country } = company;
      return { ...company, ...withFieldChanges({ name, domain, industry, employees, country }, event.data.changes) };
    }
    case 'CompanyPropertiesChanged':
      return { ...company, properties: withPropertyChanges(company.properties, event.data.changes) };
    case 'CompanyMerged':
      return { ...company, mergedInto: event.data.mergedInto };
    default:
      return assertNever(event);
  }
};

/** A batch applied in order to the companies it touches (loaded beforehand); answers the rows it changed, each once. */
export const reduceCompanyList = (loaded: ReadonlyMap<string, CompanyListRow>, events: readonly TimedCompanyEvent[]): CompanyListRow[] => {
  const rows = new Map(loaded);
  const changed = new Set<string>();
  for (const timed of events) {
    const { companyId } = timed.event.data;
    const before = rows.get(companyId);
    const after = evolveCompany(before, timed);
    if (after === undefined || after === before) continue;
    rows.set(companyId, after);
    changed.add(companyId);
  }
  return [...changed].map((id) => rows.get(id)!);
};
