// The deals list split into partitions by deal: a company merge moves deals of every partition onto the survivor
// (each partition moves its own), and the pipelines and property definitions (no deal's: partition 0 keeps them) give
// the rows of the build in one piece.
import type { NewEvent, PostgresEventStore } from '#event-store';
import { partitionOf } from '#projection-engine';
import { dealCreatedData, newEvent } from '#test/support/events';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole, SPLITS } from '../partitioned-build.spec-helper.js';
import { dealListProjection } from './deal-list.persistence.js';

const DEALS = Array.from({ length: 24 }, (_, i) => `dl-${String(i).padStart(2, '0')}`);
const day = (n: number) => ({ occurredAt: new Date(Date.UTC(2026, 3, 3 + n, 9)).toISOString() });
// Every third deal starts at another company: every sixth is associated with the duplicate before the merge (and so
// moved by it), the others just after the merge (a stale reference), where they stay.
const companyAtMerge = (i: number): string => (i % 3 !== 0 || i % 6 === 0 ? 'co-duplicate' : 'co-other');
const moved = DEALS.filter((_, i) => companyAtMerge(i) === 'co-duplicate');
const late = DEALS.filter((dealId) => !moved.includes(dealId));

/**
 * The synthetic history has six deals at this size: these are opened on its sales pipeline (each with its first
 * stage change beside it in the log), then their company merged into another, then each changed right after the
 * merge, so a partition still at the merge meets rows other partitions have moved past it.
 */
const appendDeals = async (store: PostgresEventStore): Promise<void> => {
  const stream = (dealId: string, ...events: NewEvent[]) => store.appendToStream(`deal-${dealId}`, events);
  for (const [i, dealId] of DEALS.entries()) {
    await stream(
      dealId,
      newEvent('DealCreated', dealCreatedData(dealId, { pipelineId: 'default', stageId: 'appointmentscheduled', companyId: i % 3 === 0 ? 'co-other' : 'co-duplicate' }), day(0)),
      newEvent('DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'qualifiedtobuy' }, day(0)),
    );
  }
  for (const [i, dealId] of DEALS.entries()) {
    if (i % 6 === 0) await stream(dealId, newEvent('DealCompanyAssociated', { dealId, companyId: 'co-duplicate', previousCompanyId: 'co-other' }, day(1)));
    else if (i % 2 === 1) await stream(dealId, newEvent('DealAmountChanged', { dealId, previous: { amount: '1000.00', currency: 'EUR' }, amount: '2500.00', currency: 'EUR' }, day(1)));
  }
  await store.appendToStream('company-co-duplicate', [newEvent('CompanyMerged', { companyId: 'co-duplicate', mergedInto: 'co-survivor', domain: null }, day(2))]);
  for (const dealId of late) await stream(dealId, newEvent('DealCompanyAssociated', { dealId, companyId: 'co-duplicate', previousCompanyId: 'co-other' }, day(2)));
  for (const dealId of DEALS) await stream(dealId, newEvent('DealRenamed', { dealId, previous: `Deal ${dealId}`, name: `Renewal ${dealId}` }, day(2)));
  await store.appendToStream('property-definitions-deal', [
    newEvent('PropertyDefined', { objectType: 'deal', name: 'advertiser_id', label: 'Advertiser', type: 'string', options: [], unique: false }, day(3)),
  ]);
  for (const [i, dealId] of DEALS.entries()) {
    await stream(
      dealId,
      newEvent('DealPropertiesChanged', { dealId, changes: [{ property: 'advertiser_id', previous: null, value: `A-${i}` }] }, day(3)),
      ...(i % 4 === 0 ? [newEvent('DealWon', { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '1000.00', currency: 'EUR', ownerId: null }, day(4))] : []),
    );
  }
};

describe('deals list split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    await appendCrossPartitionHistory(db, store, 40);
    await appendDeals(store);
    const tables = await buildWholeAndSplit(db, store, dealListProjection, (await store.headPosition())!);
    const deals = tables.find((t) => t.base === 'deal_list')!.whole;
    const rowOf = (dealId: string) => deals.find((row) => row.includes(`"deal_id":"${dealId}"`))!;
    // The merge moved deals of every partition of every split, each of them only, and each took its later events.
    for (const { partitions } of SPLITS) expect(new Set(moved.map((id) => partitionOf(id, partitions))).size).toBe(partitions);
    expect(deals.length).toBeGreaterThan(DEALS.length);
    for (const dealId of moved) expect(rowOf(dealId)).toContain('"company_id":"co-survivor"');
    expect(deals.filter((row) => row.includes('"company_id":"co-survivor"'))).toHaveLength(moved.length);
    for (const dealId of late) expect(rowOf(dealId)).toContain('"company_id":"co-duplicate"');
    for (const dealId of DEALS) expect(rowOf(dealId)).toContain(`"name":"Renewal ${dealId}"`);
    expect(tables.find((t) => t.base === 'deal_list_stages')!.whole.length).toBeGreaterThan(0);
    expect(tables.find((t) => t.base === 'deal_list_properties')!.whole).toHaveLength(1);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
