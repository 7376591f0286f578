// The companies list: live companies (merged duplicates hidden), filtered and sorted with keyset paging (the sort
// key, then the company id: stable under equal keys). One statement answers a page and the build's position.
import {
  Parameters,
  propertyConditions,
  searchCondition,
  type ListSort,
  type Positioned,
  type PropertyFilter,
  type PropertyFilterDefinition,
  type ReadSource,
  type SortKey,
} from '#read-models';
import type { PropertyValues } from '#domain/shared';
import { readListPage } from '../record-lists/list-page.js';
import { listPropertyDefinitions } from '../record-lists/list-properties.queries.js';
import { industryKey } from './company-list.projection.js';
import { COMPANY_LIST, COMPANY_LIST_TABLES as T } from './company-list.tables.js';

export const COMPANY_LIST_SORT_KEYS: readonly SortKey[] = [
  { name: 'createdAt', sql: 'c.created_at', type: 'timestamptz' },
  { name: 'name', sql: 'c.name_key', type: 'text' },
];

export type CompanyListQuery = Readonly<{
  q?: string;
  /** Normalized, as companies store it. */
  domain?: string;
  /** Case-insensitive. */
  industry?: string;
  properties: readonly PropertyFilter[];
  sort: ListSort;
  limit: number;
  cursor?: string;
}>;

export type CompanyListItem = Readonly<{
  companyId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  createdAt: string;
  properties: PropertyValues;
}>;

export type CompanyListPage = Positioned<Readonly<{ data: CompanyListItem[]; nextCursor: string | null }>>;

type CompanyRecord = {
  company_id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  created_at: Date;
  properties: PropertyValues;
};

export const listCompanies = async (source: ReadSource, query: CompanyListQuery): Promise<CompanyListPage> => {
  const params = new Parameters();
  const conditions = ['c.merged_into IS NULL'];
  if (query.q !== undefined) conditions.push(searchCondition('c.search_text', query.q, params));
  if (query.domain !== undefined) conditions.push(`c.domain = ${params.add(query.domain)}`);
  if (query.industry !== undefined) conditions.push(`c.industry_key = ${params.add(industryKey(query.industry))}`);
  conditions.push(...propertyConditions('c.properties', query.properties, params));
  const page = await readListPage<CompanyRecord>(source, params, {
    readModel: COMPANY_LIST,
    table: T.companies,
    alias: 'c',
    id: 'company_id',
    columns: 'c.company_id, c.name, c.name_key, c.domain, c.industry, c.employees::float8 AS employees, c.country, c.created_at, c.properties',
    conditions,
  }, query);
  return {
    position: page.position,
    data: page.rows.map((r) => ({
      companyId: r.company_id,
      name: r.name,
      domain: r.domain,
      industry: r.industry,
      employees: r.employees,
      country: r.country,
      createdAt: r.created_at.toISOString(),
      properties: r.properties,
    })),
    nextCursor: page.nextCursor,
  };
};

/** The properties a `property.<name>` filter of the companies list may name, with their types. */
export const companyPropertyDefinitions = (source: ReadSource): Promise<Map<string, PropertyFilterDefinition>> =>
  listPropertyDefinitions(source, T.properties);
