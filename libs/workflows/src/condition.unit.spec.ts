import { evaluateCondition, parseWorkflowDocument, recordOf, renderTemplate, triggerMatches, type TriggerEvent, type WorkflowDefinition } from './index.js';

const definitionOf = (input: unknown): WorkflowDefinition => {
  const { definition, errors } = parseWorkflowDocument(input);
  if (!definition) throw new Error(JSON.stringify(errors));
  return definition;
};
const STEPS = [{ id: 'wait', delay: { duration: 'P1D' } }];
const event = (type: string, data: Record<string, unknown>): TriggerEvent => ({
  id: 'e1',
  type,
  streamName: 'contact-activity-c1',
  position: '42',
  occurredAt: '2026-03-02T10:00:00Z',
  data,
});

describe('evaluateCondition', () => {
  const scope = {
    contact: { email: 'ada@example.com', lifecycleStage: 'lead', ownerId: null, jobTitle: 'Head of Data', properties: { industry: 'energy', seats: '12' } },
    // A deal's amount is a decimal string with its currency's digits, as the deal events carry it.
    deal: { amount: '1200.00', currency: 'EUR', closeDate: '2026-04-30', createdAt: '2026-03-01T09:00:00+01:00' },
    changes: [{ property: 'jobTitle' }, { property: 'phone' }],
  };
  const holds = (condition: Record<string, unknown>) => evaluateCondition(condition as never, scope).holds;

  it('reads a literal as equals and lists the value each path reached', () => {
    expect(evaluateCondition({ 'contact.lifecycleStage': 'lead', 'deal.amount': { gt: 1000 } }, scope)).toEqual({
      holds: true,
      values: { 'contact.lifecycleStage': 'lead', 'deal.amount': '1200.00' },
    });
    expect(evaluateCondition({ 'contact.lifecycleStage': 'customer', 'contact.country': { exists: true } }, scope)).toEqual({
      holds: false,
      values: { 'contact.lifecycleStage': 'lead', 'contact.country': null },
    });
  });

  it('reads custom properties under the record: contact.industry is contact.properties.industry', () => {
    expect(holds({ 'contact.industry': 'energy' })).toBe(true);
    expect(holds({ 'contact.properties.industry': 'energy' })).toBe(true);
  });

  it.each([
    [{ eq: 'lead' }, true],
    [{ ne: 'lead' }, false],
    [{ in: ['subscriber', 'lead'] }, true],
    [{ notIn: ['subscriber', 'lead'] }, false],
    [{ exists: true }, true],
    [{ exists: false }, false],
    [{ contains: 'LEA' }, true],
  ])('applies %j to contact.lifecycleStage "lead": %s', (operators, expected) => {
    expect(holds({ 'contact.lifecycleStage': operators })).toBe(expected);
  });

  it('compares numbers, numeric text as numbers, and dates as instants', () => {
    expect(holds({ 'deal.amount': { gte: 1200, lt: 1200.01 } })).toBe(true);
    expect(holds({ 'contact.seats': { gt: 9 } })).toBe(true);
    expect(holds({ 'contact.seats': { gt: '9' } })).toBe(true);
    expect(holds({ 'contact.seats': 12 })).toBe(true);
    expect(holds({ 'contact.seats': '012' })).toBe(false);
    expect(holds({ 'contact.email': { gt: 'ada@a', lt: 'ada@z' } })).toBe(true);
    expect(holds({ 'deal.closeDate': { gt: '2026-04-29T23:00:00Z', lt: '2026-05-01' } })).toBe(true);
    expect(holds({ 'deal.createdAt': { eq: '2026-03-01T08:00:00Z' } })).toBe(true);
    expect(holds({ 'deal.amount': { gt: 'big' } })).toBe(false);
  });

  it('compares amounts as exact decimals, never through floats', () => {
    expect(holds({ 'deal.amount': 1200 })).toBe(true);
    expect(holds({ 'deal.amount': { in: [1199.99, 1200] } })).toBe(true);
    expect(holds({ 'deal.amount': { gte: 1200, lte: '1200' } })).toBe(true);
    expect(holds({ 'deal.amount': { gt: 1199.99, lt: 1200.01 } })).toBe(true);
    const amount = (value: string, condition: Record<string, unknown>) => evaluateCondition({ 'deal.amount': condition } as never, { deal: { amount: value } }).holds;
    // amount >= 10000: the boundary itself holds, a hundredth below does not.
    expect(amount('10000.00', { gte: 10000 })).toBe(true);
    expect(amount('9999.99', { gte: 10000 })).toBe(false);
    // 0.1 + 0.2 is 0.30000000000000004 as floats; amounts sum exactly, and "0.30" equals 0.3.
    expect(amount('0.30', { eq: 0.3 })).toBe(true);
    expect(amount('999999999999.999', { gt: '999999999999.998' })).toBe(true);
    // Past float precision: both are the same float, yet the text is more than 0.3.
    expect(amount('0.30000000000000001', { gt: 0.3 })).toBe(true);
    expect(amount('150000', { lt: 150000.5 })).toBe(true);
    expect(amount('1.250', { eq: 1.25 })).toBe(true);
  });

  it('treats a missing or null field as null', () => {
    expect(holds({ 'contact.ownerId': null })).toBe(true);
    expect(holds({ 'contact.ownerId': { exists: false } })).toBe(true);
    expect(holds({ 'contact.phone': { ne: 'x' } })).toBe(true);
    expect(holds({ 'contact.phone': { lt: 5 } })).toBe(false);
  });

  it('holds on a list when any element does: changes.property', () => {
    expect(evaluateCondition({ 'changes.property': 'jobTitle' }, scope)).toEqual({ holds: true, values: { 'changes.property': ['jobTitle', 'phone'] } });
    expect(holds({ 'changes.property': 'email' })).toBe(false);
    expect(holds({ 'changes.property': { exists: true } })).toBe(true);
  });
});

