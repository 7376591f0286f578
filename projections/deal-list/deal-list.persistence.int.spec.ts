import { dealCreated, inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { dealListProjection } from './deal-list.persistence.js';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const SALES = inStream('pipeline-sales', pipelineCreated('sales', 'deal', [['lead'], ['demo'], ['won', 'won'], ['lost', 'lost']]));
const created = (dealId: string, data: Readonly<Record<string, unknown>> = {}) =>
  inStream(`deal-${dealId}`, dealCreated(dealId, day(2), { pipelineId: 'sales', stageId: 'lead', name: `Deal ${dealId}`, ownerId: 'ada', ...data }));

const DEALS = `SELECT deal_id, name, name_key, pipeline_id, stage_id, amount::text AS amount, currency, close_date, owner_id, outcome,
                      contract_term_months, company_id, properties, created_at, search_text FROM deal_list ORDER BY deal_id`;

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
      .given([...SALES, ...created('d1', { name: 'ÄCME Renewal', amount: 1234.5, properties: { advertiser_id: 'ADV-7', seats: 40 } })])
      .then(DEALS, [
        row('d1', {
          name: 'ÄCME Renewal', name_key: 'äcme renewal', amount: '1234.50', properties: { advertiser_id: 'ADV-7', seats: 40 }, search_text: 'äcme renewal adv-7 40',
        }),
      ]);
  });

  it('follows a deal through a win, a reopen and property changes over several batches', async () => {
    await spec
      .given([...SALES, ...created('d1')])
      .when(
        inStream(
          'deal-d1',
          event('DealStageChanged', day(3), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'lead', toStageId: 'won' }),
          event('DealWon', day(3), { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: 1000, currency: 'EUR', ownerId: 'ada' }),
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

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SALES, ...created('d1')])
      .when(inStream('deal-d1', event('DealAmountChanged', day(3), { dealId: 'd1', previous: { amount: 1000, currency: 'EUR' }, amount: 99.99, currency: 'USD' })), {
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
      ...inStream('deal-d1', event('DealRenamed', day(3), { dealId: 'd1', previous: 'Deal d1', name: 'Big one' })),
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
    expect(live.deal_list).toHaveLength(2);
    expect(live.deal_list_properties).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
