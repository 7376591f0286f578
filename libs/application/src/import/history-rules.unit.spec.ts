// Raw event lines are judged as the deciders would have produced them: given the stored streams, then each line
// in order, the reason it could not have happened (or null, and it is folded in).
import { randomUUID } from 'node:crypto';
import { defaultDealPipeline, pipelineDecider } from '#domain/pipeline';
import type { MarketingStatus } from '#domain/marketing-policy';
import { uniqueValueStream } from '#domain/unique-value';
import { contactCreatedData, dealCreatedData } from '#test/support/events';
import { misplaced, StreamHistories, streamsToRead, type HistoryEvent } from './history-rules.js';

const event = (type: string, data: Record<string, unknown>, id = randomUUID()): HistoryEvent => ({ id, type, data });

const defaultPipeline = pipelineDecider
  .decide({ type: 'CreatePipeline', data: defaultDealPipeline, metadata: { now: '2024-01-01T00:00:00Z' } }, null)
  .map((e) => event(e.type, e.data as Record<string, unknown>));

const dealCreated = (dealId: string, overrides: Record<string, unknown> = {}) =>
  event('DealCreated', {
    ...dealCreatedData(dealId, { name: 'Acme', pipelineId: 'default', stageId: 'appointmentscheduled', currency: 'USD', closeDate: '2024-06-30' }),
    ...overrides,
  });

const contactCreated = (contactId: string, marketingStatus: MarketingStatus = 'marketing', email = 'a@x.test') =>
  event('ContactCreated', contactCreatedData(contactId, { email, source: 'import', marketingStatus }));

/** given(stored streams).judge(lines) -> the reason of each line, in order (null: accepted); .verdicts with its claims. */
const given = (stored: Readonly<Record<string, readonly HistoryEvent[]>>) => {
  const loaded = (lines: ReadonlyArray<readonly [string, HistoryEvent]>) => {
    const histories = new StreamHistories();
    const names = new Set([...Object.keys(stored), ...lines.flatMap(([stream, e]) => streamsToRead(stream, e))]);
    for (const name of names) histories.load(name, stored[name] ?? []);
    return histories;
  };
  return {
    judge: (...lines: ReadonlyArray<readonly [string, HistoryEvent]>) => {
      const histories = loaded(lines);
      return lines.map(([stream, e]) => histories.judge(stream, e));
    },
    verdicts: (...lines: ReadonlyArray<readonly [string, HistoryEvent]>) => {
      const histories = loaded(lines);
      return lines.map(([stream, e]) => histories.verdict(stream, e));
    },
  };
};

