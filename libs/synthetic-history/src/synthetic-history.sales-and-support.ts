// What reps plan around a contact: outreach engagements, a deal through the pipeline, and support tickets once it is
// a customer. Every draw comes from the contact's own generator, so reordering one changes the history from there on.
import type { LifecycleStage } from '#domain/contact';
import { dealDecider, dealStream, type BillingPeriod, type DealCommand, type DealEvent, type DealState } from '#domain/deal';
import {
  engagementDecider,
  engagementStream,
  type EngagementCommand,
  type EngagementEvent,
  type EngagementKind,
  type EngagementState,
  type LogEngagement,
} from '#domain/engagement';
import { ticketDecider, ticketStream, type TicketCommand, type TicketEvent, type TicketState } from '#domain/ticket';
import type { Prng } from './prng.js';
import { Aggregate, calendarDate, iso, type Step, type StreamLog } from './synthetic-history.recorder.js';
import {
  CALL_OUTCOMES,
  DAY,
  HOUR,
  LOSS_STAGE_WEIGHTS,
  LOST_REASONS,
  LOST_STAGE,
  MEETING_OUTCOMES,
  MINUTE,
  OPEN_DEAL_STAGES,
  OUTREACH_KINDS,
  PLANS,
  PRIORITIES,
  renewalRate,
  STAGE_MEDIAN_DAYS,
  TICKET_CLOSED,
  TICKET_SUBJECTS,
  TICKET_WAITING_ON_CONTACT,
  TICKET_WAITING_ON_US,
  WON_STAGE,
  winProbability,
  type Country,
} from './synthetic-history.vocabulary.js';
import { ownerActor, type Company, type Rep, type World } from './synthetic-history.world.js';

type Associations = Readonly<{ contactIds?: readonly string[]; companyIds?: readonly string[]; dealIds?: readonly string[]; ticketIds?: readonly string[] }>;

/** What the planning below reads from the contact whose life it is part of (ContactLife implements it). */
export type ContactLifeContext = Readonly<{
  rng: Prng;
  log: StreamLog;
  world: World;
  contactId: string;
  firstName: string;
  lastName: string;
  country: Country;
  companyIndex: number | null;
  company: Company | null;
  views: readonly Readonly<{ at: number; pricing: boolean }>[];
  owners: readonly Readonly<{ at: number; rep: Rep }>[];
  at(at: number, actor: string, run: (step: Step) => void): void;
  ownerAt(at: number): Rep | null;
  advanceLifecycle(stage: LifecycleStage, step: Step): void;
}>;

export function planOutreach(life: ContactLifeContext, demoAt: number | null): void {
  const rng = life.rng;
  const first = life.owners[0];
  if (first === undefined) return;
  const touches = demoAt !== null ? rng.int(2, 4) : rng.chance(0.3) ? 1 + rng.geometric(0.5, 3) : 0;
  let at = first.at;
  for (let i = 0; i < touches; i++) {
    at += rng.days(1.5, 0.8);
    const rep = life.ownerAt(at) ?? first.rep;
    planEngagement(life, at, rep, rng.weighted(OUTREACH_KINDS), { contactIds: [life.contactId], companyIds: life.company ? [life.company.companyId] : [] });
  }
}

function planEngagement(life: ContactLifeContext, at: number, rep: Rep, kind: EngagementKind, associations: Associations, subject?: string): void {
  const rng = life.rng;
  const engagementId = rng.uuid();
  const details: Partial<LogEngagement['data']> =
    kind === 'call'
      ? { subject: `Call with ${life.firstName}`, durationMinutes: Math.round(rng.lognormal(6, 0.8)), outcome: rng.weighted(CALL_OUTCOMES) }
      : kind === 'meeting'
        ? { subject: `Meeting with ${life.firstName} ${life.lastName}`, durationMinutes: rng.pick([30, 45, 60]), outcome: rng.weighted(MEETING_OUTCOMES) }
        : kind === 'task'
          ? { subject: `Follow up with ${life.firstName} ${life.lastName}`, dueAt: iso(at + rng.int(1, 5) * DAY) }
          : kind === 'email'
            ? { subject: subject ?? rng.pick(['Quick question', 'Following up', 'Northpeak overview', 'Next steps']), body: 'Sent from the CRM.' }
            : { body: rng.pick(['Interested, budget unclear.', 'Uses spreadsheets today.', 'Asked about SSO.', 'Evaluating two vendors.']) };
  const engagement = new Aggregate<EngagementCommand, EngagementEvent, EngagementState>(engagementDecider, engagementStream(engagementId), life.log);
  life.at(at, ownerActor(rep), (step) =>
    engagement.handle({ type: 'LogEngagement', data: { ...details, ...associations, engagementId, kind, ownerId: rep.ownerId }, metadata: step.metadata }, step),
  );
  if (kind === 'task' && rng.chance(0.7)) {
    life.at(at + rng.days(1, 0.8), ownerActor(rep), (step) =>
      engagement.handle({ type: 'CompleteTask', data: { engagementId, completedBy: rep.ownerId }, metadata: step.metadata }, step),
    );
  }
}

