// The record timeline split into partitions by record: engagements rolled up to records of other partitions,
// associations added and removed across partitions after them (barriers over both records' partitions), merges of
// contacts and companies (a barrier every partition meets) and erasures give the rows of the build in one piece: over
// the synthetic history in 2 and 3 partitions, and over random histories in any split from 1 to 4 partitions with
// any batch size.
import fc from 'fast-check';
import { OBJECT_TYPES } from '#domain/association';
import { EventValidator, eventCatalog } from '#domain/catalog';
import { comparePositions, type NewEvent, type Position, type PostgresEventStore } from '#event-store';
import { partitionOf, ProjectionBuilds, ProjectionEngine, type ProjectionDefinition } from '#projection-engine';
import { dealCreatedData, engagementLoggedData, newEvent } from '#test/support/events';
import { eventually, openTestStore, type TestDatabase } from '#test/support/test-database';
import { appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole, SPLITS } from '../partitioned-build.spec-helper.js';
import { recordTimelineProjection } from './record-timeline.persistence.js';

const NAME = recordTimelineProjection.name;
const day = (n: number) => ({ occurredAt: new Date(Date.UTC(2026, 3, 3 + n, 9)).toISOString() });
const apart = (a: string, b: string) => SPLITS.every(({ partitions }) => partitionOf(a, partitions) !== partitionOf(b, partitions));
const pair = (type: 'RecordsAssociated' | 'RecordsDissociated', from: readonly [string, string], to: readonly [string, string], label: string | null, n: number) =>
  newEvent(type, { from: { type: from[0], id: from[1] }, to: { type: to[0], id: to[1] }, label }, day(n));
const completed = (engagementId: string, n: number) => newEvent('TaskCompleted', { engagementId, ownerId: 'rep', completedBy: 'rep' }, day(n));
const updated = (engagementId: string, n: number) =>
  newEvent('EngagementUpdated', { engagementId, changes: [{ field: 'subject', previous: 'Call notes', value: `Call notes ${n}` }] }, day(n));
const erased = (contactId: string, n: number) =>
  newEvent('ContactErased', { contactId, erasedBy: 'u-admin', legalBasis: 'consent-withdrawn', reason: 'asked' }, day(n));

const idsOf = async (db: TestDatabase, type: string, field: string): Promise<string[]> =>
  (await db.pool.query<{ id: string }>(`SELECT DISTINCT data->>'${field}' AS id FROM tally_events WHERE event_type = $1 ORDER BY 1`, [type])).rows.map((row) => row.id);

/**
 * After the synthetic history: deals with a note each, then associated with a company and a contact of other
 * partitions (for every split), the note updated and completed, some of the pairs dissociated again; companies merged
 * into a survivor of another partition while associated with those deals, the notes going on after; and the contacts
 * erased, whose rows on the deals' timelines (the notes logged on them came through) every partition purges.
 */
