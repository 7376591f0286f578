// Stores the companies list: per batch, load the touched companies in one statement (one index probe each: the
// table grows with the history), reduce in memory, write the changed rows in one multi-row upsert.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import type { PropertyValues } from '#domain/shared';
import { isPropertyDefinitionEvent, PROPERTY_DEFINITION_EVENT_TYPES } from '../record-lists/list-properties.projection.js';
import { saveListProperties } from '../record-lists/list-properties.persistence.js';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import {
  COMPANY_LIST_EVENT_TYPES,
  reduceCompanyList,
  stored,
  type CompanyListEvent,
  type CompanyListRow,
  type StoredCompanyRow,
  type TimedCompanyEvent,
} from './company-list.projection.js';
import { COMPANY_LIST_SCHEMA, COMPANY_LIST_TABLES as T } from './company-list.tables.js';

type CompanyRecord = {
  company_id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: string | null;
  country: string | null;
  properties: PropertyValues;
  created_at: Date;
  merged_into: string | null;
};

const RECORD_COLUMNS = ['company_id', 'name', 'domain', 'industry', 'employees', 'country', 'properties', 'created_at', 'merged_into'];

// employees is numeric (an integer schema allows more than a bigint holds): pg answers it as text.
const toRow = (r: CompanyRecord): CompanyListRow => ({
  companyId: r.company_id,
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  employees: r.employees === null ? null : Number(r.employees),
  country: r.country,
  properties: r.properties,
  createdAt: r.created_at.toISOString(),
  mergedInto: r.merged_into,
});

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedCompanyEvent => ({
  event: { type: event.type, data: event.data } as CompanyListEvent,
  occurredAt: event.metadata.occurredAt,
});

const COLUMNS: readonly RowColumn<StoredCompanyRow>[] = fieldColumns<StoredCompanyRow>({
  companyId: 'text', name: 'text', nameKey: 'text', domain: 'text', industry: 'text', industryKey: 'text', employees: 'numeric',
  country: 'text', properties: 'jsonb', createdAt: 'timestamptz', mergedInto: 'text', searchText: 'text',
});

export const companyListProjection: ProjectionDefinition = {
  ...COMPANY_LIST_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: [...COMPANY_LIST_EVENT_TYPES, ...PROPERTY_DEFINITION_EVENT_TYPES] },
  // By company: every event here changes its own company's row only (a merge marks the duplicate; the survivor's row
  // takes nothing from it), so a partition writes only the rows it owns. The property definitions are no company's:
  // partition 0 alone keeps them.
  partitioning: { keysOf: (event) => (isPropertyDefinitionEvent(event) ? [] : [timed(event).event.data.companyId]) },
  apply: async (events, { tx, table }) => {
    const batch = events.filter((event) => !isPropertyDefinitionEvent(event)).map(timed);
    const companyIds = [...new Set(batch.map(({ event }) => event.data.companyId))];
    const found = await probeByKeys<CompanyRecord>(tx, table(T.companies), 'company_id', companyIds, RECORD_COLUMNS);
    const changed = reduceCompanyList(new Map(found.map((r) => [r.company_id, toRow(r)])), batch);
    await writeRows(tx, table(T.companies), COLUMNS, changed.map(stored), { key: ['company_id'], then: 'replace' });
    await saveListProperties(tx, table(T.properties), 'company', events);
  },
};
