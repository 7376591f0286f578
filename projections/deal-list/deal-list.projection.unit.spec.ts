import type { Pipeline } from '#domain/pipeline';
import { dealCreatedData, recordedLog } from '#test/support/events';
import { dealSearchText, reduceDealList, type DealListRow } from './deal-list.projection.js';

const T0 = '2026-01-10T09:00:00.000Z';

const open: DealListRow = {
  dealId: 'd-1',
  name: 'Acme renewal',
  pipelineId: 'sales',
  stageId: 'lead',
  amount: '1000.00',
  currency: 'EUR',
  closeDate: '2026-03-31',
  ownerId: 'ada',
  outcome: 'open',
  contractTermMonths: 12,
  revenueType: 'one-off',
  billingPeriod: null,
  renewsDealId: null,
  mrr: null,
  closedAt: null,
  companyId: 'acme',
  properties: { advertiser_id: 'ADV-7' },
  createdAt: T0,
  revision: 0,
};

const sales: Pipeline = {
  pipelineId: 'sales',
  objectType: 'deal',
  name: 'Sales',
  stages: [
    { id: 'lead', label: 'Lead', probability: 0.1, closed: null, stuckAfterDays: null, archived: false },
    { id: 'won', label: 'Won', probability: 1, closed: 'won', stuckAfterDays: null, archived: false },
    { id: 'lost', label: 'Lost', probability: 0, closed: 'lost', stuckAfterDays: null, archived: false },
  ],
};

const reduce = (events: ReturnType<ReturnType<typeof recordedLog>>[], deals: readonly DealListRow[] = [], pipelines: readonly Pipeline[] = []) =>
  reduceDealList({ deals: new Map(deals.map((d) => [d.dealId, d])), pipelines: new Map(pipelines.map((p) => [p.pipelineId, p])) }, events);

