// The companies list split into partitions by company: companies of every partition, merges of a duplicate into a
// survivor of another partition (each marks its own row only) and a property definition (no company's: partition 0
// keeps it) give the rows of the build in one piece.
import type { NewEvent, PostgresEventStore } from '#event-store';
import { partitionOf } from '#projection-engine';
import { newEvent } from '#test/support/events';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { apart, appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole, SPLITS } from '../partitioned-build.spec-helper.js';
import { companyListProjection } from './company-list.persistence.js';

const COMPANIES = Array.from({ length: 18 }, (_, i) => `co-${String(i).padStart(2, '0')}`);
const day = (n: number) => ({ occurredAt: new Date(Date.UTC(2026, 3, 3 + n, 9)).toISOString() });

const renamed = (companyId: string, previous: string, value: string, n: number): NewEvent =>
  newEvent('CompanyUpdated', { companyId, changes: [{ field: 'name', previous, value }] }, day(n));

/**
 * The synthetic history has five companies at this size: these are created and renamed side by side in the log, then
 * half of them merged into a survivor of another partition, and every one renamed and given a property after that
 * (which a merged duplicate ignores). Answers the merges.
 */
const appendCompanies = async (store: PostgresEventStore): Promise<Readonly<{ duplicate: string; survivor: string }>[]> => {
  for (const companyId of COMPANIES) {
    await store.appendToStream(`company-${companyId}`, [
      newEvent('CompanyCreated', { companyId, name: `Old ${companyId}`, domain: `${companyId}.test`, industry: 'Retail', employees: 12, country: 'DE', properties: {} }, day(0)),
      renamed(companyId, `Old ${companyId}`, `Name ${companyId}`, 0),
    ]);
  }
  const merges: { duplicate: string; survivor: string }[] = [];
  const free = [...COMPANIES];
  while (free.length > 0) {
    const survivor = free.shift()!;
    const duplicate = free.find((id) => apart(survivor, id));
    if (!duplicate) break;
    free.splice(free.indexOf(duplicate), 1);
    await store.appendToStream(`company-${duplicate}`, [newEvent('CompanyMerged', { companyId: duplicate, mergedInto: survivor, domain: `${duplicate}.test` }, day(1))]);
    await store.appendToStream(`company-${survivor}`, [newEvent('CompanyAbsorbed', { companyId: survivor, mergedCompanyId: duplicate }, day(1))]);
    merges.push({ duplicate, survivor });
  }
  await store.appendToStream('property-definitions-company', [
    newEvent('PropertyDefined', { objectType: 'company', name: 'tier', label: 'Tier', type: 'string', options: [], unique: false }, day(2)),
  ]);
  for (const companyId of COMPANIES) {
    await store.appendToStream(`company-${companyId}`, [
      renamed(companyId, `Name ${companyId}`, `Final ${companyId}`, 3),
      newEvent('CompanyPropertiesChanged', { companyId, changes: [{ property: 'tier', previous: null, value: 'gold' }] }, day(3)),
    ]);
  }
  return merges;
};

describe('companies list split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    await appendCrossPartitionHistory(db, store, 40);
    const merges = await appendCompanies(store);
    const tables = await buildWholeAndSplit(db, store, companyListProjection, (await store.headPosition())!);
    const companies = tables.find((t) => t.base === 'company_list')!.whole;
    const rowOf = (companyId: string) => companies.find((row) => row.includes(`"company_id":"${companyId}"`));
    for (const { partitions } of SPLITS) expect(new Set(COMPANIES.map((id) => partitionOf(id, partitions))).size).toBe(partitions);
    expect(companies.length).toBeGreaterThan(COMPANIES.length);
    // A merged duplicate keeps the name it had and no property; its survivor in another partition goes on changing.
    expect(merges.length).toBeGreaterThan(3);
    for (const { duplicate, survivor } of merges) {
      expect(rowOf(duplicate)).toContain(`"name":"Name ${duplicate}"`);
      expect(rowOf(duplicate)).toContain(`"properties":{},"created_at":"2026-04-03T09:00:00.000Z","merged_into":"${survivor}"`);
      expect(rowOf(survivor)).toContain(`"properties":{"tier":"gold"},"created_at":"2026-04-03T09:00:00.000Z","merged_into":null`);
    }
    expect(tables.find((t) => t.base === 'company_list_properties')!.whole).toHaveLength(1);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