const appendRecordCrossings = async (db: TestDatabase, store: PostgresEventStore): Promise<void> => {
  const gone = new Set([
    ...(await idsOf(db, 'ContactMerged', 'contactId')),
    ...(await idsOf(db, 'ContactMerged', 'mergedInto')),
    ...(await idsOf(db, 'ContactErased', 'contactId')),
  ]);
  const contacts = (await idsOf(db, 'ContactCreated', 'contactId')).filter((id) => !gone.has(id));
  const deals = Array.from({ length: 8 }, (_, i) => `xd-${i}`);
  const companies = Array.from({ length: 16 }, (_, i) => `xco-${String(i).padStart(2, '0')}`);
  for (const companyId of companies) {
    await store.appendToStream(`company-${companyId}`, [
      newEvent('CompanyCreated', { companyId, name: `Company ${companyId}`, domain: null, industry: null, employees: null, country: null, properties: {} }, day(0)),
    ]);
  }
  const used = new Set<string>();
  const take = (pool: readonly string[], type: string, from: string) => {
    const id = pool.find((candidate) => !used.has(candidate) && apart(`${type}:${candidate}`, from))!;
    used.add(id);
    return id;
  };
  for (const [i, dealId] of deals.entries()) {
    const deal = `deal:${dealId}`;
    const companyId = take(companies, 'company', deal);
    const contactId = take(contacts, 'contact', deal);
    const note = `xn-${i}`;
    await store.appendToStream(`deal-${dealId}`, [newEvent('DealCreated', dealCreatedData(dealId, { pipelineId: 'default', stageId: 'appointmentscheduled' }), day(1))]);
    await store.appendToStream(`engagement-${note}`, [
      newEvent('EngagementLogged', engagementLoggedData(note, { kind: 'note', subject: 'Call notes', dealIds: [dealId] }), day(1)),
    ]);
    // A note on the contact too: it rolls up to the deal once they are associated, through the contact.
    await store.appendToStream(`engagement-${note}-c`, [
      newEvent('EngagementLogged', engagementLoggedData(`${note}-c`, { kind: 'note', subject: 'Call notes', contactIds: [contactId] }), day(1)),
    ]);
    await store.appendToStream(`association-${i}`, [pair('RecordsAssociated', ['company', companyId], ['deal', dealId], null, 2)]);
    await store.appendToStream(`association-${i}-c`, [pair('RecordsAssociated', ['contact', contactId], ['deal', dealId], 'partner', 2)]);
    await store.appendToStream(`engagement-${note}`, [updated(note, 3), completed(note, 3)]);
    if (i % 2 === 1) await store.appendToStream(`association-${i}`, [pair('RecordsDissociated', ['company', companyId], ['deal', dealId], null, 4)]);
    if (i % 4 === 0) {
      // The company goes into a survivor of another partition: the deal's notes now show there, and the company's
      // rows keep what they had.
      const survivor = take(companies, 'company', `company:${companyId}`);
      await store.appendToStream(`company-${companyId}`, [newEvent('CompanyMerged', { companyId, mergedInto: survivor, domain: null }, day(5))]);
      await store.appendToStream(`company-${survivor}`, [newEvent('CompanyAbsorbed', { companyId: survivor, mergedCompanyId: companyId }, day(5))]);
    }
    await store.appendToStream(`engagement-${note}`, [updated(note, 6)]);
    await store.appendToStream(`engagement-${note}-c`, [completed(`${note}-c`, 6)]);
    if (i % 3 === 0) await store.appendToStream(`contact-${contactId}`, [erased(contactId, 7)]);
    await store.appendToStream(`engagement-${note}-c`, [updated(`${note}-c`, 8)]);
  }
  // Chains of merges: a company in the lagging partition takes over another one first; then a company with a note goes
  // into the one taken over: only from then on do the note's events reach the end of the chain, in the partition
  // that lags (it must meet the merge, though the merge names none of its records).
  const inPartition = (index: number) => (id: string) => SPLITS.every(({ partitions }) => (partitionOf(`company:${id}`, partitions) === 1) === (index === 1));
  const chained = Array.from({ length: 40 }, (_, i) => `xch-${String(i).padStart(2, '0')}`);
  const ends = chained.filter(inPartition(1)).slice(0, 3);
  const others = chained.filter(inPartition(0));
  for (const [i, end] of ends.entries()) {
    const [middle, first] = others.slice(i * 2, i * 2 + 2).filter((id) => SPLITS.every(({ partitions }) => partitionOf(`company:${id}`, partitions) !== partitionOf(`company:${end}`, partitions)));
    if (!middle || !first) continue;
    for (const companyId of [end, middle, first]) {
      await store.appendToStream(`company-${companyId}`, [
        newEvent('CompanyCreated', { companyId, name: `Company ${companyId}`, domain: null, industry: null, employees: null, country: null, properties: {} }, day(9)),
      ]);
    }
    await store.appendToStream(`company-${middle}`, [newEvent('CompanyMerged', { companyId: middle, mergedInto: end, domain: null }, day(9))]);
    const note = `xchn-${i}`;
    await store.appendToStream(`engagement-${note}`, [
      newEvent('EngagementLogged', engagementLoggedData(note, { kind: 'note', subject: 'Call notes', companyIds: [first] }), day(9)),
    ]);
    for (let n = 0; n < 8; n++) await store.appendToStream(`engagement-${note}`, [updated(note, 10)]);
    await store.appendToStream(`company-${first}`, [newEvent('CompanyMerged', { companyId: first, mergedInto: middle, domain: null }, day(11))]);
    for (let n = 0; n < 4; n++) await store.appendToStream(`engagement-${note}`, [updated(note, 12)]);
  }
};

// Random histories: a few records of each type, so that events meet them in every order.
const contact = fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5');
const company = fc.constantFrom('co1', 'co2', 'co3');
const deal = fc.constantFrom('d1', 'd2', 'd3');
const ticket = fc.constantFrom('t1', 't2');
const engagement = fc.constantFrom('e1', 'e2', 'e3');
const record = fc.oneof(
  contact.map((id) => ['contact', id] as const),
  company.map((id) => ['company', id] as const),
  deal.map((id) => ['deal', id] as const),
  ticket.map((id) => ['ticket', id] as const),
);
const ids = <T>(arbitrary: fc.Arbitrary<T>) => fc.uniqueArray(arbitrary, { maxLength: 2 });