describe('raw event lines of an import', () => {
  const dealId = randomUUID();
  const deal = `deal-${dealId}`;

  it('go only to their aggregate stream category, under the id the stream names', () => {
    expect(misplaced(deal, dealCreated(dealId))).toBeNull();
    expect(misplaced(`contact-${dealId}`, dealCreated(dealId))).toBe('DealCreated does not belong in a contact stream');
    expect(misplaced(deal, dealCreated(randomUUID()))).toMatch(/^data\.dealId ".*" is not the id in the stream name deal-/);
    expect(misplaced('unique-contact-email-a@x.test', event('UniqueValueClaimed', {}))).toMatch(/^an import may write raw events only to streams of/);
    expect(misplaced('settings-marketing-policy', event('MarketingPolicyChanged', {}))).toMatch(/not settings$/);
    expect(misplaced('scoring-formulas', event('ScoringFormulaRegistered', {}))).toMatch(/not scoring$/);
  });

  it('accept a deal history the decider could have written', () => {
    expect(
      given({ 'pipeline-default': defaultPipeline }).judge(
        [deal, dealCreated(dealId)],
        [deal, event('DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' })],
        [deal, event('DealWon', { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '1000.00', currency: 'USD', ownerId: null })],
        [deal, event('DealReopened', { dealId, pipelineId: 'default', fromStageId: 'closedwon', toStageId: 'qualifiedtobuy' })],
        [deal, event('DealAmountChanged', { dealId, previous: { amount: '1000.00', currency: 'USD' }, amount: '150000', currency: 'JPY' })],
        [
          deal,
          event('DealRevenueTypeChanged', {
            dealId,
            previous: { revenueType: 'one-off', billingPeriod: null },
            revenueType: 'recurring',
            billingPeriod: 'quarter',
          }),
        ],
      ),
    ).toEqual([null, null, null, null, null, null]);
  });

  it('refuse an amount the decider would have written otherwise, and revenue terms it could not have', () => {
    const pipelines = { 'pipeline-default': defaultPipeline };
    expect(
      given(pipelines).judge(
        [deal, dealCreated(dealId, { amount: '1000.5' })],
        [deal, dealCreated(dealId, { amount: '1.5', currency: 'JPY' })],
        [deal, dealCreated(dealId, { billingPeriod: 'month' })],
        [deal, dealCreated(dealId, { revenueType: 'recurring' })],
        [deal, dealCreated(dealId, { revenueType: 'recurring', billingPeriod: 'month', renewsDealId: dealId })],
        [deal, dealCreated(dealId, { renewsDealId: randomUUID() })],
      ),
    ).toEqual([
      'amount 1000.5 is written 1000.50 in USD',
      'amount 1.5 has more decimals than JPY has',
      'a one-off deal has no billingPeriod',
      'a recurring deal has a billingPeriod',
      `deal ${dealId} cannot renew itself`,
      'a deal that renews another is recurring',
    ]);
    const stored = { ...pipelines, [deal]: [dealCreated(dealId)] };
    const amountChange = (amount: string, currency: string) =>
      event('DealAmountChanged', { dealId, previous: { amount: '1000.00', currency: 'USD' }, amount, currency });
    const typeChange = (previous: Record<string, unknown>, revenueType: string, billingPeriod: string | null) =>
      event('DealRevenueTypeChanged', { dealId, previous, revenueType, billingPeriod });
    expect(
      given(stored).judge(
        [deal, amountChange('1.2345', 'BHD')],
        [deal, typeChange({ revenueType: 'recurring', billingPeriod: 'month' }, 'one-off', null)],
        [deal, typeChange({ revenueType: 'one-off', billingPeriod: null }, 'recurring', null)],
      ),
    ).toEqual([
      'amount 1.2345 has more decimals than BHD has',
      'previous is {"revenueType":"recurring","billingPeriod":"month"} but the stream has {"revenueType":"one-off","billingPeriod":null}',
      'a recurring deal has a billingPeriod',
    ]);
  });

  it('refuse a second DealCreated and any other event before the first', () => {
    const stageChange = event('DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'qualifiedtobuy' });
    expect(given({ 'pipeline-default': defaultPipeline }).judge([deal, stageChange])).toEqual([
      `${deal} has no DealCreated: DealStageChanged must follow it`,
    ]);
    expect(given({ 'pipeline-default': defaultPipeline, [deal]: [dealCreated(dealId)] }).judge([deal, dealCreated(dealId)])).toEqual([
      `${deal} already has its DealCreated`,
    ]);
  });

  it('refuse a DealWon into a stage the pipeline does not have, or for an amount the deal does not have', () => {
    const stored = { 'pipeline-default': defaultPipeline, [deal]: [dealCreated(dealId)] };
    const won = (data: Record<string, unknown>) =>
      event('DealWon', { dealId, pipelineId: 'default', stageId: 'appointmentscheduled', amount: '1000.00', currency: 'USD', ownerId: null, ...data });
    expect(given(stored).judge([deal, won({ stageId: 'no-such-stage', amount: '123456789.00' })])).toEqual(['pipeline default has no stage no-such-stage']);
    // In the stage the deal is in, but that stage is not a won one.
    expect(given(stored).judge([deal, won({})])).toEqual(['stage appointmentscheduled is not a won stage']);
    const inWonStage = {
      ...stored,
      [deal]: [dealCreated(dealId), event('DealStageChanged', { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' })],
    };
    expect(given(inWonStage).judge([deal, won({ stageId: 'closedwon', amount: '123456789.00' })])).toEqual([
      'amount is "123456789.00" but the stream has "1000.00"',
    ]);
  });

  it('refuse a stage change that does not start where the deal is, or leads nowhere', () => {
    const stored = { 'pipeline-default': defaultPipeline, [deal]: [dealCreated(dealId)] };
    const change = (fromStageId: string, toStageId: string) =>
      event('DealStageChanged', { dealId, pipelineId: 'default', fromStageId, toStageId });
    expect(given(stored).judge([deal, change('contractsent', 'closedwon')], [deal, change('appointmentscheduled', 'nowhere')])).toEqual([
      'fromStageId is "contractsent" but the stream has "appointmentscheduled"',
      'pipeline default has no stage nowhere',
    ]);
    expect(given({ 'pipeline-imported': [] }).judge([deal, dealCreated(dealId, { pipelineId: 'imported' })])).toEqual([
      'pipeline imported does not exist',
    ]);
  });

  it('judge a contact activity by its contact', () => {
    const contactId = randomUUID();
    const activity = `activity-${contactId}`;
    const view = event('PageViewed', { contactId, url: 'https://x.test/', title: null, referrer: null });
    const opened = event('MarketingEmailOpened', { contactId, emailId: randomUUID() });
    expect(given({}).judge([activity, view])).toEqual([`contact ${contactId} does not exist`]);
    expect(given({ [`contact-${contactId}`]: [contactCreated(contactId)] }).judge([activity, view], [activity, opened])).toEqual([null, null]);
    // Not judged by the contact's marketing status: the file may hold the contact's later history before this line.
    expect(given({ [`contact-${contactId}`]: [contactCreated(contactId, 'non-marketing')] }).judge([activity, opened])).toEqual([null]);
    // Lines earlier in the file count: the contact created two lines before its first page view.
    expect(given({}).judge([`contact-${contactId}`, contactCreated(contactId)], [activity, view])).toEqual([null, null]);
  });

  it('refuse a second OwnerCreated, and a ticket in a pipeline that does not exist', () => {
    const ownerId = randomUUID();
    const owner = event('OwnerCreated', { ownerId, name: 'Grace', email: 'g@x.test', team: null, role: 'sales' });
    const [first, second] = given({}).judge([`owner-${ownerId}`, owner], [`owner-${ownerId}`, { ...owner, id: randomUUID() }]);
    expect([first, second]).toEqual([null, `owner-${ownerId} already has its OwnerCreated`]);
    const ticketId = randomUUID();
    const ticket = event('TicketCreated', {
      ticketId, subject: 'Help', pipelineId: 'support', stageId: 'new', priority: 'low', ownerId: null, contactId: null, dealId: null,
    });
    expect(given({}).judge([`ticket-${ticketId}`, ticket])).toEqual(['pipeline support does not exist']);
  });

  describe('property definitions, judged by their decider', () => {
    const stream = 'property-definitions-contact';
    const defined = (name: string, overrides: Record<string, unknown> = {}) =>
      event('PropertyDefined', { objectType: 'contact', name, label: 'Advertiser ID', type: 'string', options: [], unique: false, ...overrides });
    const changed = (name: string, previous: unknown, value: unknown) =>
      event('PropertyDefinitionChanged', { objectType: 'contact', name, changes: [{ field: 'label', previous, value }] });
    const removed = (name: string) => event('PropertyDefinitionRemoved', { objectType: 'contact', name });

    it('go to the stream of the object type their data names', () => {
      expect(misplaced(stream, defined('advertiser_id'))).toBeNull();
      expect(misplaced('property-definitions-deal', defined('advertiser_id'))).toMatch(/^data\.objectType "contact" is not the id in the stream name/);
      expect(misplaced('property-contact', defined('advertiser_id'))).toBe('property-contact is not a stream name of the property category');
      expect(misplaced(`contact-${randomUUID()}`, defined('advertiser_id'))).toBe('PropertyDefined does not belong in a contact stream');
    });

    it('accept a definition, its change and its removal, in that order', () => {
      expect(
        given({}).judge(
          [stream, defined('advertiser_id')],
          [stream, changed('advertiser_id', 'Advertiser ID', 'Advertiser')],
          [stream, removed('advertiser_id')],
          [stream, defined('advertiser_id', { label: 'Again' })],
        ),
      ).toEqual([null, null, null, null]);
    });

    it('refuse a name defined twice, a change from a label the stream does not hold, and a change or removal of what is not defined', () => {
      expect(given({ [stream]: [defined('advertiser_id')] }).judge([stream, defined('advertiser_id')])).toEqual([
        expect.stringMatching(/advertiser_id/),
      ]);
      expect(given({ [stream]: [defined('advertiser_id')] }).judge([stream, changed('advertiser_id', 'Other', 'Advertiser')])).toEqual([
        expect.stringMatching(/^PropertyDefinitionChanged is /),
      ]);
      expect(given({}).judge([stream, changed('tier', 'Tier', 'Level')], [stream, removed('tier')])).toEqual([
        expect.stringMatching(/tier/),
        expect.stringMatching(/tier/),
      ]);
      expect(given({}).judge([stream, defined('email')], [stream, defined('tier', { type: 'boolean', unique: true })])).toEqual([
        expect.any(String),
        expect.any(String),
      ]);
    });
  });

  describe('claim the unique values they take, as the command handlers do', () => {
    const emailStream = (email: string) => uniqueValueStream('contact-email', email);
    const claimed = (kind: string, value: string, ownerId: string) => ({ type: 'UniqueValueClaimed', data: { kind, value, ownerId } });
    const released = (kind: string, value: string, ownerId: string) => ({ type: 'UniqueValueReleased', data: { kind, value, ownerId } });

    it("claim a contact's email, and refuse a second contact with it, naming the holder", () => {
      const [ada, copy] = [randomUUID(), randomUUID()];
      expect(given({}).verdicts([`contact-${ada}`, contactCreated(ada, 'marketing', 'Ada@X.test')], [`contact-${copy}`, contactCreated(copy, 'marketing', 'ada@x.test')])).toEqual([
        { reason: null, derived: [{ streamName: emailStream('ada@x.test'), events: [claimed('contact-email', 'ada@x.test', ada)] }] },
        { reason: `contact-email ada@x.test is held by ${ada}` },
      ]);
      // A claim already stored for the same contact (a store seeded directly) is kept, not claimed twice.
      const stored = { [emailStream('ada@x.test')]: [event('UniqueValueClaimed', claimed('contact-email', 'ada@x.test', ada).data)] };
      expect(given(stored).verdicts([`contact-${ada}`, contactCreated(ada, 'marketing', 'ada@x.test')])).toEqual([{ reason: null, derived: [] }]);
    });

    it('claim the new email before giving up the old one, and give it up on a merge', () => {
      const ada = randomUUID();
      const changed = event('ContactPropertiesChanged', { contactId: ada, changes: [{ property: 'email', previous: 'ada@x.test', value: 'ada@y.test' }] });
      const merged = event('ContactMerged', { contactId: ada, mergedInto: randomUUID(), email: 'ada@y.test' });
      const [, change, merge] = given({}).verdicts([`contact-${ada}`, contactCreated(ada, 'marketing', 'ada@x.test')], [`contact-${ada}`, changed], [`contact-${ada}`, merged]);
      expect(change).toEqual({
        reason: null,
        derived: [
          { streamName: emailStream('ada@y.test'), events: [claimed('contact-email', 'ada@y.test', ada)] },
          { streamName: emailStream('ada@x.test'), events: [released('contact-email', 'ada@x.test', ada)] },
        ],
      });
      expect(merge).toEqual({ reason: null, derived: [{ streamName: emailStream('ada@y.test'), events: [released('contact-email', 'ada@y.test', ada)] }] });
    });

    it("claim a company's domain, and none when it has no domain", () => {
      const [acme, other] = [randomUUID(), randomUUID()];
      const company = (companyId: string, domain: string | null) =>
        event('CompanyCreated', { companyId, name: 'Acme', domain, industry: null, employees: null, country: null });
      const domainStream = uniqueValueStream('company-domain', 'acme.com');
      expect(given({}).verdicts([`company-${acme}`, company(acme, 'acme.com')], [`company-${other}`, company(other, 'acme.com')], [`company-${other}`, company(other, null)])).toEqual([
        { reason: null, derived: [{ streamName: domainStream, events: [claimed('company-domain', 'acme.com', acme)] }] },
        { reason: `company-domain acme.com is held by ${acme}` },
        { reason: null, derived: [] },
      ]);
    });

    it("give up the duplicate's domain when it is merged into another company", () => {
      const [globex, acme] = [randomUUID(), randomUUID()];
      const created = event('CompanyCreated', { companyId: globex, name: 'Globex', domain: 'globex.com', industry: null, employees: null, country: null, properties: {} });
      const merged = event('CompanyMerged', { companyId: globex, mergedInto: acme, domain: 'globex.com' });
      const [, merge] = given({}).verdicts([`company-${globex}`, created], [`company-${globex}`, merged]);
      const domainStream = uniqueValueStream('company-domain', 'globex.com');
      expect(merge).toEqual({ reason: null, derived: [{ streamName: domainStream, events: [released('company-domain', 'globex.com', globex)] }] });
    });
  });
});
