import { dealCreated, inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { dealListProjection } from './deal-list.persistence.js';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won'], ['lost', 'lost']]));
const created = (dealId: string, data: Readonly<Record<string, unknown>> = {}) =>
  inStream(`deal-${dealId}`, dealCreated(dealId, day(2), { pipelineId: 'sales', stageId: 'lead', name: `Deal ${dealId}`, ownerId: 'ada', ...data }));

const DEALS = `SELECT deal_id, name, name_key, pipeline_id, stage_id, amount::text AS amount, currency, close_date, owner_id, outcome,
                      contract_term_months, revenue_type, billing_period, renews_deal_id, mrr::text AS mrr, closed_at, company_id, properties,
                      created_at, search_text FROM deal_list ORDER BY deal_id`;

const row = (dealId: string, fields: Readonly<Record<string, unknown>> = {}) => ({
  deal_id: dealId,
  name: `Deal ${dealId}`,
  name_key: `deal ${dealId}`,
  pipeline_id: 'sales',
  stage_id: 'lead',
  amount: '1000.00',
  currency: 'EUR',
  close_date: '2026-03-31',
  owner_id: 'ada',
  outcome: 'open',
  contract_term_months: 12,
  revenue_type: 'one-off',
  billing_period: null,
  renews_deal_id: null,
  mrr: null,
  closed_at: null,
  company_id: null,
  properties: {},
  created_at: new Date(day(2)),
  search_text: `deal ${dealId}`,
  ...fields,
});

describe('deal list persistence', () => {
  const spec = useProjectionSpec(dealListProjection);

  it('stores a deal with its amount exact to the cent, its properties and what it is searched and sorted by', async () => {
    await spec
      .given([...SALES, ...created('d1', { name: 'ÄCME Renewal', amount: '1234.50', properties: { advertiser_id: 'ADV-7', seats: 40 } })])
      .then(DEALS, [
        row('d1', {
          name: 'ÄCME Renewal', name_key: 'äcme renewal', amount: '1234.50', properties: { advertiser_id: 'ADV-7', seats: 40 }, search_text: 'äcme renewal adv-7 40',
        }),
      ]);
  });

  it("keeps each amount in its currency's digits, digit for digit, and a recurring deal's MRR beside its terms", async () => {
    await spec
      .given([
        ...SALES,
        ...created('d1', { amount: '150000', currency: 'JPY' }),
        ...created('d2', { amount: '1.125', currency: 'BHD', revenueType: 'recurring', billingPeriod: 'year', contractTermMonths: 12, renewsDealId: 'd1' }),
        ...created('d3', { amount: '999999999999.99', currency: 'USD', revenueType: 'recurring', billingPeriod: 'month', contractTermMonths: 7 }),
      ])
      .then(DEALS, [
        row('d1', { amount: '150000', currency: 'JPY' }),
        // 1.125 / 12 = 0.09375 -> 0.094 (BHD has 3 digits); 999999999999.99 / 7 = 142857142857.141... -> .14
        row('d2', { amount: '1.125', currency: 'BHD', revenue_type: 'recurring', billing_period: 'year', renews_deal_id: 'd1', mrr: '0.094' }),
        row('d3', { amount: '999999999999.99', currency: 'USD', revenue_type: 'recurring', billing_period: 'month', contract_term_months: 7, mrr: '142857142857.14' }),
      ]);
  });

  it('follows a deal through a win, a reopen and property changes over several batches', async () => {
    await spec
      .given([...SALES, ...created('d1')])
      .when(
        inStream(
          'deal-d1',
          event('DealStageChanged', day(3), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'won' }),
          event('DealWon', day(3), { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'ada' }),
        ),
      )
      .when(
        inStream(
          'deal-d1',
          event('DealReopened', day(4), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'demo' }),
          event('DealPropertiesChanged', day(4), { dealId: 'd1', changes: [{ property: 'segment', previous: null, value: 'smb' }] }),
        ),
      )
      .then(DEALS, [row('d1', { stage_id: 'demo', properties: { segment: 'smb' }, search_text: 'deal d1 smb' })]);
  });

  it('records when a deal was won or lost, as its business time, and clears it when reopened', async () => {
    const won = inStream(
      'deal-d1',
      event('DealStageChanged', day(3), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'won' }),
      event('DealWon', '2026-02-03T18:30:00+09:00', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '1000.00', currency: 'EUR', ownerId: 'ada' }),
    );
    const lost = inStream(
      'deal-d2',
      event('DealStageChanged', day(4), { dealId: 'd2', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'lost' }),
      event('DealLost', day(4), { dealId: 'd2', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }),
      event('DealReopened', day(5), { dealId: 'd2', pipelineId: 'sales', fromStageId: 'lost', toStageId: 'demo' }),
    );
    await spec
      .given([...SALES, ...created('d1'), ...created('d2')])
      .when([...won, ...lost])
      .then(`SELECT deal_id, outcome, closed_at FROM deal_list ORDER BY deal_id`, [
        { deal_id: 'd1', outcome: 'won', closed_at: new Date('2026-02-03T09:30:00.000Z') },
        { deal_id: 'd2', outcome: 'open', closed_at: null },
      ]);
  });

  it("moves a merged company's deals onto the survivor", async () => {
    await spec
      .given([...SALES, ...created('d1', { companyId: 'dup' }), ...created('d2', { companyId: 'other' })])
      .when(inStream('company-dup', event('CompanyMerged', day(5), { companyId: 'dup', mergedInto: 'survivor', domain: null })))
      .then(`SELECT deal_id, company_id FROM deal_list ORDER BY deal_id`, [
        { deal_id: 'd1', company_id: 'survivor' },
        { deal_id: 'd2', company_id: 'other' },
      ]);
  });

  it('keeps the stage labels and the deal property definitions', async () => {
    await spec
      .given([
        ...SALES,
        ...inStream('pipeline-sales', event('PipelineStageRenamed', day(3), { pipelineId: 'sales', stageId: 'demo', previous: 'demo', label: 'Demo booked' })),
        ...inStream(
          'property-definitions-deal',
          event('PropertyDefined', day(3), { objectType: 'deal', name: 'advertiser_id', label: 'Advertiser', type: 'string', options: [], unique: true }),
        ),
        ...inStream(
          'property-definitions-ticket',
          event('PropertyDefined', day(3), { objectType: 'ticket', name: 'queue', label: 'Queue', type: 'string', options: [], unique: false }),
        ),
      ])
      .then(
        `SELECT s.stage_id, s.label, (SELECT string_agg(name || ':' || type, ',') FROM deal_list_properties) AS properties
           FROM deal_list_stages s ORDER BY s.sort_order`,
        [
          { stage_id: 'lead', label: 'lead', properties: 'advertiser_id:string' },
          { stage_id: 'demo', label: 'Demo booked', properties: 'advertiser_id:string' },
          { stage_id: 'won', label: 'won', properties: 'advertiser_id:string' },
          { stage_id: 'lost', label: 'lost', properties: 'advertiser_id:string' },
        ],
      );
  });

  it("keeps each deal stream's revision, moved by events the row does not show too (contact associations)", async () => {
    // Deals of their own: the cases share one store, where d1's stream already holds the other cases' events.
    await spec
      .given([...SALES, ...created('r1'), ...created('r2')])
      .when(
        inStream(
          'deal-r1',
          event('DealContactAssociated', day(3), { dealId: 'r1', contactId: 'c1' }),
          event('DealStageChanged', day(3), { dealId: 'r1', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'demo' }),
        ),
      )
      // A batch of such events alone still loads and writes the row.
      .when(inStream('deal-r1', event('DealContactDissociated', day(4), { dealId: 'r1', contactId: 'c1' })))
      .then(`SELECT deal_id, stage_id, revision FROM deal_list ORDER BY deal_id`, [
        { deal_id: 'r1', stage_id: 'demo', revision: 3 },
        { deal_id: 'r2', stage_id: 'lead', revision: 0 },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SALES, ...created('d1')])
      .when(inStream('deal-d1', event('DealAmountChanged', day(3), { dealId: 'd1', previous: { amount: '1000.00', currency: 'EUR' }, amount: '99.99', currency: 'USD' })), {
        times: 2,
      })
      .then(DEALS, [row('d1', { amount: '99.99', currency: 'USD' })]);
  });
});