describe('triggerMatches', () => {
  const demo = definitionOf({
    name: 'Demo',
    trigger: { event: 'FormSubmitted', where: { formId: 'demo' }, state: { 'contact.lifecycleStage': { in: ['subscriber', 'lead'] } } },
    steps: STEPS,
  });

  it('matches the event type, its data and the record state, with the values that decided it', () => {
    expect(triggerMatches(demo, event('FormSubmitted', { contactId: 'c1', formId: 'demo' }), { contact: { lifecycleStage: 'lead' } })).toEqual({
      matched: true,
      values: { formId: 'demo', 'contact.lifecycleStage': 'lead' },
    });
  });

  it('does not match another form, another event type or a record in another state', () => {
    expect(triggerMatches(demo, event('FormSubmitted', { contactId: 'c1', formId: 'trial' }), { contact: { lifecycleStage: 'lead' } })).toEqual({
      matched: false,
      values: { formId: 'trial' },
    });
    expect(triggerMatches(demo, event('PageViewed', { contactId: 'c1', formId: 'demo' }), {}).matched).toBe(false);
    expect(triggerMatches(demo, event('FormSubmitted', { contactId: 'c1', formId: 'demo' }), { contact: { lifecycleStage: 'customer' } }).matched).toBe(false);
  });

  it('matches a qualification trigger on the virtual LeadScoreQualificationChanged', () => {
    const mql = definitionOf({ name: 'MQL', trigger: { becomes: 'mql' }, steps: STEPS });
    const changed = (qualification: string) =>
      event('LeadScoreQualificationChanged', { contactId: 'c1', previous: null, qualification, formulaId: 'f1', total: 45 });
    expect(triggerMatches(mql, changed('mql'), {})).toEqual({ matched: true, values: { qualification: 'mql', previous: null, total: 45, formulaId: 'f1' } });
    expect(triggerMatches(mql, changed('sql'), {}).matched).toBe(false);
  });

  it('never matches an event with a schedule trigger', () => {
    const closing = definitionOf({ name: 'Closing', trigger: { recordType: 'deal', dateProperty: 'closeDate', offsetDays: -7 }, steps: STEPS });
    expect(triggerMatches(closing, event('DealCreated', { dealId: 'd1' }), {}).matched).toBe(false);
  });
});

describe('recordOf', () => {
  it.each([
    ['FormSubmitted', { contactId: 'c1', formId: 'demo' }, { recordType: 'contact', recordId: 'c1' }],
    ['DealStageChanged', { dealId: 'd1', stageId: 'closedwon' }, { recordType: 'deal', recordId: 'd1' }],
    ['TicketCreated', { ticketId: 't1' }, { recordType: 'ticket', recordId: 't1' }],
    ['CompanyCreated', { companyId: 'co1' }, { recordType: 'company', recordId: 'co1' }],
    ['LeadScoreQualificationChanged', { contactId: 'c1', qualification: 'mql' }, { recordType: 'contact', recordId: 'c1' }],
  ])('enrols the record a %s is about', (type, data, expected) => {
    expect(recordOf(definitionOf({ name: 'W', trigger: { event: type }, steps: STEPS }), event(type, data))).toEqual(expected);
  });

  it('enrols the declared record of an event about two records, and nothing when the event names none', () => {
    const contacts = definitionOf({ name: 'W', recordType: 'contact', trigger: { event: 'DealContactAssociated' }, steps: STEPS });
    expect(recordOf(contacts, event('DealContactAssociated', { dealId: 'd1', contactId: 'c1' }))).toEqual({ recordType: 'contact', recordId: 'c1' });
    expect(recordOf(contacts, event('DealContactAssociated', { dealId: 'd1' }))).toBeNull();
  });
});

describe('renderTemplate', () => {
  it('fills fields from the state and reports each missing one once', () => {
    expect(renderTemplate('Call {{contact.email}} for {{ owner.name }}: {{deal.amount}} {{deal.currency}} {{owner.name}}', {
      contact: { email: 'ada@example.com' },
      deal: { amount: '1200.50', currency: '' },
    })).toEqual({ text: 'Call ada@example.com for : 1200.50  ', missing: ['owner.name', 'deal.currency'] });
  });

  it('leaves text without fields as it is', () => {
    expect(renderTemplate('No fields here', {})).toEqual({ text: 'No fields here', missing: [] });
  });
});