type Step = readonly (readonly [stream: string, type: string, data: unknown])[];
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(contact, fc.option(company, { nil: null })).map(([c, co]): Step => [[`contact-${c}`, 'ContactCreated', { contactId: c, email: `${c}@example.com`, firstName: null, lastName: null, phone: null, jobTitle: null, country: null, companyId: co, ownerId: null, properties: {}, source: 'form', marketingStatus: 'marketing', lifecycleStage: 'lead' }]]) },
  { weight: 2, arbitrary: fc.tuple(deal, ids(contact), fc.option(company, { nil: null }), ids(company)).map(([d, contactIds, companyId, companyIds]): Step => [[`deal-${d}`, 'DealCreated', dealCreatedData(d, { contactIds, companyId, companyIds })]]) },
  { weight: 1, arbitrary: fc.tuple(ticket, ids(contact), ids(company), ids(deal)).map(([t, contactIds, companyIds, dealIds]): Step => [[`ticket-${t}`, 'TicketCreated', { ticketId: t, subject: 'Printer', pipelineId: 'support', stageId: 'new', priority: 'medium', ownerId: null, contactIds, companyIds, dealIds, properties: {} }]]) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('RecordsAssociated', 'RecordsDissociated'), record, record, fc.constantFrom(null, 'partner'))
      .filter(([, a, b]) => a[0] !== b[0])
      // In canonical order, as the association decider writes them: from's type before to's.
      .map(([type, x, y, label]): Step => {
        const [a, b] = OBJECT_TYPES.indexOf(x[0]) < OBJECT_TYPES.indexOf(y[0]) ? [x, y] : [y, x];
        return [[`association-${a.join('-')}-${b.join('-')}`, type, { from: { type: a[0], id: a[1] }, to: { type: b[0], id: b[1] }, label }]];
      }),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('DealContactAssociated', 'DealContactDissociated'), deal, contact).map(([type, d, c]): Step => [[`deal-${d}`, type, { dealId: d, contactId: c }]]) },
  { weight: 1, arbitrary: fc.tuple(contact, company, fc.option(company, { nil: null })).map(([c, co, previous]): Step => [[`contact-${c}`, 'ContactAssociatedWithCompany', { contactId: c, companyId: co, previousCompanyId: previous }]]) },
  { weight: 4, arbitrary: fc.tuple(engagement, ids(contact), ids(company), ids(deal), ids(ticket)).map(([e, contactIds, companyIds, dealIds, ticketIds]): Step => [[`engagement-${e}`, 'EngagementLogged', engagementLoggedData(e, { kind: 'note', subject: 'Notes', contactIds, companyIds, dealIds, ticketIds })]]) },
  { weight: 3, arbitrary: engagement.map((e): Step => [[`engagement-${e}`, 'EngagementUpdated', { engagementId: e, changes: [{ field: 'subject', previous: 'Notes', value: 'More notes' }] }]]) },
  { weight: 2, arbitrary: engagement.map((e): Step => [[`engagement-${e}`, 'TaskCompleted', { engagementId: e, ownerId: 'rep', completedBy: 'rep' }]]) },
  { weight: 2, arbitrary: fc.tuple(contact, contact).filter(([a, b]) => a !== b).map(([dup, into]): Step => [
    [`contact-${dup}`, 'ContactMerged', { contactId: dup, mergedInto: into, email: `${dup}@example.com` }],
    [`contact-${into}`, 'ContactAbsorbed', { contactId: into, mergedContactId: dup, mergedEmail: `${dup}@example.com` }],
  ]) },
  { weight: 2, arbitrary: fc.tuple(company, company).filter(([a, b]) => a !== b).map(([dup, into]): Step => [
    [`company-${dup}`, 'CompanyMerged', { companyId: dup, mergedInto: into, domain: null }],
    [`company-${into}`, 'CompanyAbsorbed', { companyId: into, mergedCompanyId: dup }],
  ]) },
  { weight: 1, arbitrary: contact.map((c): Step => [[`contact-${c}`, 'ContactErased', { contactId: c, erasedBy: 'u-admin', legalBasis: 'consent-withdrawn', reason: 'asked' }]]) },
  { weight: 2, arbitrary: contact.map((c): Step => [[`activity-${c}`, 'FormSubmitted', { contactId: c, formId: 'demo', fields: {} }]]) },
  { weight: 1, arbitrary: deal.map((d): Step => [[`deal-${d}`, 'DealRenamed', { dealId: d, previous: `Deal ${d}`, name: `Renewal ${d}` }]]) },
);
const split = fc.record({
  partitions: fc.integer({ min: 1, max: 4 }),
  batchSize: fc.integer({ min: 1, max: 25 }),
  wholeBatchSize: fc.integer({ min: 1, max: 60 }),
  lagging: fc.integer({ min: 0, max: 3 }),
});

/**
 * The projection with one partition's batches held back a little: the partitions go through the log at different
 * paces, so whatever one of them read or wrote of another's records without meeting it there shows.
 */