describe('deal list rebuild', () => {
  const bed = useRebuildBed(dealListProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...SALES,
      ...created('d1', { companyId: 'dup', properties: { advertiser_id: 'A-1', seats: 4 } }),
      ...created('d2'),
      ...created('d3', { amount: '1.250', currency: 'BHD', revenueType: 'recurring', billingPeriod: 'quarter', contractTermMonths: 24 }),
      ...inStream(
        'deal-d1',
        event('DealRenamed', day(3), { dealId: 'd1', previous: 'Deal d1', name: 'Big one' }),
        event('DealContactAssociated', day(3), { dealId: 'd1', contactId: 'c1' }),
      ),
      ...inStream(
        'deal-d3',
        event('DealStageChanged', day(3), { dealId: 'd3', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'won' }),
        event('DealWon', day(3), { dealId: 'd3', pipelineId: 'sales', stageId: 'won', amount: '1.250', currency: 'BHD', ownerId: 'ada' }),
        event('DealContractTermChanged', day(4), { dealId: 'd3', previous: 24, contractTermMonths: 36 }),
      ),
      ...inStream('pipeline-sales', event('PipelineStageRenamed', day(3), { pipelineId: 'sales', stageId: 'lead', previous: 'lead', label: 'Lead' })),
      ...inStream(
        'deal-d2',
        event('DealStageChanged', day(4), { dealId: 'd2', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'lost' }),
        event('DealLost', day(4), { dealId: 'd2', pipelineId: 'sales', stageId: 'lost', reason: 'budget' }),
      ),
      ...inStream('company-dup', event('CompanyMerged', day(5), { companyId: 'dup', mergedInto: 'survivor', domain: null })),
      ...inStream('deal-d2', event('DealPropertiesChanged', day(6), { dealId: 'd2', changes: [{ property: 'advertiser_id', previous: null, value: 'A-2' }] })),
      ...inStream(
        'property-definitions-deal',
        event('PropertyDefined', day(6), { objectType: 'deal', name: 'advertiser_id', label: 'Advertiser', type: 'string', options: [], unique: true }),
      ),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      deal_list: 'deal_id',
      deal_list_pipelines: 'pipeline_id',
      deal_list_stages: 'pipeline_id, stage_id',
      deal_list_properties: 'name',
    });
    expect(live.deal_list).toHaveLength(3);
    expect(live.deal_list.map((row) => row.revision)).toEqual([2, 3, 3]);
    expect(live.deal_list_properties).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