export function planDeal(life: ContactLifeContext, createdAt: number, hadDemo: boolean): void {
  const rng = life.rng;
  const world = life.world;
  const pipeline = world.dealPipeline;
  const rep = life.ownerAt(createdAt);
  if (rep === null) return;
  const dealId = rng.uuid();
  const deal = new Aggregate<DealCommand, DealEvent, DealState>(dealDecider, dealStream(dealId), life.log);
  const actor = ownerActor(rep);
  const pricingViews = life.views.filter((view) => view.pricing && view.at < createdAt).length;
  const won = rng.chance(winProbability(hadDemo, pricingViews));
  const plan = rng.weighted(PLANS);
  const sizeFactor = life.company === null ? 0.5 : Math.min(4, Math.max(0.5, Math.sqrt(life.company.employees / 60)));
  const amount = roundTo50(rng.lognormal(plan.medianAmount * sizeFactor, 0.4));
  const currency = life.country.currency;
  const contractTermMonths = rng.weighted(plan.terms);
  // A subscription's amount is the contract's value over its term; the plan's median is a year's worth.
  const recurring = plan.billingPeriod !== null;
  const dealAmount = recurring ? roundTo50((amount * contractTermMonths) / 12) : amount;
  const companyIds = life.company ? [life.company.companyId] : [];
  const name = `${life.company?.name ?? `${life.firstName} ${life.lastName}`} - ${plan.name}`;
  const contract: Contract | null =
    plan.billingPeriod === null
      ? null
      : {
          dealId, name, currency, billingPeriod: plan.billingPeriod, contactIds: [life.contactId], companyId: life.company?.companyId, amount: dealAmount,
          contractTermMonths,
        };

  life.at(createdAt, actor, (step) => {
    deal.handle(
      {
        type: 'CreateDeal',
        data: {
          dealId,
          name,
          pipeline,
          amount: String(dealAmount),
          currency,
          ...(recurring ? { revenueType: 'recurring' as const, billingPeriod: plan.billingPeriod } : {}),
          contractTermMonths,
          closeDate: calendarDate(createdAt + rng.days(40, 0.4)),
          ownerId: rep.ownerId,
          contactIds: [life.contactId],
          companyId: life.company?.companyId,
        },
        metadata: step.metadata,
      },
      step,
    );
    life.advanceLifecycle('opportunity', step);
  });
  const colleague = life.companyIndex === null ? undefined : world.colleagues.get(life.companyIndex);
  const associatedAt = createdAt + rng.days(2, 0.8);
  // Contacts are simulated in index order, not time order: the colleague must already exist at that moment.
  if (colleague !== undefined && colleague.createdAt < associatedAt && rng.chance(0.15)) {
    life.at(associatedAt, actor, (step) =>
      deal.handle({ type: 'AssociateDealContact', data: { dealId, contactId: colleague.contactId }, metadata: step.metadata }, step),
    );
  }

  const associations = { contactIds: [life.contactId], companyIds, dealIds: [dealId] };
  const moveTo = (at: number, stageId: string, lostReason?: string) =>
    life.at(at, actor, (step) => {
      const state = deal.state;
      // Reps push the expected close date when a deal runs late.
      if (state !== null && Date.parse(`${state.closeDate}T23:59:59Z`) < at && stageId !== WON_STAGE && stageId !== LOST_STAGE && rng.chance(0.6)) {
        deal.handle({ type: 'ChangeDealCloseDate', data: { dealId, closeDate: calendarDate(at + rng.days(21, 0.4)) }, metadata: step.metadata }, step);
      }
      deal.handle({ type: 'MoveDealToStage', data: { dealId, stageId, pipeline, lostReason }, metadata: step.metadata }, step);
      if (stageId === WON_STAGE || stageId === LOST_STAGE) {
        deal.handle({ type: 'ChangeDealCloseDate', data: { dealId, closeDate: calendarDate(at) }, metadata: step.metadata }, step);
      }
      if (stageId === WON_STAGE) life.advanceLifecycle('customer', step);
    });

  // One attempt through the open stages, from stage index `from`; returns when it closed.
  const attempt = (from: number, startAt: number, wins: boolean): number => {
    const last = wins ? OPEN_DEAL_STAGES.length - 1 : Math.max(from, rng.weighted(LOSS_STAGE_WEIGHTS));
    let at = startAt;
    let stage = from;
    for (;;) {
      at += rng.days(STAGE_MEDIAN_DAYS[stage], 0.7);
      if (rng.chance(0.6)) {
        const kind = stage >= 2 ? 'meeting' : rng.chance(0.5) ? 'call' : 'email';
        planEngagement(life, at - rng.int(1, 8) * HOUR, rep, kind, associations);
      }
      if (stage >= last) break;
      // Some deals skip a stage.
      const next = stage + 1 < last && rng.chance(0.12) ? stage + 2 : stage + 1;
      if (next === 2 && rng.chance(0.25)) {
        life.at(at + rng.int(1, 4) * HOUR, actor, (step) =>
          deal.handle(
            { type: 'ChangeDealAmount', data: { dealId, amount: String(roundTo50(dealAmount * rng.between(0.75, 1.3))), currency }, metadata: step.metadata },
            step,
          ),
        );
      }
      moveTo(at, OPEN_DEAL_STAGES[next]);
      stage = next;
    }
    moveTo(at, wins ? WON_STAGE : LOST_STAGE, wins ? undefined : rng.weighted(LOST_REASONS));
    return at;
  };

  const closedAt = attempt(0, createdAt, won);
  if (!won && rng.chance(0.1)) {
    // A lost deal comes back to life.
    const reopenedAt = closedAt + rng.days(25, 0.5);
    life.at(reopenedAt, actor, (step) =>
      deal.handle({ type: 'ReopenDeal', data: { dealId, stageId: OPEN_DEAL_STAGES[1], pipeline }, metadata: step.metadata }, step),
    );
    const wonAgain = rng.chance(winProbability(hadDemo, pricingViews) * 0.7);
    const finalAt = attempt(1, reopenedAt, wonAgain);
    if (wonAgain) planCustomer(life, finalAt, dealId, rep);
    if (wonAgain && contract !== null) planRenewals(life, contract, finalAt, rep);
    return;
  }
  if (won && rng.chance(0.03)) {
    // Marked won too early: reopened to fix the paperwork, then won again.
    const reopenedAt = closedAt + rng.days(1, 0.5);
    life.at(reopenedAt, actor, (step) =>
      deal.handle({ type: 'ReopenDeal', data: { dealId, stageId: OPEN_DEAL_STAGES[4], pipeline }, metadata: step.metadata }, step),
    );
    moveTo(reopenedAt + rng.days(3, 0.5), WON_STAGE);
  }
  if (won) planCustomer(life, closedAt, dealId, rep);
  if (won && contract !== null) planRenewals(life, contract, closedAt, rep);
}