const lagging = (partition: number): ProjectionDefinition => ({
  ...recordTimelineProjection,
  apply: async (events, context) => {
    if (context.partition?.index === partition) await new Promise((resolve) => setTimeout(resolve, 15));
    await recordTimelineProjection.apply(events, context);
  },
});

const validator = new EventValidator(eventCatalog);

const rowsOf = async (db: TestDatabase, table: string): Promise<string[]> =>
  (await db.pool.query(`SELECT * FROM ${table}`)).rows.map((row) => JSON.stringify(row)).sort();

/**
 * Builds the record timeline in `partitions` with `batchSize`, and answers its version: the first build on a fresh
 * database (in one piece), or a dry-run rebuild beside it.
 */
const buildIn = async (
  db: TestDatabase,
  store: PostgresEventStore,
  head: Position,
  { partitions, batchSize, first, lag }: Readonly<{ partitions: number; batchSize: number; first: boolean; lag?: number }>,
): Promise<number> => {
  const builds = new ProjectionBuilds(db.pool);
  const definition = lag === undefined ? recordTimelineProjection : lagging(lag);
  const engine = new ProjectionEngine(store, db.pool, [definition], { batchSize, pollIntervalMs: 5, partitions });
  await engine.start();
  try {
    const version = first ? 1 : await engine.rebuild(NAME, (await engine.activeBuild(NAME))!.params, { dryRun: true });
    await eventually(async () => {
      const build = (await builds.list(NAME)).find((b) => b.version === version);
      expect(build?.parked ?? null).toBeNull();
      expect(build?.partitions).toBe(partitions);
      expect(build?.position && comparePositions(build.position, head) >= 0).toBe(true);
    }, 120_000, 10);
    return version;
  } finally {
    await engine.stop();
  }
};

describe('record timeline split into partitions', () => {
  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    const { db, store, close } = await openTestStore();
    try {
      await appendCrossPartitionHistory(db, store, 40);
      await appendRecordCrossings(db, store);
      const tables = await buildWholeAndSplit(db, store, lagging(1), (await store.headPosition())!);
      const timeline = tables.find((t) => t.base === 'record_timeline')!.whole;
      // What crosses partitions left rows to compare: roll-ups, copies to associated records, merges, erasures.
      expect(timeline.length).toBeGreaterThan(500);
      expect(timeline.filter((row) => row.includes('"via_type":"deal"') && row.includes('"record_type":"company"')).length).toBeGreaterThan(8);
      expect(timeline.some((row) => row.includes('"record_type":"company"') && row.includes('"via_type":"company"'))).toBe(true);
      expect(timeline.some((row) => row.includes('"record_type":"contact"') && row.includes('"via_type":"contact"'))).toBe(true);
      // A note reached the end of a chain of merges, through the first duplicate.
      expect(timeline.some((row) => row.includes('"record_id":"xch-') && row.includes('"via_id":"xch-'))).toBe(true);
      expect(tables.find((t) => t.base === 'record_timeline_events')!.whole.some((row) => row.includes('"summary":"[erased]"'))).toBe(true);
      const merges = tables.find((t) => t.base === 'record_timeline_merges')!.whole;
      expect([merges.some((row) => row.includes('"record_key":"contact:')), merges.some((row) => row.includes('"record_key":"company:'))]).toEqual([true, true]);
      expectEverySplitEqualsWhole(tables);
    } finally {
      await close();
    }
  }, 600_000);

  it('equals the build in one piece for any split into 1 to 4 partitions and any batch size, over random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), split, async (steps, { partitions, batchSize, wholeBatchSize, lagging: lag }) => {
        const { db, store, close } = await openTestStore();
        try {
          for (const [i, events] of steps.entries()) {
            const appended: NewEvent[] = [];
            for (const [, type, data] of events) {
              expect({ type, data, validated: validator.validate(type, data) }).toEqual({ type, data, validated: { valid: true } });
              appended.push(newEvent(type, data, day(i)));
            }
            // One append per step: a merge and its absorption go in one transaction, as the merge command writes them.
            await store.appendToStreams(events.map(([stream], j) => ({ streamName: stream, events: [appended[j]] })));
          }
          const head = (await store.headPosition())!;
          const whole = await buildIn(db, store, head, { partitions: 1, batchSize: wholeBatchSize, first: true });
          const parts = await buildIn(db, store, head, { partitions, batchSize, first: false, lag });
          for (const base of recordTimelineProjection.tables) {
            expect({ base, rows: await rowsOf(db, `${base}_v${parts}`) }).toEqual({ base, rows: await rowsOf(db, `${base}_v${whole}`) });
          }
        } finally {
          await close();
        }
      }),
      { numRuns: 12, interruptAfterTimeLimit: 60_000 },
    );
  }, 600_000);
});
