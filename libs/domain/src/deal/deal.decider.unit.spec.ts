import { fold, type CommandMetadata } from '../shared/index.js';
import { DeciderSpecification } from '../shared/decider-specification.js';
import { defaultDealPipeline, defaultTicketPipeline, type Pipeline } from '../pipeline/index.js';
import { pipelineOf } from '../pipeline/pipeline.spec-helper.js';
import type { CreateDeal, DealCommand } from './deal.commands.js';
import { dealDecider } from './deal.decider.js';
import { dealStream, type DealCreated, type DealEvent } from './deal.events.js';

const given = DeciderSpecification.for(dealDecider);
const metadata: CommandMetadata = { now: '2024-03-15T10:00:00.000Z' };
const dealId = 'd-1';

const pipeline = pipelineOf(defaultDealPipeline);
const ticketPipeline = pipelineOf(defaultTicketPipeline);
const otherPipeline: Pipeline = { ...pipeline, pipelineId: 'enterprise' };
const pipelineWithArchivedStage = pipelineOf(defaultDealPipeline, {
  type: 'PipelineStageArchived',
  data: { pipelineId: 'default', stageId: 'qualifiedtobuy' },
});

const created: DealCreated = {
  type: 'DealCreated',
  data: {
    dealId,
    name: 'Acme renewal',
    pipelineId: 'default',
    stageId: 'appointmentscheduled',
    amount: '12000.00',
    currency: 'EUR',
    revenueType: 'one-off',
    billingPeriod: null,
    contractTermMonths: 12,
    closeDate: '2024-03-31',
    ownerId: 'o-1',
    contactIds: ['c-1'],
    companyId: null,
    companyIds: [],
    properties: {},
    renewsDealId: null,
  },
};
const won: DealEvent[] = [
  { type: 'DealStageChanged', data: { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedwon' } },
  { type: 'DealWon', data: { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '12000.00', currency: 'EUR', ownerId: 'o-1' } },
];
const lost: DealEvent[] = [
  { type: 'DealStageChanged', data: { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'closedlost' } },
  { type: 'DealLost', data: { dealId, pipelineId: 'default', stageId: 'closedlost', reason: 'Budget' } },
];

const create = (overrides: Partial<CreateDeal['data']> = {}, commandMetadata: CommandMetadata = metadata): DealCommand => ({
  type: 'CreateDeal',
  data: { dealId, name: 'Acme renewal', pipeline, amount: 12000, currency: 'EUR', ownerId: 'o-1', contactIds: ['c-1'], ...overrides },
  metadata: commandMetadata,
});
const move = (stageId: string, overrides: { lostReason?: string; pipeline?: Pipeline } = {}): DealCommand => ({
  type: 'MoveDealToStage',
  data: { dealId, stageId, pipeline, ...overrides },
  metadata,
});
const thrownBy = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
};
const createdWith = (changes: Partial<DealCreated['data']>): DealCreated => ({ ...created, data: { ...created.data, ...changes } });

describe('deal decider', () => {
  it('names the stream after the deal id', () => {
    expect(dealStream('d-1')).toBe('deal-d-1');
  });

  it.each([
    ['MoveDealToStage', { dealId, stageId: 'contractsent', pipeline }],
    ['ReopenDeal', { dealId, stageId: 'contractsent', pipeline }],
    ['ChangeDealAmount', { dealId, amount: 100, currency: 'EUR' }],
    ['ChangeDealCloseDate', { dealId, closeDate: '2024-05-15' }],
    ['AssignDealOwner', { dealId, ownerId: 'o-2' }],
    ['RenameDeal', { dealId, name: 'Acme 2025' }],
    ['AssociateDealCompany', { dealId, companyId: 'co-1' }],
    ['UpdateDeal', { dealId, name: 'Acme 2025' }],
    ['ChangeDealProperties', { dealId, properties: { advertiserId: 'ADV-1' } }],
  ] as const)('%s: rejects an unknown deal', (type, data) => {
    given([]).when({ type, data, metadata } as DealCommand).thenThrows('NOT_FOUND');
  });

  describe('CreateDeal', () => {
    it('creates a deal in the first open stage with a 12-month term closing at the end of the current month', () => {
      given([]).when(create()).then([created]);
    });

    it('keeps the given stage, term, close date, company and trims the name', () => {
      given([])
        .when(create({ name: ' Acme renewal ', stageId: 'contractsent', contractTermMonths: 36, closeDate: '2024-06-30', companyId: 'co-1' }))
        .then([createdWith({ stageId: 'contractsent', contractTermMonths: 36, closeDate: '2024-06-30', companyId: 'co-1' })]);
    });

    it('fills absent owner, contacts and company with null and an empty list', () => {
      given([])
        .when({ type: 'CreateDeal', data: { dealId, name: 'Acme renewal', pipeline, amount: 0, currency: 'USD' }, metadata })
        .then([createdWith({ amount: '0.00', currency: 'USD', ownerId: null, contactIds: [], companyId: null })]);
    });

    it('lists each contact once', () => {
      given([]).when(create({ contactIds: ['c-1', 'c-2', 'c-1'] })).then([createdWith({ contactIds: ['c-1', 'c-2'] })]);
    });

    it('lists each other company once, never the primary', () => {
      given([])
        .when(create({ companyId: 'co-1', companyIds: ['co-2', 'co-1', 'co-3', 'co-2'] }))
        .then([createdWith({ companyId: 'co-1', companyIds: ['co-2', 'co-3'] })]);
    });

    it('records the custom properties with a value', () => {
      given([])
        .when(create({ properties: { advertiserId: 'ADV-1', seats: 12, renewal: true, region: null } }))
        .then([createdWith({ properties: { advertiserId: 'ADV-1', seats: 12, renewal: true } })]);
    });

    it.each(['amount', 'companyIds', 'stageId'])('rejects a custom property named like the built-in field %s', (name) => {
      given([]).when(create({ properties: { [name]: 1 } })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });

    it('defaults the close date from the business time of an imported deal, knowing leap years', () => {
      given([])
        .when(create({}, { now: '2024-03-15T10:00:00.000Z', occurredAt: '2020-02-03T09:00:00.000Z' }))
        .then([createdWith({ closeDate: '2020-02-29' })]);
    });

    it('reads the month as written in the timestamp, offset included', () => {
      given([]).when(create({}, { now: '2024-04-30T23:30:00+02:00' })).then([createdWith({ closeDate: '2024-04-30' })]);
    });

    it('accepts amounts with two decimals that binary floats cannot hold exactly, as a number or a string', () => {
      given([]).when(create({ amount: 0.29 })).then([createdWith({ amount: '0.29' })]);
      given([]).when(create({ amount: '0.29' })).then([createdWith({ amount: '0.29' })]);
    });

    it('records the win when created in a won stage', () => {
      given([])
        .when(create({ stageId: 'closedwon' }))
        .then([createdWith({ stageId: 'closedwon' }), won[1] as DealEvent]);
    });

    it('records the loss when created in a lost stage', () => {
      given([])
        .when(create({ stageId: 'closedlost', lostReason: 'Budget' }))
        .then([createdWith({ stageId: 'closedlost' }), lost[1] as DealEvent]);
    });

    it('rejects creation in a lost stage without a reason', () => {
      given([]).when(create({ stageId: 'closedlost' })).thenThrows('RULE_VIOLATED', 'lost-reason-required');
    });

    it('rejects creating a deal twice', () => {
      given([created]).when(create()).thenThrows('ALREADY_EXISTS');
    });

    it('rejects a ticket pipeline', () => {
      given([]).when(create({ pipeline: ticketPipeline })).thenThrows('RULE_VIOLATED', 'not-a-deal-pipeline');
    });

    it('rejects a blank name', () => {
      given([]).when(create({ name: ' ' })).thenThrows('RULE_VIOLATED', 'deal-name-required');
    });

    it('rejects a stage outside the pipeline', () => {
      given([]).when(create({ stageId: 'nope' })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an archived stage', () => {
      given([]).when(create({ pipeline: pipelineWithArchivedStage, stageId: 'qualifiedtobuy' })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it.each([
      [0, 'EUR', '0.00'],
      [0.29, 'EUR', '0.29'],
      [999_999_999_999.99, 'EUR', '999999999999.99'],
      ['1200.5', 'USD', '1200.50'],
      [150000, 'JPY', '150000'],
      ['150000', 'JPY', '150000'],
      ['1.125', 'BHD', '1.125'],
      [1.25, 'BHD', '1.250'],
      ['7.0', 'JPY', '7'],
    ] as const)('keeps amount %p %s exactly as %p, in the currency\'s digits', (amount, currency, expected) => {
      given([]).when(create({ amount, currency })).then([createdWith({ amount: expected, currency })]);
    });

    it.each([
      [-1, 'EUR'],
      [10.005, 'EUR'],
      ['0.123', 'USD'],
      [1.5, 'JPY'],
      ['1.5', 'JPY'],
      ['1.2345', 'BHD'],
      [Number.NaN, 'EUR'],
      [Number.POSITIVE_INFINITY, 'EUR'],
      [1e12, 'EUR'],
      ['1000000000000', 'EUR'],
      [1e14, 'EUR'],
      [1e18, 'EUR'],
      [1e-7, 'EUR'],
      [5e-324, 'EUR'],
      [9007199254740992, 'EUR'],
      ['', 'EUR'],
      ['1e3', 'EUR'],
      [' 12', 'EUR'],
      [null, 'EUR'],
    ])('rejects amount %p %s, naming the field', (amount, currency) => {
      given([])
        .when(create({ amount: amount as string, currency }))
        .thenThrows('RULE_VIOLATED', 'invalid-amount');
      expect(thrownBy(() => dealDecider.decide(create({ amount: amount as string, currency }), null))).toMatchObject({
        details: { fields: [{ field: 'amount' }] },
      });
    });

    it('creates a recurring deal billed monthly by default, with its term', () => {
      given([])
        .when(create({ revenueType: 'recurring', contractTermMonths: 24 }))
        .then([createdWith({ revenueType: 'recurring', billingPeriod: 'month', contractTermMonths: 24 })]);
    });

    it('keeps the billing period of a recurring deal and the deal it renews', () => {
      given([])
        .when(create({ revenueType: 'recurring', billingPeriod: 'year', renewsDealId: 'd-0' }))
        .then([createdWith({ revenueType: 'recurring', billingPeriod: 'year', renewsDealId: 'd-0' })]);
    });

    it('takes a null billing period and renewal of a one-off deal as none', () => {
      given([]).when(create({ revenueType: 'one-off', billingPeriod: null, renewsDealId: null })).then([created]);
    });

    it('rejects a billing period on a one-off deal', () => {
      given([]).when(create({ billingPeriod: 'month' })).thenThrows('RULE_VIOLATED', 'billing-period-one-off');
    });

    it.each(['week', null])('rejects billing period %p on a recurring deal', (billingPeriod) => {
      given([])
        .when(create({ revenueType: 'recurring', billingPeriod: billingPeriod as 'month' }))
        .thenThrows('RULE_VIOLATED', 'invalid-billing-period');
    });

    it('rejects an unknown revenue type', () => {
      given([]).when(create({ revenueType: 'subscription' as 'recurring' })).thenThrows('RULE_VIOLATED', 'invalid-revenue-type');
    });

    it('rejects a deal that renews itself, and a one-off renewal', () => {
      given([]).when(create({ revenueType: 'recurring', renewsDealId: dealId })).thenThrows('RULE_VIOLATED', 'renews-itself');
      given([]).when(create({ renewsDealId: 'd-0' })).thenThrows('RULE_VIOLATED', 'renewal-not-recurring');
    });

    it.each(['eur', 'EURO', '', 'XXQ', 'XYZ'])('rejects currency %p', (currency) => {
      given([]).when(create({ currency })).thenThrows('RULE_VIOLATED', 'invalid-currency');
    });

    it.each([0, 121, 1.5])('rejects a contract term of %p months', (contractTermMonths) => {
      given([]).when(create({ contractTermMonths })).thenThrows('RULE_VIOLATED', 'invalid-contract-term');
    });

    it.each(['2024-02-30', '2024-13-01', '31/03/2024', '0000-01-01', '1899-12-31', '2200-01-01'])('rejects close date %p', (closeDate) => {
      given([]).when(create({ closeDate })).thenThrows('RULE_VIOLATED', 'invalid-close-date');
    });
  });

  describe('MoveDealToStage', () => {
    it('moves an open deal to another open stage', () => {
      given([created])
        .when(move('contractsent'))
        .then([{ type: 'DealStageChanged', data: { dealId, pipelineId: 'default', fromStageId: 'appointmentscheduled', toStageId: 'contractsent' } }]);
    });

    it('records the win with the amount and owner current at that moment', () => {
      given([
        created,
        { type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '15000.25', currency: 'USD' } },
        { type: 'DealOwnerAssigned', data: { dealId, previous: 'o-1', ownerId: 'o-2' } },
      ])
        .when(move('closedwon'))
        .then([
          won[0] as DealEvent,
          { type: 'DealWon', data: { dealId, pipelineId: 'default', stageId: 'closedwon', amount: '15000.25', currency: 'USD', ownerId: 'o-2' } },
        ]);
    });

    it('records the loss with its trimmed reason', () => {
      given([created]).when(move('closedlost', { lostReason: ' Budget ' })).then(lost);
    });

    it('rejects a loss without a reason', () => {
      given([created]).when(move('closedlost', { lostReason: '  ' })).thenThrows('RULE_VIOLATED', 'lost-reason-required');
    });

    it('records nothing when the deal is already in the stage', () => {
      given([created]).when(move('appointmentscheduled')).then([]);
    });

    it('records nothing when a won deal is moved to its won stage again', () => {
      given([created, ...won]).when(move('closedwon')).then([]);
    });

    it('rejects moving a won deal', () => {
      given([created, ...won]).when(move('contractsent')).thenThrows('RULE_VIOLATED', 'deal-closed');
    });

    it('rejects moving a lost deal, even to a won stage', () => {
      given([created, ...lost]).when(move('closedwon')).thenThrows('RULE_VIOLATED', 'deal-closed');
    });

    it('rejects a stage outside the pipeline', () => {
      given([created]).when(move('nope')).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an archived stage', () => {
      given([created]).when(move('qualifiedtobuy', { pipeline: pipelineWithArchivedStage })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it("rejects a stage of a pipeline other than the deal's", () => {
      given([created]).when(move('contractsent', { pipeline: otherPipeline })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });
  });

  describe('ReopenDeal', () => {
    const reopen = (stageId: string): DealCommand => ({ type: 'ReopenDeal', data: { dealId, stageId, pipeline }, metadata });
    const reopened: DealEvent = { type: 'DealReopened', data: { dealId, pipelineId: 'default', fromStageId: 'closedwon', toStageId: 'contractsent' } };

    it('moves a won deal back to an open stage', () => {
      given([created, ...won]).when(reopen('contractsent')).then([reopened]);
    });

    it('lets a reopened deal move and be won again', () => {
      given([created, ...won, reopened])
        .when(move('closedwon'))
        .then([{ type: 'DealStageChanged', data: { dealId, pipelineId: 'default', fromStageId: 'contractsent', toStageId: 'closedwon' } }, won[1] as DealEvent]);
    });

    it('reopens a lost deal', () => {
      given([created, ...lost])
        .when(reopen('qualifiedtobuy'))
        .then([{ type: 'DealReopened', data: { dealId, pipelineId: 'default', fromStageId: 'closedlost', toStageId: 'qualifiedtobuy' } }]);
    });

    it('rejects reopening an open deal', () => {
      given([created]).when(reopen('contractsent')).thenThrows('RULE_VIOLATED', 'deal-not-closed');
    });

    it('rejects reopening into a closed stage', () => {
      given([created, ...won]).when(reopen('closedlost')).thenThrows('RULE_VIOLATED', 'reopen-stage-not-open');
    });

    it('rejects a stage outside the pipeline', () => {
      given([created, ...won]).when(reopen('nope')).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });
  });

  describe('ChangeDealAmount', () => {
    const change = (amount: number | string, currency: string): DealCommand => ({ type: 'ChangeDealAmount', data: { dealId, amount, currency }, metadata });

    it('changes amount and currency, carrying the previous pair', () => {
      given([created])
        .when(change(9999.99, 'USD'))
        .then([{ type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '9999.99', currency: 'USD' } }]);
    });

    it('changes to a currency of other digits, in its form', () => {
      given([created])
        .when(change('1.125', 'BHD'))
        .then([{ type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '1.125', currency: 'BHD' } }]);
    });

    it('records nothing when neither changes, however the amount is written', () => {
      given([created]).when(change(12000, 'EUR')).then([]);
      given([created]).when(change('12000.0', 'EUR')).then([]);
    });

    it('rejects more decimals than the currency has', () => {
      given([created]).when(change(1.234, 'EUR')).thenThrows('RULE_VIOLATED', 'invalid-amount');
      given([created]).when(change('1.5', 'JPY')).thenThrows('RULE_VIOLATED', 'invalid-amount');
    });

    it('rejects a currency that is not ISO 4217 shaped', () => {
      given([created]).when(change(100, 'Euro')).thenThrows('RULE_VIOLATED', 'invalid-currency');
    });
  });

  describe('ChangeDealCloseDate', () => {
    const change = (closeDate: string): DealCommand => ({ type: 'ChangeDealCloseDate', data: { dealId, closeDate }, metadata });

    it('changes the close date, carrying the previous one', () => {
      given([created]).when(change('2024-05-15')).then([{ type: 'DealCloseDateChanged', data: { dealId, previous: '2024-03-31', closeDate: '2024-05-15' } }]);
    });

    it('records nothing when unchanged', () => {
      given([created]).when(change('2024-03-31')).then([]);
    });

    it('rejects a date that does not exist', () => {
      given([created]).when(change('2023-02-29')).thenThrows('RULE_VIOLATED', 'invalid-close-date');
    });
  });

  describe('AssignDealOwner', () => {
    const assign = (ownerId: string | null): DealCommand => ({ type: 'AssignDealOwner', data: { dealId, ownerId }, metadata });

    it('assigns another owner, carrying the previous one', () => {
      given([created]).when(assign('o-2')).then([{ type: 'DealOwnerAssigned', data: { dealId, previous: 'o-1', ownerId: 'o-2' } }]);
    });

    it('unassigns with null', () => {
      given([created]).when(assign(null)).then([{ type: 'DealOwnerAssigned', data: { dealId, previous: 'o-1', ownerId: null } }]);
    });

    it('records nothing when the owner is unchanged', () => {
      given([created]).when(assign('o-1')).then([]);
    });
  });

  describe('RenameDeal', () => {
    const rename = (name: string): DealCommand => ({ type: 'RenameDeal', data: { dealId, name }, metadata });

    it('renames, carrying the previous name', () => {
      given([created]).when(rename('Acme 2025')).then([{ type: 'DealRenamed', data: { dealId, previous: 'Acme renewal', name: 'Acme 2025' } }]);
    });

    it('records nothing when the name is unchanged', () => {
      given([created]).when(rename('Acme renewal ')).then([]);
    });

    it('rejects a blank name', () => {
      given([created]).when(rename('')).thenThrows('RULE_VIOLATED', 'deal-name-required');
    });
  });

  describe('contact associations', () => {
    const associate = (contactId: string): DealCommand => ({ type: 'AssociateDealContact', data: { dealId, contactId }, metadata });
    const dissociate = (contactId: string): DealCommand => ({ type: 'DissociateDealContact', data: { dealId, contactId }, metadata });
    const dissociated: DealEvent = { type: 'DealContactDissociated', data: { dealId, contactId: 'c-1' } };

    it('associates a contact', () => {
      given([created]).when(associate('c-2')).then([{ type: 'DealContactAssociated', data: { dealId, contactId: 'c-2' } }]);
    });

    it('records nothing when the contact is already associated', () => {
      given([created]).when(associate('c-1')).then([]);
    });

    it('dissociates an associated contact', () => {
      given([created]).when(dissociate('c-1')).then([dissociated]);
    });

    it('records nothing when the contact is not associated', () => {
      given([created, dissociated]).when(dissociate('c-1')).then([]);
    });

    it('rejects an unknown deal', () => {
      given([]).when(associate('c-2')).thenThrows('NOT_FOUND');
      given([]).when(dissociate('c-1')).thenThrows('NOT_FOUND');
    });
  });

  describe('AssociateDealCompany', () => {
    const associate = (companyId: string): DealCommand => ({ type: 'AssociateDealCompany', data: { dealId, companyId }, metadata });
    const first: DealEvent = { type: 'DealCompanyAssociated', data: { dealId, companyId: 'co-1', previousCompanyId: null } };

    it('associates the first company', () => {
      given([created]).when(associate('co-1')).then([first]);
    });

    it('replaces the company, carrying the previous one', () => {
      given([created, first])
        .when(associate('co-2'))
        .then([{ type: 'DealCompanyAssociated', data: { dealId, companyId: 'co-2', previousCompanyId: 'co-1' } }]);
    });

    it('records nothing when the company is unchanged', () => {
      given([created, first]).when(associate('co-1')).then([]);
    });
  });

  describe('UpdateDeal', () => {
    const update = (changes: Omit<Extract<DealCommand, { type: 'UpdateDeal' }>['data'], 'dealId'>): DealCommand => ({
      type: 'UpdateDeal',
      data: { dealId, ...changes },
      metadata,
    });

    it('records every change in one decision', () => {
      given([created])
        .when(update({ name: 'Acme 2025', amount: 15000, closeDate: '2024-04-30', ownerId: null }))
        .then([
          { type: 'DealRenamed', data: { dealId, previous: 'Acme renewal', name: 'Acme 2025' } },
          { type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '15000.00', currency: 'EUR' } },
          { type: 'DealCloseDateChanged', data: { dealId, previous: '2024-03-31', closeDate: '2024-04-30' } },
          { type: 'DealOwnerAssigned', data: { dealId, previous: 'o-1', ownerId: null } },
        ]);
    });

    it('keeps the amount when only the currency changes', () => {
      given([created])
        .when(update({ currency: 'GBP' }))
        .then([{ type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '12000.00', currency: 'GBP' } }]);
    });

    it("keeps the amount in the new currency's digits, and refuses a change that would lose a fraction", () => {
      given([created])
        .when(update({ currency: 'JPY' }))
        .then([{ type: 'DealAmountChanged', data: { dealId, previous: { amount: '12000.00', currency: 'EUR' }, amount: '12000', currency: 'JPY' } }]);
      given([createdWith({ amount: '12000.50' })]).when(update({ currency: 'JPY' })).thenThrows('RULE_VIOLATED', 'invalid-amount');
    });

    it('records only what differs', () => {
      given([created]).when(update({ name: 'Acme renewal', amount: 12000, ownerId: 'o-2' })).then([
        { type: 'DealOwnerAssigned', data: { dealId, previous: 'o-1', ownerId: 'o-2' } },
      ]);
    });

    it('records nothing when nothing changes', () => {
      given([created]).when(update({ name: 'Acme renewal', currency: 'EUR', closeDate: '2024-03-31', ownerId: 'o-1' })).then([]);
      given([created]).when(update({})).then([]);
    });

    it('rejects the whole patch when one change is invalid', () => {
      given([created]).when(update({ name: 'Acme 2025', closeDate: '2024-04-31' })).thenThrows('RULE_VIOLATED', 'invalid-close-date');
    });

    it('rejects an invalid amount', () => {
      given([created]).when(update({ amount: -5 })).thenThrows('RULE_VIOLATED', 'invalid-amount');
      given([createdWith({ amount: '150000', currency: 'JPY' })]).when(update({ amount: 1.5 })).thenThrows('RULE_VIOLATED', 'invalid-amount');
    });

    describe('revenue type', () => {
      const recurring = createdWith({ revenueType: 'recurring', billingPeriod: 'quarter' });
      const changed = (previous: DealCreated['data'], revenueType: 'one-off' | 'recurring', billingPeriod: 'month' | 'quarter' | 'year' | null): DealEvent => ({
        type: 'DealRevenueTypeChanged',
        data: { dealId, previous: { revenueType: previous.revenueType, billingPeriod: previous.billingPeriod }, revenueType, billingPeriod },
      });

      it('makes a one-off deal recurring, billed monthly unless told, and the state follows', () => {
        given([created]).when(update({ revenueType: 'recurring' })).then([changed(created.data, 'recurring', 'month')]);
        given([created]).when(update({ revenueType: 'recurring', billingPeriod: 'year' })).then([changed(created.data, 'recurring', 'year')]);
        expect(fold(dealDecider, [created, changed(created.data, 'recurring', 'year')])).toMatchObject({ revenueType: 'recurring', billingPeriod: 'year' });
      });

      it('changes the billing period of a recurring deal, keeping it when only the type is repeated', () => {
        given([recurring]).when(update({ billingPeriod: 'month' })).then([changed(recurring.data, 'recurring', 'month')]);
        given([recurring]).when(update({ revenueType: 'recurring' })).then([]);
      });

      it('makes a recurring deal one-off, without a billing period', () => {
        given([recurring]).when(update({ revenueType: 'one-off' })).then([changed(recurring.data, 'one-off', null)]);
        given([recurring]).when(update({ revenueType: 'one-off', billingPeriod: null })).then([changed(recurring.data, 'one-off', null)]);
      });

      it('rejects a billing period for a one-off deal, and none for a recurring one', () => {
        given([created]).when(update({ billingPeriod: 'month' })).thenThrows('RULE_VIOLATED', 'billing-period-one-off');
        given([recurring]).when(update({ billingPeriod: null })).thenThrows('RULE_VIOLATED', 'invalid-billing-period');
      });

      it('keeps a renewal recurring', () => {
        given([createdWith({ revenueType: 'recurring', billingPeriod: 'month', renewsDealId: 'd-0' })])
          .when(update({ revenueType: 'one-off' }))
          .thenThrows('RULE_VIOLATED', 'renewal-not-recurring');
      });
    });

    it('changes the contract term in whole months from 1 to 120, and the state follows', () => {
      const changed: DealEvent = { type: 'DealContractTermChanged', data: { dealId, previous: 12, contractTermMonths: 36 } };
      given([created]).when(update({ contractTermMonths: 36 })).then([changed]);
      given([created]).when(update({ contractTermMonths: 12 })).then([]);
      expect(fold(dealDecider, [created, changed])).toMatchObject({ contractTermMonths: 36 });
    });

    it.each([0, 121, 1.5])('rejects a contract term of %p months', (contractTermMonths) => {
      given([created]).when(update({ contractTermMonths })).thenThrows('RULE_VIOLATED', 'invalid-contract-term');
    });

    it('rejects a blank name', () => {
      given([created]).when(update({ name: '' })).thenThrows('RULE_VIOLATED', 'deal-name-required');
    });
  });

  describe('ChangeDealProperties', () => {
    const change = (properties: Readonly<Record<string, string | number | boolean | null>>): DealCommand => ({
      type: 'ChangeDealProperties',
      data: { dealId, properties },
      metadata,
    });
    const withProperties = createdWith({ properties: { advertiserId: 'ADV-1', seats: 12 } });

    it('records only the values that changed, each with the one before it', () => {
      given([withProperties])
        .when(change({ advertiserId: 'ADV-2', seats: 12, renewal: false, region: null }))
        .then([
          {
            type: 'DealPropertiesChanged',
            data: {
              dealId,
              changes: [
                { property: 'advertiserId', previous: 'ADV-1', value: 'ADV-2' },
                { property: 'renewal', previous: null, value: false },
              ],
            },
          },
        ]);
    });

    it('clears a value with null and knows it is gone afterwards', () => {
      const cleared: DealEvent = { type: 'DealPropertiesChanged', data: { dealId, changes: [{ property: 'seats', previous: 12, value: null }] } };
      given([withProperties]).when(change({ seats: null })).then([cleared]);
      given([withProperties, cleared]).when(change({ seats: null })).then([]);
    });

    it('records nothing when no value changed', () => {
      given([withProperties]).when(change({ advertiserId: 'ADV-1' })).then([]);
    });

    it('rejects a built-in field', () => {
      given([withProperties]).when(change({ name: 'Other' })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });
  });

  describe('state', () => {
    it('tracks stage and outcome through win, reopen and loss', () => {
      const reopenedThenLost: DealEvent[] = [
        created,
        ...won,
        { type: 'DealReopened', data: { dealId, pipelineId: 'default', fromStageId: 'closedwon', toStageId: 'contractsent' } },
        { type: 'DealStageChanged', data: { dealId, pipelineId: 'default', fromStageId: 'contractsent', toStageId: 'closedlost' } },
        { type: 'DealLost', data: { dealId, pipelineId: 'default', stageId: 'closedlost', reason: 'Budget' } },
      ];
      expect(fold(dealDecider, reopenedThenLost)).toMatchObject({ stageId: 'closedlost', outcome: 'lost' });
      expect(fold(dealDecider, reopenedThenLost.slice(0, 4))).toMatchObject({ stageId: 'contractsent', outcome: 'open' });
    });
  });
});
