import type { RecordedEvent } from '#event-store';
import { contactCreatedData, dealCreatedData, engagementLoggedData, recordedLog } from '#test/support/events';
import {
  NOTHING_LOADED,
  engagementIdsOf,
  opStatements,
  projectRecordTimeline,
  recordKeysOf,
  type LoadedState,
  type RecordTimelineChanges,
} from './record-timeline.projection.js';

const log = () => {
  const record = recordedLog();
  return (type: string, data: Record<string, unknown>, streamName: string, actor = 'test'): RecordedEvent => {
    const event = record(type, data, '2026-02-01T09:00:00Z', streamName);
    return { ...event, metadata: { ...event.metadata, actor } };
  };
};

/** Each entry as `record <- event (via)`, in the order written. */
const entriesOf = (changes: RecordTimelineChanges): string[] =>
  changes.entries.map((row) => `${row.recordType}:${row.recordId} <- ${row.eventId}${row.viaType === '' ? '' : ` via ${row.viaType}:${row.viaId}`}${row.rollsUp ? ' *' : ''}`);

const note = (engagementId: string, ids: Partial<Record<'contactIds' | 'companyIds' | 'dealIds' | 'ticketIds', string[]>>) =>
  engagementLoggedData(engagementId, { kind: 'note', subject: 'Pricing call notes', priority: null, ...ids });

const deal = (dealId: string, contactIds: string[], companyId: string | null) =>
  dealCreatedData(dealId, { name: 'Acme renewal', stageId: 'qualified', amount: '1200.00', contactIds, companyId, companyIds: [], properties: {} });

const pairData = (from: [string, string], to: [string, string], label: string | null = null) => ({
  from: { type: from[0], id: from[1] },
  to: { type: to[0], id: to[1] },
  label,
});

/** The association state a store would hold for these pairs (both directions, label '' = none). */
const stateOf = (pairs: readonly [string, string][], rest: Partial<LoadedState> = {}): LoadedState => ({
  ...NOTHING_LOADED,
  associations: pairs.flatMap(([a, b]) => {
    const [at, ai] = a.split(':');
    const [bt, bi] = b.split(':');
    return [
      { recordKey: a, otherType: bt as 'contact', otherId: bi, label: '' },
      { recordKey: b, otherType: at as 'contact', otherId: ai, label: '' },
    ];
  }),
  ...rest,
});