const roundTo50 = (amount: number): number => Math.max(50, Math.round(amount / 50) * 50);

/** The first day of the month `months` after the month of `at` (UTC), in ms. */
const monthsAfter = (at: number, months: number): number => {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
};

/** A recurring contract as the generator made it: what its renewal starts from. */
type Contract = Readonly<{
  dealId: string;
  name: string;
  currency: string;
  billingPeriod: BillingPeriod;
  contactIds: readonly string[];
  companyId: string | undefined;
  /** The generated value over the term, a whole multiple of 50 (a draw, not a stored amount). */
  amount: number;
  contractTermMonths: number;
}>;

/**
 * A won recurring contract runs from the month it was won for its term; near the end the owner opens a renewal (a
 * new recurring deal that renews it, its yearly value moved a little up or down). Most are won within the term's
 * last month and are renewed in turn; a lost one lets the contract churn.
 */
function planRenewals(life: ContactLifeContext, first: Contract, wonAt: number, rep: Rep): void {
  const rng = life.rng;
  const pipeline = life.world.dealPipeline;
  let contract = first;
  let from = wonAt;
  for (let round = 1; round <= 36; round++) {
    // The first month after the term: the contract churns then unless renewed.
    const endsAt = monthsAfter(from, contract.contractTermMonths);
    // Opened some weeks before the term ends (a month-to-month contract: the day after it was won).
    const openedAt = Math.max(from + DAY, endsAt - rng.int(20, 50) * DAY);
    if (openedAt >= endsAt || openedAt > life.world.end) return;
    const closesAt = Math.max(openedAt + HOUR, endsAt - rng.int(1, 15) * DAY);
    // Customers renew on the term they had.
    const { contractTermMonths } = contract;
    const yearly = (contract.amount * 12) / contractTermMonths;
    const renewal: Contract = {
      ...contract,
      dealId: rng.uuid(),
      name: `${first.name} (renewal ${round})`,
      // Repriced at some renewals (a month-to-month price rarely changes): the expansion or contraction MRR shows.
      amount: roundTo50((yearly * (rng.chance(contractTermMonths === 1 ? 0.1 : 0.6) ? rng.between(0.9, 1.3) : 1) * contractTermMonths) / 12),
      contractTermMonths,
    };
    const wins = rng.chance(renewalRate(contractTermMonths));
    const lostReason = wins ? undefined : rng.weighted(LOST_REASONS);
    const deal = new Aggregate<DealCommand, DealEvent, DealState>(dealDecider, dealStream(renewal.dealId), life.log);
    const owner = life.ownerAt(openedAt) ?? rep;
    const renewsDealId = contract.dealId;
    life.at(openedAt, ownerActor(owner), (step) =>
      deal.handle(
        {
          type: 'CreateDeal',
          data: {
            dealId: renewal.dealId,
            name: renewal.name,
            pipeline,
            stageId: OPEN_DEAL_STAGES[OPEN_DEAL_STAGES.length - 1],
            amount: String(renewal.amount),
            currency: renewal.currency,
            revenueType: 'recurring',
            billingPeriod: renewal.billingPeriod,
            contractTermMonths,
            closeDate: calendarDate(endsAt - DAY),
            ownerId: owner.ownerId,
            contactIds: renewal.contactIds,
            companyId: renewal.companyId,
            renewsDealId,
          },
          metadata: step.metadata,
        },
        step,
      ),
    );
    life.at(closesAt, ownerActor(owner), (step) =>
      deal.handle(
        { type: 'MoveDealToStage', data: { dealId: renewal.dealId, stageId: wins ? WON_STAGE : LOST_STAGE, pipeline, lostReason }, metadata: step.metadata },
        step,
      ),
    );
    if (!wins) return;
    contract = renewal;
    from = closesAt;
  }
}

