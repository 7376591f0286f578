import type { RecordedEvent } from '#event-store';
import { dealCreatedData, recordedLog } from '#test/support/events';
import { associationRecordsOf, projectTimeline, type TimelineChanges } from './contact-timeline.projection.js';

const log = () => {
  const record = recordedLog();
  return (type: string, data: Record<string, unknown>, streamName: string, occurredAt = '2026-02-01T09:00:00Z'): RecordedEvent =>
    record(type, data, occurredAt, streamName);
};

const rowsOf = (changes: TimelineChanges) => changes.rows.map((row) => [row.contactId, row.eventId, row.summary]);

const deal = (dealId: string, contactIds: string[]) =>
  dealCreatedData(dealId, { name: 'Acme renewal', stageId: 'qualified', amount: '150000', currency: 'JPY', closeDate: '2026-06-30', contactIds });

describe('contact-timeline projection', () => {
  it('writes one row per contact event with a summary built from the data', () => {
    const at = log();
    const changes = projectTimeline(new Map(), [
      at('PageViewed', { contactId: 'ann', url: '/pricing', title: 'Pricing', referrer: null }, 'activity-ann', '2026-02-01T10:00:00.5+01:00'),
      at('FormSubmitted', { contactId: 'ann', formId: 'demo', fields: {} }, 'activity-ann'),
      at('MarketingEmailClicked', { contactId: 'ann', emailId: 'nl-7', url: null }, 'activity-ann'),
      at(
        'ContactPropertiesChanged',
        { contactId: 'ann', changes: [{ property: 'jobTitle', previous: null, value: 'CTO' }, { property: 'employees', previous: 40, value: 55 }] },
        'contact-ann',
      ),
      at('ContactLifecycleStageChanged', { contactId: 'ann', previous: 'lead', stage: 'customer' }, 'contact-ann'),
      at('ContactMarketingStatusChanged', { contactId: 'ann', previous: 'marketing', status: 'non-marketing', reason: 'unsubscribed' }, 'contact-ann'),
      at('DealAmountChanged', { dealId: 'x', previous: { amount: '1.00', currency: 'EUR' }, amount: '2.00', currency: 'EUR' }, 'deal-x'),
    ]);
    expect(changes.rows[0]).toEqual({
      contactId: 'ann',
      eventId: 'event-1',
      eventType: 'PageViewed',
      position: '1',
      occurredAt: '2026-02-01T09:00:00.500Z',
      summary: 'Viewed "Pricing" (/pricing)',
      data: { contactId: 'ann', url: '/pricing', title: 'Pricing', referrer: null },
    });
    expect(rowsOf(changes)).toEqual([
      ['ann', 'event-1', 'Viewed "Pricing" (/pricing)'],
      ['ann', 'event-2', 'Submitted form demo'],
      ['ann', 'event-3', 'Clicked a link in marketing email nl-7'],
      ['ann', 'event-4', 'Changed jobTitle from (empty) to "CTO"; employees from 40 to 55'],
      ['ann', 'event-5', 'Lifecycle stage changed from lead to customer'],
      ['ann', 'event-6', 'Marketing status changed from marketing to non-marketing: unsubscribed'],
    ]);
  });

  it('fans deal events out to the contacts associated at that moment', () => {
    const at = log();
    const events = [
      at('DealCreated', deal('d1', ['ann', 'bob']), 'deal-d1'),
      at('DealContactAssociated', { dealId: 'd1', contactId: 'cat' }, 'deal-d1'),
      at('DealStageChanged', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'qualified', toStageId: 'proposal' }, 'deal-d1'),
      at('DealContactDissociated', { dealId: 'd1', contactId: 'bob' }, 'deal-d1'),
      at('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '150000', currency: 'JPY', ownerId: null }, 'deal-d1'),
    ];
    expect(associationRecordsOf(events)).toEqual(['deal-d1']);
    const changes = projectTimeline(new Map(), events);
    expect(rowsOf(changes)).toEqual([
      // Amounts exactly as the events carry them, in their currency's digits (JPY has none).
      ['ann', 'event-1', 'Deal "Acme renewal" created in stage qualified (150000 JPY)'],
      ['bob', 'event-1', 'Deal "Acme renewal" created in stage qualified (150000 JPY)'],
      ['cat', 'event-2', 'Associated with deal d1'],
      ['ann', 'event-3', 'Deal d1 moved from stage qualified to proposal'],
      ['bob', 'event-3', 'Deal d1 moved from stage qualified to proposal'],
      ['cat', 'event-3', 'Deal d1 moved from stage qualified to proposal'],
      ['bob', 'event-4', 'Dissociated from deal d1'],
      ['ann', 'event-5', 'Deal d1 won (150000 JPY)'],
      ['cat', 'event-5', 'Deal d1 won (150000 JPY)'],
    ]);
    expect(changes.associated).toEqual([
      { record: 'deal-d1', contactId: 'ann' },
      { record: 'deal-d1', contactId: 'cat' },
    ]);
    expect(changes.dissociated).toEqual([]);
  });

  it('fans out from associations stored by earlier batches and reports the ones that end', () => {
    const at = log();
    const loaded = new Map([['deal-d2', new Set(['ann', 'bob'])]]);
    const changes = projectTimeline(loaded, [
      at('DealContactDissociated', { dealId: 'd2', contactId: 'ann' }, 'deal-d2'),
      at('DealLost', { dealId: 'd2', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }, 'deal-d2'),
    ]);
    expect(rowsOf(changes)).toEqual([
      ['ann', 'event-1', 'Dissociated from deal d2'],
      ['bob', 'event-2', 'Deal d2 lost: budget'],
    ]);
    expect(changes.associated).toEqual([]);
    expect(changes.dissociated).toEqual([{ record: 'deal-d2', contactId: 'ann' }]);
  });

  it('follows tickets and engagements from the contacts they were opened for', () => {
    const at = log();
    const ticket = (ticketId: string, contactId: string | null) => ({
      ticketId,
      subject: 'Cannot log in',
      pipelineId: 'support',
      stageId: 'new',
      priority: 'high',
      ownerId: null,
      contactIds: contactId === null ? [] : [contactId],
      companyIds: [],
      dealIds: [],
      properties: {},
    });
    const engagement = {
      engagementId: 'e1',
      kind: 'task',
      ownerId: 'rep',
      subject: 'Send contract',
      body: null,
      durationMinutes: null,
      outcome: null,
      dueAt: null,
      contactIds: ['ann', 'bob'],
      companyIds: [],
      dealIds: [],
      ticketIds: [],
    };
    const changes = projectTimeline(new Map(), [
      at('TicketCreated', ticket('t1', 'ann'), 'ticket-t1'),
      at('TicketCreated', ticket('t2', null), 'ticket-t2'),
      at('TicketClosed', { ticketId: 't1', pipelineId: 'support', stageId: 'closed', ownerId: null }, 'ticket-t1'),
      at('TicketClosed', { ticketId: 't2', pipelineId: 'support', stageId: 'closed', ownerId: null }, 'ticket-t2'),
      at('EngagementLogged', engagement, 'engagement-e1'),
      at('TaskCompleted', { engagementId: 'e1', ownerId: 'rep', completedBy: 'rep' }, 'engagement-e1'),
    ]);
    expect(rowsOf(changes)).toEqual([
      ['ann', 'event-1', 'Ticket "Cannot log in" opened (high priority)'],
      ['ann', 'event-3', 'Ticket t1 closed'],
      ['ann', 'event-5', 'Logged a task: Send contract'],
      ['bob', 'event-5', 'Logged a task: Send contract'],
      ['ann', 'event-6', 'Task e1 completed by rep'],
      ['bob', 'event-6', 'Task e1 completed by rep'],
    ]);
  });

  it('shows a merge on both contacts and asks for the duplicate\'s history up to the merge', () => {
    const at = log();
    const changes = projectTimeline(new Map(), [
      at('ContactMerged', { contactId: 'dup', mergedInto: 'main', email: 'dup@example.com' }, 'contact-dup'),
      at('ContactAbsorbed', { contactId: 'main', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, 'contact-main'),
    ]);
    expect(rowsOf(changes)).toEqual([
      ['dup', 'event-1', 'Merged into contact main'],
      ['main', 'event-2', 'Absorbed duplicate contact dup (dup@example.com)'],
    ]);
    expect(changes.absorptions).toEqual([{ contactId: 'main', mergedContactId: 'dup', position: '2' }]);
  });

  it('shows a playbook run on every contact of its engagement, with its answers', () => {
    const at = log();
    const run = { engagementId: 'e1', runId: 'r1', playbookId: 'p1', playbookVersion: 1, playbookName: 'Discovery', team: 'sales', contactId: 'ann', answers: [{ questionId: 'budget', question: 'Budget?', type: 'number', value: 5000, mapsTo: 'budget' }] };
    const events = [at('PlaybookRunRecorded', run, 'engagement-e1')];
    expect(associationRecordsOf(events)).toEqual(['engagement-e1']);
    const changes = projectTimeline(new Map([['engagement-e1', new Set(['ann', 'bob'])]]), events);
    expect(rowsOf(changes)).toEqual([
      ['ann', 'event-1', 'Ran playbook "Discovery" (v1): budget: 5000'],
      ['bob', 'event-1', 'Ran playbook "Discovery" (v1): budget: 5000'],
    ]);
    expect(changes.rows[0].data).toEqual(run);
  });
});
