// A small sales history for the console's browser specs, written through the public API (deals in the default
// pipeline), plus one deal created 40 days ago through the store (the api stamps now on what it writes), which has
// sat in "Appointment Scheduled" past its 14 stuck days.
import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { dealCreatedData, newEvent } from '#test/support/events';
import { appendEvents } from '#test/support/read-model-requests';
import type { TestApp } from '#test/support/test-app';

export const PIPELINE = 'default';
const DAY = 86_400_000;

export type SeededDeal = Readonly<{ dealId: string; name: string; stageId: string; amount: string; currency: string }>;
export type SeededBoard = Readonly<{ deals: SeededDeal[]; stuck: SeededDeal; position: string }>;

const monthAhead = (months: number): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15)).toISOString().slice(0, 10);
};

type SuiteApp = Omit<TestApp, 'close'>;

export const seedBoard = async (t: SuiteApp): Promise<SeededBoard> => {
  const specs: Array<Omit<SeededDeal, 'dealId'> & { closeDate: string }> = [
    { name: 'Acme renewal', stageId: 'appointmentscheduled', amount: '1000.10', currency: 'EUR', closeDate: monthAhead(1) },
    { name: 'Globex pilot', stageId: 'appointmentscheduled', amount: '2500.00', currency: 'EUR', closeDate: monthAhead(2) },
    { name: 'Initech seats', stageId: 'appointmentscheduled', amount: '700.55', currency: 'USD', closeDate: monthAhead(1) },
    { name: 'Umbrella upgrade', stageId: 'qualifiedtobuy', amount: '4000.00', currency: 'EUR', closeDate: monthAhead(2) },
    { name: 'Hooli platform', stageId: 'presentationscheduled', amount: '12000.00', currency: 'USD', closeDate: monthAhead(3) },
    { name: 'Stark licences', stageId: 'contractsent', amount: '900.00', currency: 'EUR', closeDate: monthAhead(1) },
  ];
  const deals: SeededDeal[] = [];
  let position = '0';
  for (const spec of specs) {
    const { body, headers } = await t
      .http()
      .post('/v1/deals')
      .send({ name: spec.name, pipelineId: PIPELINE, stageId: spec.stageId, amount: spec.amount, currency: spec.currency, closeDate: spec.closeDate })
      .expect(201);
    deals.push({ dealId: body.id, name: spec.name, stageId: spec.stageId, amount: spec.amount, currency: spec.currency });
    position = headers['x-tally-position'] ?? body.position ?? position;
  }
  // Won and lost deals give the forecast a won month and the pipeline a win rate.
  for (const [name, stageId] of [['Wayne deal', 'closedwon'], ['Tyrell deal', 'closedlost']] as const) {
    const { body } = await t.http().post('/v1/deals').send({ name, pipelineId: PIPELINE, amount: '300.00', currency: 'EUR', closeDate: monthAhead(0) }).expect(201);
    const moved = await t.http().put(`/v1/deals/${body.id}/stage`).send({ stageId, ...(stageId === 'closedlost' ? { lostReason: 'budget' } : {}) }).expect(200);
    position = moved.headers['x-tally-position'] ?? moved.body.position ?? position;
  }
  const dealId = randomUUID();
  const stuck: SeededDeal = { dealId, name: 'Soylent (stale)', stageId: 'appointmentscheduled', amount: '50.00', currency: 'EUR' };
  position = await appendEvents(t, `deal-${dealId}`, [
    newEvent(
      'DealCreated',
      dealCreatedData(dealId, { pipelineId: PIPELINE, stageId: stuck.stageId, name: stuck.name, amount: stuck.amount, currency: stuck.currency, closeDate: monthAhead(1) }),
      { schemaVersion: eventCatalog.schemaVersionOf('DealCreated'), occurredAt: new Date(Date.now() - 40 * DAY).toISOString() },
    ),
  ]);
  return { deals: [...deals, stuck], stuck, position };
};