describe('deal list projection', () => {
  it('lists a new deal open, with its primary company and properties, at the business time of its creation', () => {
    const log = recordedLog();
    const created = log(
      'DealCreated',
      dealCreatedData('d-1', { name: 'Acme renewal', ownerId: 'ada', companyId: 'acme', companyIds: ['other'], properties: { advertiser_id: 'ADV-7' } }),
      '2026-01-10T10:00:00.000+01:00',
      'deal-d-1',
    );
    expect(reduce([created]).changedDeals).toEqual([open]);
  });

  it('follows every change of a field the row shows, continuing from the row an earlier batch stored', () => {
    const log = recordedLog();
    const at = (type: string, data: Record<string, unknown>) => log(type, { dealId: 'd-1', ...data }, T0, 'deal-d-1');
    const { changedDeals } = reduce(
      [
        at('DealStageChanged', { pipelineId: 'sales', fromStageId: 'lead', toStageId: 'demo' }),
        at('DealAmountChanged', { previous: { amount: '1000.00', currency: 'EUR' }, amount: '2500.50', currency: 'USD' }),
        at('DealCloseDateChanged', { previous: '2026-03-31', closeDate: '2026-06-30' }),
        at('DealOwnerAssigned', { previous: 'ada', ownerId: null }),
        at('DealRenamed', { previous: 'Acme renewal', name: 'Acme expansion' }),
        at('DealContractTermChanged', { previous: 12, contractTermMonths: 24 }),
        at('DealCompanyAssociated', { companyId: 'globex', previousCompanyId: 'acme' }),
        at('DealPropertiesChanged', {
          changes: [
            { property: 'advertiser_id', previous: 'ADV-7', value: null },
            { property: 'segment', previous: null, value: 'enterprise' },
          ],
        }),
      ],
      [open],
    );
    expect(changedDeals).toEqual([
      {
        ...open,
        name: 'Acme expansion',
        stageId: 'demo',
        amount: '2500.50',
        currency: 'USD',
        closeDate: '2026-06-30',
        ownerId: null,
        contractTermMonths: 24,
        companyId: 'globex',
        properties: { segment: 'enterprise' },
        revision: 7,
      },
    ]);
  });

  it('closes a deal won or lost in the stage that closed it, when it happened, and reopens it into an open stage', () => {
    const log = recordedLog();
    const won = reduce(
      [log('DealWon', { dealId: 'd-1', pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'ada' }, '2026-02-05T18:30:00+09:00', 'deal-d-1')],
      [open],
    );
    expect(won.changedDeals).toEqual([{ ...open, stageId: 'won', outcome: 'won', closedAt: '2026-02-05T09:30:00.000Z' }]);
    const lost = reduce([log('DealLost', { dealId: 'd-1', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }, T0, 'deal-d-1')], [open]);
    expect(lost.changedDeals).toEqual([{ ...open, stageId: 'lost', outcome: 'lost', closedAt: T0, revision: 1 }]);
    const reopened = reduce(
      [log('DealReopened', { dealId: 'd-1', pipelineId: 'sales', fromStageId: 'lost', toStageId: 'lead' }, T0, 'deal-d-1')],
      lost.changedDeals,
    );
    expect(reopened.changedDeals).toEqual([{ ...open, revision: 2 }]);
  });

  it('derives MRR from a recurring deal\'s amount over its term, following every term, amount and type change', () => {
    const log = recordedLog();
    const at = (type: string, data: Record<string, unknown>) => log(type, { dealId: 'd-1', ...data }, T0, 'deal-d-1');
    const created = log(
      'DealCreated',
      dealCreatedData('d-1', { amount: '1000.00', revenueType: 'recurring', billingPeriod: 'quarter', contractTermMonths: 12, renewsDealId: 'd-0' }),
      T0,
      'deal-d-1',
    );
    // 1000.00 / 12 = 83.333...: rounded once, half to even, in the currency's digits (100 JPY / 8 = 12.5 -> 12).
    const [recurring] = reduce([created]).changedDeals;
    expect(recurring).toMatchObject({ revenueType: 'recurring', billingPeriod: 'quarter', renewsDealId: 'd-0', mrr: '83.33' });
    const steps: [ReturnType<typeof at>, string | null][] = [
      [at('DealContractTermChanged', { previous: 12, contractTermMonths: 8 }), '125.00'],
      [at('DealAmountChanged', { previous: { amount: '1000.00', currency: 'EUR' }, amount: '100', currency: 'JPY' }), '12'],
      [at('DealAmountChanged', { previous: { amount: '100', currency: 'JPY' }, amount: '0.020', currency: 'BHD' }), '0.002'],
      [at('DealRevenueTypeChanged', { previous: { revenueType: 'recurring', billingPeriod: 'quarter' }, revenueType: 'one-off', billingPeriod: null }), null],
    ];
    let row = recurring;
    for (const [event, mrr] of steps) {
      [row] = reduce([event], [row]).changedDeals;
      expect(row.mrr).toBe(mrr);
    }
    expect(row).toMatchObject({ amount: '0.020', currency: 'BHD', revenueType: 'one-off', billingPeriod: null, contractTermMonths: 8 });
  });

  it("moves the deals of a merged company onto the survivor, those created earlier in the same batch too", () => {
    const log = recordedLog();
    const { changedDeals } = reduce(
      [
        log('DealCreated', dealCreatedData('d-2', { companyId: 'acme-dup' }), T0, 'deal-d-2'),
        log('CompanyMerged', { companyId: 'acme-dup', mergedInto: 'acme', domain: null }, T0, 'company-acme-dup'),
      ],
      [{ ...open, companyId: 'acme-dup' }, { ...open, dealId: 'd-3', companyId: 'globex' }],
    );
    expect(changedDeals.map((d) => [d.dealId, d.companyId])).toEqual([
      ['d-2', 'acme'],
      ['d-1', 'acme'],
    ]);
  });

  it('ignores events of a deal it never saw created and a repeated creation', () => {
    const log = recordedLog();
    expect(reduce([log('DealRenamed', { dealId: 'd-9', previous: 'a', name: 'b' }, T0, 'deal-d-9')]).changedDeals).toEqual([]);
    // A second creation changes nothing the row shows; it is still the stream's latest event.
    const again = log('DealCreated', dealCreatedData('d-1', { name: 'Other' }), T0, 'deal-d-1');
    expect(reduce([again], [open]).changedDeals).toEqual([{ ...open, revision: again.revision }]);
  });

  it("keeps the deal stream's revision from every event of the stream, contact associations too, and nothing else of them", () => {
    const log = recordedLog();
    const at = (type: string, data: Record<string, unknown>) => log(type, { dealId: 'd-1', ...data }, T0, 'deal-d-1');
    const [created] = reduce([log('DealCreated', dealCreatedData('d-1'), T0, 'deal-d-1')]).changedDeals;
    expect(created.revision).toBe(0);
    const associated = at('DealContactAssociated', { contactId: 'c-1' });
    const dissociated = at('DealContactDissociated', { contactId: 'c-1' });
    expect(reduce([associated], [created]).changedDeals).toEqual([{ ...created, revision: 1 }]);
    expect(reduce([associated, dissociated], [created]).changedDeals).toEqual([{ ...created, revision: 2 }]);
    // Applied again after a lost checkpoint: the row already has the revision, nothing to write.
    expect(reduce([dissociated], [{ ...created, revision: 2 }]).changedDeals).toEqual([]);
    // Another deal's stream does not move this one.
    expect(reduce([log('DealContactAssociated', { dealId: 'd-2', contactId: 'c-1' }, T0, 'deal-d-2')], [created]).changedDeals).toEqual([]);
  });

  it("keeps the pipelines' stage labels as the pipeline events say", () => {
    const log = recordedLog();
    const { changedPipelines } = reduce(
      [log('PipelineStageRenamed', { pipelineId: 'sales', stageId: 'lead', previous: 'Lead', label: 'New lead' }, T0, 'pipeline-sales')],
      [],
      [sales],
    );
    expect(changedPipelines).toEqual([{ ...sales, stages: [{ ...sales.stages[0], label: 'New lead' }, ...sales.stages.slice(1)] }]);
  });

  it('searches the name and the text and number property values by property name, case-folded', () => {
    expect(dealSearchText({ name: 'ACME Renewal', properties: { seats: 40, advertiser_id: 'ADV-7', vip: true } })).toBe('acme renewal adv-7 40');
  });
});
