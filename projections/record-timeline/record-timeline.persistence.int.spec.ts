import { associationStream, type RecordRef } from '#domain/association';
import { engagementLoggedData } from '#test/support/events';
import { openForSuite } from '#test/support/test-database';
import { contactCreated, dealCreated, inStream, openProjectionBed, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { recordTimelineProjection } from './record-timeline.persistence.js';

const at = (hour: number) => `2026-01-15T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (type: string, data: unknown, hour: number, actor = 'spec'): SpecEvent => ({ type, data, metadata: { occurredAt: at(hour), actor } });

const contact = (id: string): RecordRef => ({ type: 'contact', id });
const company = (id: string): RecordRef => ({ type: 'company', id });
const deal = (id: string): RecordRef => ({ type: 'deal', id });

const companyCreated = (companyId: string, hour: number) =>
  inStream(`company-${companyId}`, event('CompanyCreated', { companyId, name: `Company ${companyId}`, domain: null, industry: null, employees: null, country: null, properties: {} }, hour));
const dealWith = (dealId: string, hour: number, contactIds: string[], companyId: string | null) =>
  inStream(`deal-${dealId}`, dealCreated(dealId, at(hour), { pipelineId: 'sales', stageId: 'open', amount: '1000.00', currency: 'EUR', contactIds, companyId, companyIds: [], properties: {} }));
const noteOn = (engagementId: string, hour: number, ids: Partial<Record<'contactIds' | 'companyIds' | 'dealIds' | 'ticketIds', string[]>>) =>
  inStream(`engagement-${engagementId}`, event('EngagementLogged', engagementLoggedData(engagementId, { kind: 'note', ownerId: 'rep', subject: 'Notes', priority: null, ...ids }), hour, 'key:rep'));
const pairChange = (type: 'RecordsAssociated' | 'RecordsDissociated', from: RecordRef, to: RecordRef, hour: number) =>
  inStream(associationStream(from, to), event(type, { from, to, label: null }, hour));

// Who shows what, and how it got there.
const ENTRIES = `SELECT t.record_type || ':' || t.record_id AS record, e.event_type, nullif(t.via_type || ':' || t.via_id, ':') AS via
                   FROM record_timeline t JOIN record_timeline_events e USING (event_id)
                  ORDER BY t.record_type, t.record_id, t.position_commit, t.via_type, t.via_id`;
const entry = (record: string, eventType: string, via: string | null = null) => ({ record, event_type: eventType, via });

describe('record-timeline persistence', () => {
  const spec = useProjectionSpec(recordTimelineProjection);

  it("moves a deal's note onto a company associated in a later batch, and takes it away when dissociated", async () => {
    const history = [...dealWith('d1', 1, ['ann'], null), ...noteOn('n1', 2, { dealIds: ['d1'] })];
    const moved = [
      entry('company:acme', 'EngagementLogged', 'deal:d1'),
      entry('company:acme', 'RecordsAssociated'),
      entry('contact:ann', 'DealCreated'),
      entry('contact:ann', 'EngagementLogged', 'deal:d1'),
      entry('deal:d1', 'DealCreated'),
      entry('deal:d1', 'EngagementLogged'),
      entry('deal:d1', 'RecordsAssociated'),
    ];
    await spec.given(history).when(pairChange('RecordsAssociated', company('acme'), deal('d1'), 3)).then(ENTRIES, moved);
    await spec
      .given(history)
      .when(pairChange('RecordsAssociated', company('acme'), deal('d1'), 3))
      .when(pairChange('RecordsDissociated', company('acme'), deal('d1'), 4))
      .then(ENTRIES, [
        entry('company:acme', 'RecordsAssociated'),
        entry('company:acme', 'RecordsDissociated'),
        entry('contact:ann', 'DealCreated'),
        entry('contact:ann', 'EngagementLogged', 'deal:d1'),
        entry('deal:d1', 'DealCreated'),
        entry('deal:d1', 'EngagementLogged'),
        entry('deal:d1', 'RecordsAssociated'),
        entry('deal:d1', 'RecordsDissociated'),
      ]);
  });

  it("gives a merge's survivor the duplicate's entries, and its associated records the duplicate's notes via the survivor", async () => {
    await spec
      .given([
        ...inStream('contact-main', contactCreated('main', at(0))),
        ...inStream('contact-dup', contactCreated('dup', at(1))),
        ...dealWith('d1', 2, ['dup'], null),
        ...noteOn('n1', 3, { contactIds: ['dup'] }),
      ])
      .when([
        ...inStream('contact-dup', event('ContactMerged', { contactId: 'dup', mergedInto: 'main', email: 'dup@example.com' }, 4)),
        ...inStream('contact-main', event('ContactAbsorbed', { contactId: 'main', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, 4)),
      ])
      .when(inStream('engagement-n1', event('TaskCompleted', { engagementId: 'n1', ownerId: 'rep', completedBy: 'rep' }, 5)))
      .then(ENTRIES, [
        // The duplicate keeps its history up to the merge, and its own engagements' later events.
        entry('contact:dup', 'ContactCreated'),
        entry('contact:dup', 'DealCreated'),
        entry('contact:dup', 'EngagementLogged'),
        entry('contact:dup', 'ContactMerged'),
        entry('contact:dup', 'TaskCompleted'),
        entry('contact:main', 'ContactCreated'),
        entry('contact:main', 'ContactCreated', 'contact:dup'),
        entry('contact:main', 'DealCreated', 'contact:dup'),
        entry('contact:main', 'EngagementLogged', 'contact:dup'),
        entry('contact:main', 'ContactMerged', 'contact:dup'),
        entry('contact:main', 'ContactAbsorbed'),
        entry('contact:main', 'TaskCompleted', 'contact:dup'),
        entry('deal:d1', 'DealCreated'),
        entry('deal:d1', 'EngagementLogged', 'contact:main'),
        entry('deal:d1', 'TaskCompleted', 'contact:main'),
      ]);
  });

  it("puts a workflow enrolment on the enrolled contact's timeline, with the trigger that enrolled it", async () => {
    const trigger = { eventId: 'e-1', eventType: 'FormSubmitted', streamName: 'activity-ann', position: '1', occurredAt: at(1), values: { formId: 'demo' } };
    const enrolled = {
      runId: 'r-1', workflowId: 'w-1', version: 1, definitionHash: 'a'.repeat(64), workflowName: 'Demo request handoff', recordType: 'contact', recordId: 'ann', trigger,
    };
    await spec
      .given(inStream('contact-ann', contactCreated('ann', at(1))))
      .when(inStream('workflowrun-1', event('WorkflowEnrolled', enrolled, 2, 'workflow:w-1@1')))
      .then(
        `SELECT t.record_type, t.record_id, e.event_type, e.actor, e.summary FROM record_timeline t JOIN record_timeline_events e USING (event_id)
          WHERE e.event_type = 'WorkflowEnrolled'`,
        [
          {
            record_type: 'contact', record_id: 'ann', event_type: 'WorkflowEnrolled', actor: 'workflow:w-1@1',
            summary: 'Enrolled in "Demo request handoff" because FormSubmitted with formId "demo" (event e-1)',
          },
        ],
      );
  });

  it('stores each event once with its actor, summary and previous values, also when a batch is applied twice', async () => {
    await spec
      .given(dealWith('d1', 1, [], null))
      .when(
        inStream(
          'deal-d1',
          event('DealStageChanged', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'open', toStageId: 'won' }, 2, 'key:ada'),
          event('DealAmountChanged', { dealId: 'd1', previous: { amount: '1000.00', currency: 'EUR' }, amount: '150000', currency: 'JPY' }, 3),
        ),
        { times: 2 },
      )
      .then(`SELECT event_type, occurred_at, actor, summary, previous FROM record_timeline_events ORDER BY position`, [
        { event_type: 'DealCreated', occurred_at: new Date(at(1)), actor: 'spec', summary: 'Deal "Deal d1" created in stage open (1000.00 EUR)', previous: null },
        { event_type: 'DealStageChanged', occurred_at: new Date(at(2)), actor: 'key:ada', summary: 'Deal d1 moved from stage open to won', previous: { stageId: 'open' } },
        {
          event_type: 'DealAmountChanged',
          occurred_at: new Date(at(3)),
          actor: 'spec',
          summary: 'Deal d1 amount changed from 1000.00 EUR to 150000 JPY',
          previous: { amount: '1000.00', currency: 'EUR' },
        },
      ]);
  });
});

// Each table by its key.
const ORDER: Readonly<Record<string, string>> = {
  record_timeline: 'record_type, record_id, position_commit, position_prepare, via_type, via_id',
  record_timeline_events: 'event_id',
  record_timeline_associations: 'record_key, other_type, other_id, label',
  record_timeline_anchors: 'engagement_id, record_type, record_id',
  record_timeline_merges: 'record_key',
};

describe('record-timeline rebuild', () => {
  const bed = openForSuite(openProjectionBed);

  /** The same events applied as the engine tails the log (one per batch) and as a rebuild reads it (one batch). */
  const compare = async (events: readonly StreamEvent[]) => {
    const live = (base: string) => `${base}_live`;
    const rebuilt = (base: string) => `${base}_rebuilt`;
    const recorded = await bed().append(events, recordTimelineProjection.filter);
    const { pool } = bed().db;
    await pool.query(recordTimelineProjection.createTables({ table: live }));
    await pool.query(recordTimelineProjection.createTables({ table: rebuilt }));
    for (const one of recorded) await bed().apply(recordTimelineProjection, [one], live);
    await bed().apply(recordTimelineProjection, recorded, rebuilt);
    const rowsOf = async (table: (base: string) => string) => {
      const rows: Record<string, unknown[]> = {};
      // One query at a time: PGlite serves one connection's statements in order.
      for (const base of recordTimelineProjection.tables) rows[base] = (await pool.query(`SELECT * FROM ${table(base)} ORDER BY ${ORDER[base]}`)).rows;
      return rows;
    };
    return { live: await rowsOf(live), rebuilt: await rowsOf(rebuilt) };
  };

  it('equals the live build row for row', async () => {
    const { live, rebuilt } = await compare([
      ...companyCreated('acme', 0),
      ...companyCreated('beta', 0),
      ...inStream('contact-ann', contactCreated('ann', at(1), { companyId: 'acme' })),
      ...inStream('contact-dup', contactCreated('dup', at(1))),
      ...dealWith('d1', 2, ['ann'], 'acme'),
      ...noteOn('n1', 3, { dealIds: ['d1'] }),
      ...noteOn('n2', 3, { contactIds: ['dup'], companyIds: ['beta'] }),
      ...pairChange('RecordsAssociated', contact('dup'), deal('d1'), 4),
      ...inStream('deal-d1', event('DealCompanyAssociated', { dealId: 'd1', companyId: 'beta', previousCompanyId: 'acme' }, 5)),
      ...inStream('engagement-n1', event('TaskCompleted', { engagementId: 'n1', ownerId: 'rep', completedBy: 'rep' }, 6)),
      ...pairChange('RecordsDissociated', contact('dup'), deal('d1'), 7),
      ...pairChange('RecordsAssociated', contact('dup'), deal('d1'), 8),
      ...inStream('contact-dup', event('ContactMerged', { contactId: 'dup', mergedInto: 'ann', email: 'dup@example.com' }, 9)),
      ...inStream('contact-ann', event('ContactAbsorbed', { contactId: 'ann', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, 9)),
      ...inStream('engagement-n2', event('EngagementUpdated', { engagementId: 'n2', changes: [{ field: 'subject', previous: 'Notes', value: 'Call notes' }] }, 10)),
      ...inStream('company-beta', event('CompanyMerged', { companyId: 'beta', mergedInto: 'acme', domain: null }, 11)),
      ...inStream('company-acme', event('CompanyAbsorbed', { companyId: 'acme', mergedCompanyId: 'beta' }, 11)),
      ...inStream('engagement-n2', event('TaskReopened', { engagementId: 'n2', ownerId: 'rep' }, 12)),
    ]);
    expect(live.record_timeline.length).toBeGreaterThan(40);
    expect(rebuilt).toEqual(live);
  });
});