function planCustomer(life: ContactLifeContext, wonAt: number, dealId: string, rep: Rep): void {
  const rng = life.rng;
  if (rng.chance(0.1)) life.at(wonAt + rng.days(60, 0.5), ownerActor(rep), (step) => life.advanceLifecycle('evangelist', step));
  if (!rng.chance(0.45)) return;
  let at = wonAt;
  const tickets = 1 + rng.geometric(0.55, 6);
  for (let i = 0; i < tickets; i++) {
    at += rng.days(30, 0.9);
    planTicket(life, at, dealId);
  }
}

export function planTicket(life: ContactLifeContext, createdAt: number, dealId: string | null): void {
  const rng = life.rng;
  const pipeline = life.world.ticketPipeline;
  const ticketId = rng.uuid();
  const ticket = new Aggregate<TicketCommand, TicketEvent, TicketState>(ticketDecider, ticketStream(ticketId), life.log);
  const agent = rng.pick(life.world.service);
  const agentActor = ownerActor(agent);
  const assignedOnArrival = rng.chance(0.6);
  const subject = rng.pick(TICKET_SUBJECTS);
  life.at(createdAt, 'support-inbox', (step) =>
    ticket.handle(
      {
        type: 'CreateTicket',
        data: {
          ticketId,
          subject,
          pipeline,
          priority: rng.weighted(PRIORITIES),
          ownerId: assignedOnArrival ? agent.ownerId : undefined,
          contactIds: [life.contactId],
          dealIds: dealId === null ? [] : [dealId],
        },
        metadata: step.metadata,
      },
      step,
    ),
  );
  let at = createdAt;
  if (!assignedOnArrival) {
    at += rng.days(0.05, 1);
    life.at(at, agentActor, (step) => ticket.handle({ type: 'AssignTicketOwner', data: { ticketId, ownerId: agent.ownerId }, metadata: step.metadata }, step));
  }
  const move = (stageId: string, medianDays: number) => {
    at += rng.days(medianDays, 0.9);
    life.at(at, agentActor, (step) => ticket.handle({ type: 'MoveTicketToStage', data: { ticketId, stageId, pipeline }, metadata: step.metadata }, step));
  };
  if (rng.chance(0.1)) {
    const escalatedAt = at + rng.days(0.1, 1);
    life.at(escalatedAt, agentActor, (step) => ticket.handle({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'urgent' }, metadata: step.metadata }, step));
    at = escalatedAt;
  }
  move(TICKET_WAITING_ON_US, 0.1);
  if (rng.chance(0.5)) planEngagement(life, at + rng.int(5, 60) * MINUTE, agent, 'email', { contactIds: [life.contactId], ticketIds: [ticketId] }, `Re: ${subject}`);
  if (rng.chance(0.6)) move(TICKET_WAITING_ON_CONTACT, 0.3);
  if (rng.chance(0.3)) move(TICKET_WAITING_ON_US, 1);
  move(TICKET_CLOSED, 1.5);
  if (rng.chance(0.08)) {
    move(TICKET_WAITING_ON_US, 3);
    move(TICKET_CLOSED, 1);
  }
}