describe('record-timeline projection', () => {
  it('keeps each event once with its actor, summary and the values it replaced', () => {
    const at = log();
    const changes = projectRecordTimeline(NOTHING_LOADED, [
      at('DealStageChanged', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'qualified', toStageId: 'proposal' }, 'deal-d1', 'key:rep-1'),
      at('DealAmountChanged', { dealId: 'd1', previous: { amount: '1200.00', currency: 'EUR' }, amount: '150000', currency: 'JPY' }, 'deal-d1'),
      at('ContactPropertiesChanged', { contactId: 'ann', changes: [{ property: 'jobTitle', previous: null, value: 'CTO' }, { property: 'seats', previous: 40, value: 55 }] }, 'contact-ann'),
      at('CompanyUpdated', { companyId: 'acme', changes: [{ field: 'name', previous: 'Acme', value: 'Acme Inc' }] }, 'company-acme'),
      at('TicketPropertiesChanged', { ticketId: 't1', changes: [{ property: 'sla', previous: 'gold', value: null }] }, 'ticket-t1'),
      at('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '150000', currency: 'JPY', ownerId: null }, 'deal-d1'),
      at('DealRevenueTypeChanged', { dealId: 'd1', previous: { revenueType: 'one-off', billingPeriod: null }, revenueType: 'recurring', billingPeriod: 'quarter' }, 'deal-d1'),
      at('DealAmountChanged', { dealId: 'd1', previous: { amount: '150000', currency: 'JPY' }, amount: '1.250', currency: 'BHD' }, 'deal-d1'),
    ]);
    expect(changes.events[0]).toEqual({
      eventId: 'event-1',
      eventType: 'DealStageChanged',
      position: '1',
      occurredAt: '2026-02-01T09:00:00.000Z',
      actor: 'key:rep-1',
      summary: 'Deal d1 moved from stage qualified to proposal',
      previous: { stageId: 'qualified' },
      data: { dealId: 'd1', pipelineId: 'sales', fromStageId: 'qualified', toStageId: 'proposal' },
    });
    expect(changes.events.map((event) => [event.summary, event.previous])).toEqual([
      ['Deal d1 moved from stage qualified to proposal', { stageId: 'qualified' }],
      // Amounts exactly as the events carry them, each in its currency's digits.
      ['Deal d1 amount changed from 1200.00 EUR to 150000 JPY', { amount: '1200.00', currency: 'EUR' }],
      ['Contact ann changed: jobTitle from (empty) to "CTO"; seats from 40 to 55', { jobTitle: null, seats: 40 }],
      ['Company acme changed: name from "Acme" to "Acme Inc"', { name: 'Acme' }],
      ['Ticket t1 changed: sla from "gold" to (empty)', { sla: 'gold' }],
      ['Deal d1 won (150000 JPY)', null],
      ['Deal d1 revenue type changed from one-off to recurring, billed per quarter', { revenueType: 'one-off', billingPeriod: null }],
      ['Deal d1 amount changed from 150000 JPY to 1.250 BHD', { amount: '150000', currency: 'JPY' }],
    ]);
    expect(entriesOf(changes)).toEqual([
      'deal:d1 <- event-1',
      'deal:d1 <- event-2',
      'contact:ann <- event-3',
      'company:acme <- event-4',
      'ticket:t1 <- event-5',
      'deal:d1 <- event-6',
      'deal:d1 <- event-7',
      'deal:d1 <- event-8',
    ]);
    expect(changes.ops).toEqual([]);
  });

  it("shows an association change on both records, and rolls a deal's note up to its contacts and companies", () => {
    const at = log();
    const events = [
      at('DealCreated', deal('d1', ['ann', 'bob'], 'acme'), 'deal-d1'),
      at('EngagementLogged', note('n1', { dealIds: ['d1'] }), 'engagement-n1'),
      at('EngagementUpdated', { engagementId: 'n1', changes: [{ field: 'subject', previous: 'Pricing call notes', value: 'Pricing call' }] }, 'engagement-n1'),
    ];
    expect(recordKeysOf(events, [])).toEqual(['contact:ann', 'deal:d1', 'contact:bob', 'company:acme']);
    const changes = projectRecordTimeline(NOTHING_LOADED, events);
    expect(entriesOf(changes)).toEqual([
      'deal:d1 <- event-1',
      'contact:ann <- event-1',
      'contact:bob <- event-1',
      'company:acme <- event-1',
      'deal:d1 <- event-2 *',
      'company:acme <- event-2 via deal:d1',
      'contact:ann <- event-2 via deal:d1',
      'contact:bob <- event-2 via deal:d1',
      'deal:d1 <- event-3 *',
      'company:acme <- event-3 via deal:d1',
      'contact:ann <- event-3 via deal:d1',
      'contact:bob <- event-3 via deal:d1',
    ]);
    expect(changes.events[2]).toMatchObject({ summary: 'Engagement n1 updated: subject', previous: { subject: 'Pricing call notes' } });
    expect(changes.anchors).toEqual([{ engagementId: 'n1', recordType: 'deal', recordId: 'd1' }]);
    expect(changes.associated).toHaveLength(6);
    // New associations copy what each side already rolls up: nothing stored yet, but the store is asked.
    expect(changes.ops.filter((op) => op.kind === 'copy')).toHaveLength(6);
  });

  it('follows a later task event to the records its engagement was logged on, as associated now', () => {
    const at = log();
    const events = [at('TaskRescheduled', { engagementId: 'e1', previous: null, dueAt: '2026-02-03T09:00:00Z' }, 'engagement-e1')];
    expect(engagementIdsOf(events)).toEqual(['e1']);
    const anchors = [{ engagementId: 'e1', recordType: 'contact' as const, recordId: 'ann' }];
    expect(recordKeysOf(events, anchors)).toEqual(['contact:ann']);
    const changes = projectRecordTimeline(stateOf([['contact:ann', 'company:acme']], { anchors }), events);
    expect(entriesOf(changes)).toEqual(['contact:ann <- event-1 *', 'company:acme <- event-1 via contact:ann']);
    expect(changes.events[0]).toMatchObject({ summary: 'Task e1 rescheduled from no due date to 2026-02-03T09:00:00Z', previous: { dueAt: null } });
  });

  it("moves a note onto a company's timeline when the company is associated later, and takes it away again", () => {
    const at = log();
    const anchors = [{ engagementId: 'n1', recordType: 'deal' as const, recordId: 'd1' }];
    const changes = projectRecordTimeline(stateOf([['contact:ann', 'deal:d1']], { anchors }), [
      at('RecordsAssociated', pairData(['company', 'acme'], ['deal', 'd1']), 'association-company-deal-x'),
      at('TaskCompleted', { engagementId: 'n1', ownerId: 'rep', completedBy: 'rep' }, 'engagement-n1'),
      at('RecordsDissociated', pairData(['company', 'acme'], ['deal', 'd1']), 'association-company-deal-x'),
      at('TaskReopened', { engagementId: 'n1', ownerId: 'rep' }, 'engagement-n1'),
    ]);
    expect(entriesOf(changes)).toEqual([
      'company:acme <- event-1',
      'deal:d1 <- event-1',
      'deal:d1 <- event-2 *',
      'company:acme <- event-2 via deal:d1',
      'contact:ann <- event-2 via deal:d1',
      'company:acme <- event-3',
      'deal:d1 <- event-3',
      'deal:d1 <- event-4 *',
      'contact:ann <- event-4 via deal:d1',
    ]);
    const company = { type: 'company', id: 'acme' };
    const d1 = { type: 'deal', id: 'd1' };
    expect(changes.ops).toEqual([
      { kind: 'copy', from: company, to: d1, through: '1' },
      { kind: 'copy', from: d1, to: company, through: '1' },
      { kind: 'drop', record: d1, via: company, through: '3' },
      { kind: 'drop', record: company, via: d1, through: '3' },
    ]);
    // Added and removed in one batch: the stored state does not change.
    expect([changes.associated, changes.dissociated]).toEqual([[], []]);
    expect(changes.events[0].summary).toBe('Associated company acme and deal d1');
  });

  it('keeps a pair associated while another label holds it', () => {
    const at = log();
    const loaded = stateOf([['company:acme', 'deal:d1']]);
    const changes = projectRecordTimeline(loaded, [
      at('RecordsAssociated', pairData(['company', 'acme'], ['deal', 'd1'], 'partner'), 'association-x'),
      at('RecordsDissociated', pairData(['company', 'acme'], ['deal', 'd1']), 'association-x'),
    ]);
    expect(changes.ops).toEqual([]);
    expect(changes.associated.map((row) => [row.recordKey, row.label])).toEqual([['company:acme', 'partner'], ['deal:d1', 'partner']]);
    expect(changes.dissociated.map((row) => [row.recordKey, row.label])).toEqual([['company:acme', ''], ['deal:d1', '']]);
  });

  it("gives the survivor of a merge the duplicate's entries and associations, and its engagements' later events", () => {
    const at = log();
    const anchors = [{ engagementId: 'e1', recordType: 'contact' as const, recordId: 'dup' }];
    const loaded = stateOf([['contact:dup', 'deal:d1'], ['contact:main', 'company:acme']], { anchors });
    const events = [
      at('ContactMerged', { contactId: 'dup', mergedInto: 'main', email: 'dup@example.com' }, 'contact-dup'),
      at('ContactAbsorbed', { contactId: 'main', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, 'contact-main'),
      at('TaskCompleted', { engagementId: 'e1', ownerId: 'rep', completedBy: 'rep' }, 'engagement-e1'),
    ];
    expect(recordKeysOf(events, anchors)).toEqual(['contact:dup', 'contact:main']);
    const changes = projectRecordTimeline(loaded, events);
    const [dup, main, d1] = [{ type: 'contact', id: 'dup' }, { type: 'contact', id: 'main' }, { type: 'deal', id: 'd1' }];
    expect(changes.ops).toEqual([
      { kind: 'merge', from: dup, into: main, through: '1' },
      { kind: 'drop', record: d1, via: dup, through: '1' },
      { kind: 'copy', from: main, to: d1, through: '1' },
      { kind: 'copy', from: d1, to: main, through: '1' },
    ]);
    expect(changes.merges).toEqual([{ recordKey: 'contact:dup', intoId: 'main' }]);
    expect(entriesOf(changes)).toEqual([
      'contact:dup <- event-1',
      'contact:main <- event-2',
      'contact:dup <- event-3 *',
      'contact:main <- event-3 via contact:dup *',
      'company:acme <- event-3 via contact:main',
      'deal:d1 <- event-3 via contact:main',
    ]);
    expect(changes.dissociated.map((row) => row.recordKey)).toEqual(['contact:dup', 'deal:d1']);
    expect(changes.associated.map((row) => row.recordKey)).toEqual(['contact:main', 'deal:d1']);
  });

  it('lets the first merge of a record stand, whichever batch saw it, and ignores a merge into itself', () => {
    const at = log();
    const merged = (contactId: string, mergedInto: string) => at('ContactMerged', { contactId, mergedInto, email: 'm@example.com' }, `contact-${contactId}`);
    const changes = projectRecordTimeline(stateOf([], { merges: [{ recordKey: 'contact:dup', intoId: 'main' }] }), [merged('dup', 'other'), merged('ann', 'ann')]);
    expect(changes.ops).toEqual([]);
    expect(changes.merges).toEqual([]);
    expect(entriesOf(changes)).toEqual(['contact:dup <- event-1', 'contact:ann <- event-2']);
  });

  it('adds the records of an engagement logged again to the ones it had', () => {
    const at = log();
    const anchors = [{ engagementId: 'n1', recordType: 'deal' as const, recordId: 'd1' }];
    const changes = projectRecordTimeline(stateOf([], { anchors }), [at('EngagementLogged', note('n1', { dealIds: ['d1'], contactIds: ['ann'] }), 'engagement-n1')]);
    expect(changes.anchors).toEqual([{ engagementId: 'n1', recordType: 'contact', recordId: 'ann' }]);
    expect(entriesOf(changes)).toEqual(['deal:d1 <- event-1 *', 'contact:ann <- event-1 *']);
  });

  it('runs operations as few statements as keep their order', () => {
    const ref = (id: string) => ({ type: 'contact' as const, id });
    const company = { type: 'company' as const, id: 'acme' };
    const statements = opStatements([
      { kind: 'copy', from: ref('a'), to: company, through: '1' },
      { kind: 'copy', from: ref('b'), to: company, through: '2' },
      { kind: 'drop', record: company, via: ref('c'), through: '3' },
      { kind: 'drop', record: company, via: ref('a'), through: '4' },
      { kind: 'merge', from: ref('b'), into: ref('a'), through: '5' },
      { kind: 'copy', from: ref('a'), to: company, through: '6' },
    ]);
    expect(statements.map((s) => (s.kind === 'merge' ? 'merge' : `${s.drops.length} drops, ${s.copies.length} copies`))).toEqual([
      '1 drops, 2 copies',
      '1 drops, 0 copies',
      'merge',
      '0 drops, 1 copies',
    ]);
  });

  it("shows a workflow enrolment on the enrolled record's timeline, saying which workflow and why", () => {
    const at = log();
    const trigger = { eventId: 'e-42', eventType: 'FormSubmitted', streamName: 'activity-ann', position: '41', occurredAt: '2026-02-01T08:59:00.000Z', values: { formId: 'demo' } };
    const enrolled = { runId: 'r-1', workflowId: 'w-1', version: 2, definitionHash: 'a'.repeat(64), workflowName: 'Demo request handoff', recordType: 'contact', recordId: 'ann', trigger };
    const changes = projectRecordTimeline(NOTHING_LOADED, [
      at('WorkflowEnrolled', enrolled, 'workflowrun-1', 'workflow:w-1@2'),
      at('WorkflowEnrolled', { ...enrolled, runId: 'r-2', recordType: 'deal', recordId: 'd1', workflowName: 'Won deals', trigger: { ...trigger, eventType: 'DealWon', values: {} } }, 'workflowrun-2'),
    ]);
    expect(entriesOf(changes)).toEqual(['contact:ann <- event-1', 'deal:d1 <- event-2']);
    expect(changes.events.map((row) => [row.actor, row.summary, row.previous])).toEqual([
      ['workflow:w-1@2', 'Enrolled in "Demo request handoff" because FormSubmitted with formId "demo" (event e-42)', null],
      ['test', 'Enrolled in "Won deals" because DealWon (event e-42)', null],
    ]);
  });

  it('reads a contact created at a company as an association: the company shows it', () => {
    const at = log();
    const changes = projectRecordTimeline(NOTHING_LOADED, [at('ContactCreated', contactCreatedData('ann', { companyId: 'acme' }), 'contact-ann')]);
    expect(entriesOf(changes)).toEqual(['contact:ann <- event-1', 'company:acme <- event-1']);
    expect(changes.associated.map((row) => [row.recordKey, row.otherId, row.label])).toEqual([
      ['company:acme', 'ann', 'primary'],
      ['contact:ann', 'acme', 'primary'],
    ]);
  });

  it('shows a playbook run on the records its engagement was logged on and rolls it up, with its answers', () => {
    const at = log();
    const run = { engagementId: 'e1', runId: 'r1', playbookId: 'p1', playbookVersion: 1, playbookName: 'Discovery', team: 'sales', contactId: 'ann', answers: [{ questionId: 'budget', question: 'Budget?', type: 'number', value: 5000, mapsTo: 'budget' }] };
    const events = [at('PlaybookRunRecorded', run, 'engagement-e1')];
    expect(engagementIdsOf(events)).toEqual(['e1']);
    const anchors = [{ engagementId: 'e1', recordType: 'contact' as const, recordId: 'ann' }];
    const changes = projectRecordTimeline(stateOf([['contact:ann', 'company:acme']], { anchors }), events);
    expect(entriesOf(changes)).toEqual(['contact:ann <- event-1 *', 'company:acme <- event-1 via contact:ann']);
    expect(changes.events[0]).toMatchObject({ summary: 'Ran playbook "Discovery" (v1): budget: 5000', previous: null, data: run });
  });
});
