// What each action step does: one command through the existing services, under the run's identity (actor
// `workflow:<id>@<version>`, the enrolling event as causation, the run as correlation) and ids derived from the
// step's command key, so a second attempt finds the first one's events and acts no more. An action that cannot apply
// is recorded as skipped or failed with the reason, never dropped silently. An action setting a contact's field
// names the contact's revision at the trigger (causeRevision): the decider refuses it as superseded when the field was
// decided again since, and the step is recorded as skipped, naming that later event.
import { CONTACT_PROFILE_FIELDS, LIFECYCLE_STAGES, contactDecider, contactStream, type ContactProfile, type ContactState } from '#domain/contact';
import { ownerDecider } from '#domain/owner';
import { DomainError, fold } from '#domain/shared';
import type { ProducedEvent, WorkflowTrigger } from '#domain/workflow';
import { comparePositions, formatPosition, parsePosition, type EventStore, type RecordedEvent } from '#event-store';
import { SIGNATURE_HEADER, signatureHeader } from '#webhooks';
import { renderTemplate, addBusinessDays, type ActionStep, type AssignOwnerStep, type OwnerRef } from '#workflows';
import type pg from 'pg';
import type { CommandResult } from '../command-executor.js';
import { AssociationError } from '../associations/association-error.js';
import type { CompanyService } from '../companies/company.service.js';
import type { ContactService } from '../contacts/contact.service.js';
import type { DealService } from '../deals/deal.service.js';
import type { EngagementService } from '../engagements/engagement.service.js';
import { ApplicationError } from '../errors/application-error.js';
import { idempotentIds, type IdFactory, type RequestContext } from '../request-context.js';
import type { TicketService } from '../tickets/ticket.service.js';
import type { LoadedRecord, RecordRef } from './record-state.js';

export type ActionOutcome = Readonly<{
  outcome: 'acted' | 'noChange' | 'skipped' | 'failed';
  values: Readonly<Record<string, unknown>>;
  produced: readonly ProducedEvent[];
  detail: string | null;
}>;

/** The run an action belongs to and the time its step runs at (the trigger's, or the delay's due time). */
export type ActionRun = Readonly<{
  workflowId: string;
  version: number;
  runId: string;
  record: RecordRef;
  loaded: LoadedRecord;
  trigger: WorkflowTrigger;
  stepTime: string;
  commandKey: string;
}>;

export type ActionServices = Readonly<{
  contacts: ContactService;
  companies: CompanyService;
  deals: DealService;
  engagements: EngagementService;
  tickets: TicketService;
}>;

export type ActionDeps = Readonly<{
  store: EventStore;
  pool: pg.Pool;
  services: ActionServices;
  fetch: typeof fetch;
  /** Read only to stamp a webhook's signature (receivers refuse stale ones); never to decide anything. */
  clock: () => Date;
  signingSecret?: string;
  openTaskCounts?: (ownerIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;
  /** Enrols the run's record in another workflow (the enrolInWorkflow action); answers the events it wrote. */
  enrolIn: (workflowId: string, run: ActionRun) => Promise<ActionOutcome>;
  /** Attempts per webhook before the step is recorded as failed, and the pause before each retry. */
  webhookAttempts?: number;
  webhookRetryMs?: number;
}>;

const acted = (values: Record<string, unknown>, produced: readonly ProducedEvent[], detail: string | null = null): ActionOutcome => ({
  outcome: produced.length === 0 ? 'noChange' : 'acted',
  values,
  produced,
  detail,
});
/** Acted where it could; skipped, naming the later decisions, when every target had decided the field since the trigger. */
const settled = (values: Record<string, unknown>, produced: readonly ProducedEvent[], superseded: readonly Superseded[]): ActionOutcome => {
  if (superseded.length === 0) return acted(values, produced);
  const withSuperseded = { ...values, superseded };
  return produced.length === 0 ? skipped(supersededDetail(superseded), withSuperseded) : acted(withSuperseded, produced, supersededDetail(superseded));
};
const skipped = (detail: string, values: Record<string, unknown> = {}): ActionOutcome => ({ outcome: 'skipped', values, produced: [], detail });
const failed = (detail: string, values: Record<string, unknown> = {}): ActionOutcome => ({ outcome: 'failed', values, produced: [], detail });

/** A later decision an action left alone: the event that made it, and the trigger's revision it came after. */
type Superseded = Readonly<{ contactId: string; eventId: string; eventType: string; revision: number; causeRevision: number }>;

const isSuperseded = (error: unknown): error is DomainError => error instanceof DomainError && error.details.rule === 'superseded';

const supersededDetail = (all: readonly Superseded[]): string =>
  'superseded: ' +
  all.map((s) => `${s.eventType} ${s.eventId} (contact ${s.contactId}, revision ${s.revision}) decided it after the trigger (revision ${s.causeRevision})`).join('; ');

/** Refusals of the command itself (bad value, missing record, rule): the step failed, the run goes on being explained. */
const isRefusal = (error: unknown): error is Error =>
  error instanceof DomainError || error instanceof ApplicationError || error instanceof AssociationError;

export class WorkflowActions {
  private roster: Promise<OwnerRoster> | null = null;

  constructor(private readonly deps: ActionDeps) {}

  /** Owners changed: the next team assignment reads them again. */
  forgetOwners(): void {
    this.roster = null;
  }

  async execute(step: ActionStep, run: ActionRun): Promise<ActionOutcome> {
    try {
      return await this.perform(step, run);
    } catch (error) {
      if (isRefusal(error)) return failed(error.message);
      throw error;
    }
  }

  /** After the run recorded the step: a round-robin turn is used up only once the assignment is on record. */
  async recorded(step: ActionStep, run: ActionRun, outcome: ActionOutcome): Promise<void> {
    if (step.action !== 'assignOwner' || !('roundRobin' in step.assign) || outcome.outcome !== 'acted') return;
    await this.deps.pool.query(
      `INSERT INTO workflow_round_robin (workflow_id, step_id, team, turns) VALUES ($1, $2, $3, 1)
       ON CONFLICT (workflow_id, step_id, team) DO UPDATE SET turns = workflow_round_robin.turns + 1`,
      [run.workflowId, step.id, step.assign.roundRobin.team],
    );
  }

  private context(run: ActionRun, suffix = ''): ActionContext {
    const { ids, issued } = recordingIds(idempotentIds(`${run.commandKey}${suffix}`));
    return {
      actor: `workflow:${run.workflowId}@${run.version}`,
      correlationId: run.runId,
      causationId: run.trigger.eventId,
      now: run.stepTime,
      source: 'workflow',
      ids,
      issued,
    };
  }

  /** What a command of this step wrote, named from its answer (read back only when the answer cannot tell). */
  private produced(result: CommandResult, context: ActionContext): Promise<ProducedEvent[]> {
    return producedOf(this.deps.store, result, context.issued);
  }

  private async perform(step: ActionStep, run: ActionRun): Promise<ActionOutcome> {
    const { loaded, record } = run;
    if (!loaded.exists && step.action !== 'sendWebhook' && step.action !== 'postToChat') {
      return skipped(`${record.recordType} ${record.recordId} no longer exists`);
    }
    const { services } = this.deps;
    const metadata = { now: run.stepTime };
    switch (step.action) {
      case 'createTask': {
        const ownerId = ownerOf(step.owner, run);
        if (ownerId === null) return skipped(`no owner: ${describeOwner(step.owner)} is not set`, { owner: describeOwner(step.owner) });
        const subject = renderTemplate(step.subject, loaded.state);
        const body = step.body === undefined ? undefined : renderTemplate(step.body, loaded.state);
        const missing = [...subject.missing, ...(body?.missing ?? [])];
        const dueAt = addBusinessDays(run.stepTime, step.dueInBusinessDays);
        const context = this.context(run);
        const engagementId = context.ids.next('engagement');
        const result = await services.engagements.handle(
          {
            type: 'LogEngagement',
            data: {
              engagementId,
              kind: 'task',
              ownerId,
              subject: subject.text,
              ...(body === undefined ? {} : { body: body.text }),
              dueAt,
              ...(step.priority === undefined ? {} : { priority: step.priority }),
              ...associations(record),
            },
            metadata,
          },
          context,
        );
        const values = { ownerId, subject: subject.text, dueAt, ...(missing.length > 0 ? { missing } : {}) };
        return acted(values, await this.produced(result, context), missing.length > 0 ? `template values missing: ${missing.join(', ')}` : null);
      }
      case 'setProperty':
        return this.setProperty(step.property, step.value, run);
      case 'setLifecycleStage': {
        const targets = loaded.contactIds;
        if (targets.length === 0) return skipped(`${record.recordType} ${record.recordId} has no contacts`);
        const produced: ProducedEvent[] = [];
        const values: Record<string, unknown> = { stage: step.stage, forwardOnly: step.forwardOnly };
        const superseded: Superseded[] = [];
        for (const contactId of targets) {
          const { state, causeRevision } = await this.contactAtTrigger(contactId, run.trigger);
          const from = state.status === 'active' ? state.lifecycleStage : null;
          values[contactId] = from;
          // Forward only: automation never takes a stage back (LIFECYCLE_STAGES is in funnel order).
          if (from === null || (step.forwardOnly && LIFECYCLE_STAGES.indexOf(step.stage) <= LIFECYCLE_STAGES.indexOf(from))) continue;
          const suffix = record.recordType === 'contact' ? '' : `:${contactId}`;
          const context = this.context(run, suffix);
          const command = { type: 'ChangeLifecycleStage', data: { contactId, stage: step.stage, causeRevision }, metadata } as const;
          const result = await this.unlessSuperseded(contactId, run, suffix, () => services.contacts.handle(command, context));
          if ('superseded' in result) superseded.push(result.superseded);
          else produced.push(...(await this.produced(result, context)));
        }
        return settled(values, produced, superseded);
      }
      case 'setMarketingStatus': {
        const targets = loaded.contactIds;
        if (targets.length === 0) return skipped(`${record.recordType} ${record.recordId} has no contacts`);
        const produced: ProducedEvent[] = [];
        const superseded: Superseded[] = [];
        for (const contactId of targets) {
          const suffix = record.recordType === 'contact' ? '' : `:${contactId}`;
          const context = this.context(run, suffix);
          const { causeRevision } = await this.contactAtTrigger(contactId, run.trigger);
          const data = { contactId, status: step.status, reason: step.reason, causeRevision };
          const change = () => services.contacts.handle({ type: 'ChangeMarketingStatus', data, metadata }, context);
          const result = await this.unlessSuperseded(contactId, run, suffix, change);
          if ('superseded' in result) superseded.push(result.superseded);
          else produced.push(...(await this.produced(result, context)));
        }
        return settled({ status: step.status, reason: step.reason }, produced, superseded);
      }
      case 'assignOwner':
        return this.assignOwner(step, run);
      case 'createTicket': {
        const subject = renderTemplate(step.subject, loaded.state);
        const context = this.context(run);
        const ticketId = context.ids.next('ticket');
        const result = await services.tickets.handle(
          {
            type: 'CreateTicket',
            data: {
              ticketId,
              subject: subject.text,
              pipelineId: step.pipelineId,
              ...(step.stageId === undefined ? {} : { stageId: step.stageId }),
              priority: step.priority ?? 'medium',
              ...(record.recordType === 'ticket' ? {} : associations(record)),
            },
            metadata,
          },
          context,
        );
        return acted({ ticketId, subject: subject.text, ...(subject.missing.length > 0 ? { missing: subject.missing } : {}) }, await this.produced(result, context));
      }
      case 'sendWebhook':
        return this.post(step.url, payloadOf(run), run);
      case 'postToChat': {
        const text = renderTemplate(step.text, loaded.state);
        return this.post(step.url, { text: text.text }, run, text.missing);
      }
      case 'enrolInWorkflow':
        if (step.workflowId === run.workflowId) return skipped('a workflow does not enrol a record in itself');
        return this.deps.enrolIn(step.workflowId, run);
    }
  }

  private async setProperty(property: string, value: unknown, run: ActionRun): Promise<ActionOutcome> {
    const { services } = this.deps;
    const { record } = run;
    const metadata = { now: run.stepTime };
    const context = this.context(run);
    const name = property.replace(/^(contact|company|deal|ticket)\./, '').replace(/^properties\./, '');
    const custom = { properties: { [name]: value as never } };
    const values = { property: name, value };
    switch (record.recordType) {
      case 'contact': {
        const changes = (CONTACT_PROFILE_FIELDS as readonly string[]).includes(name) ? ({ [name]: value } as Partial<ContactProfile>) : custom;
        const { causeRevision } = await this.contactAtTrigger(record.recordId, run.trigger);
        const data = { contactId: record.recordId, changes, causeRevision };
        const result = await this.unlessSuperseded(record.recordId, run, '', () => services.contacts.update({ type: 'UpdateContact', data, metadata }, context));
        if ('superseded' in result) return settled(values, [], [result.superseded]);
        return acted(values, await this.produced(result, context));
      }
      case 'company': {
        const data = COMPANY_PROFILE_FIELDS.includes(name)
          ? { companyId: record.recordId, changes: { [name]: value } }
          : { companyId: record.recordId, changes: {}, ...custom };
        const result = await services.companies.update({ type: 'UpdateCompany', data, metadata }, context);
        return acted(values, await this.produced(result, context));
      }
      case 'deal': {
        const result = await services.deals.handle({ type: 'ChangeDealProperties', data: { dealId: record.recordId, ...custom }, metadata }, context);
        return acted(values, await this.produced(result, context));
      }
      case 'ticket': {
        const result = await services.tickets.handle({ type: 'ChangeTicketProperties', data: { ticketId: record.recordId, ...custom }, metadata }, context);
        return acted(values, await this.produced(result, context));
      }
    }
  }

  private async assignOwner(step: AssignOwnerStep, run: ActionRun): Promise<ActionOutcome> {
    const chosen = await this.chooseOwner(step, run);
    if ('detail' in chosen) return chosen;
    const { ownerId, values } = chosen;
    const { services } = this.deps;
    const { record } = run;
    const metadata = { now: run.stepTime };
    const context = this.context(run);
    let result: CommandResult;
    switch (record.recordType) {
      case 'contact':
        result = await services.contacts.handle({ type: 'AssignContactOwner', data: { contactId: record.recordId, ownerId }, metadata }, context);
        break;
      case 'deal':
        result = await services.deals.handle({ type: 'AssignDealOwner', data: { dealId: record.recordId, ownerId }, metadata }, context);
        break;
      case 'ticket':
        result = await services.tickets.handle({ type: 'AssignTicketOwner', data: { ticketId: record.recordId, ownerId }, metadata }, context);
        break;
      case 'company':
        return skipped('companies have no owner');
    }
    return acted({ ...values, ownerId }, await this.produced(result, context));
  }

  private async chooseOwner(step: AssignOwnerStep, run: ActionRun): Promise<{ ownerId: string; values: Record<string, unknown> } | ActionOutcome> {
    const { assign } = step;
    if ('ownerId' in assign) return { ownerId: assign.ownerId, values: {} };
    const team = 'roundRobin' in assign ? assign.roundRobin.team : assign.leastOpenTasks.team;
    const members = (await this.owners()).filter((owner) => owner.team === team).map((owner) => owner.ownerId);
    if (members.length === 0) return skipped(`team ${team} has no owners`, { team });
    if ('roundRobin' in assign) {
      const { rows } = await this.deps.pool.query<{ turns: string }>(
        'SELECT turns::text FROM workflow_round_robin WHERE workflow_id = $1 AND step_id = $2 AND team = $3',
        [run.workflowId, step.id, team],
      );
      const turn = Number(rows[0]?.turns ?? 0);
      return { ownerId: members[turn % members.length], values: { team, turn, members: members.length } };
    }
    if (!this.deps.openTaskCounts) return failed('least open tasks needs the task read model, which this process was not given', { team });
    const counts = await this.deps.openTaskCounts(members);
    // The fewest open tasks wins; a tie goes to the earlier owner id, so the choice is the same on every replay.
    const ownerId = members.reduce((best, id) => ((counts.get(id) ?? 0) < (counts.get(best) ?? 0) ? id : best));
    return { ownerId, values: { team, openTasks: counts.get(ownerId) ?? 0 } };
  }

  /** Every owner, ordered by id: team membership decides assignments, and the order keeps them deterministic. */
  private owners(): Promise<OwnerRoster> {
    this.roster ??= (async () => {
      const byStream = new Map<string, RecordedEvent[]>();
      for await (const event of this.deps.store.readAll({ filter: { streamCategories: ['owner'] } })) {
        byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
      }
      const roster: { ownerId: string; team: string | null }[] = [];
      for (const events of byStream.values()) {
        const state = fold(ownerDecider, events.map((e) => ({ type: e.type, data: e.data }) as Parameters<typeof ownerDecider.evolve>[1]));
        if (state.status === 'active') roster.push({ ownerId: state.ownerId, team: state.profile.team });
      }
      return roster.sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
    })().catch((error: unknown) => {
      this.roster = null;
      throw error;
    });
    return this.roster;
  }

  /**
   * The contact now, and its revision when the trigger happened: its last event at or before the trigger's position
   * (-1: it did not exist yet). The same on every attempt, so a retried step decides as the first one did.
   */
  private async contactAtTrigger(contactId: string, trigger: WorkflowTrigger): Promise<{ state: ContactState; causeRevision: number }> {
    const at = parsePosition(trigger.position);
    const events: Parameters<typeof contactDecider.evolve>[1][] = [];
    let causeRevision = -1;
    for await (const event of this.deps.store.readStream(contactStream(contactId))) {
      events.push({ type: event.type, data: event.data } as (typeof events)[number]);
      if (comparePositions(event.position, at) <= 0) causeRevision = event.revision;
    }
    return { state: fold(contactDecider, events), causeRevision };
  }

  /**
   * Runs a guarded contact command; a refusal as superseded is answered with the later event that decided the field.
   * A step retried after its first attempt wrote (a crash before the run recorded it) is answered with what that
   * attempt wrote, even when a person decided the field since: a check made before the executor's could refuse it.
   */
  private async unlessSuperseded(
    contactId: string,
    run: ActionRun,
    suffix: string,
    command: () => Promise<CommandResult>,
  ): Promise<CommandResult | { superseded: Superseded }> {
    try {
      return await command();
    } catch (error) {
      if (!isSuperseded(error)) throw error;
      const stream = contactStream(contactId);
      // The id the executor gives this step's first event on the stream (see ActionContext and CommandExecutor).
      const firstId = idempotentIds(`${run.commandKey}${suffix}`).next(`event:${stream}`);
      const revision = Number(error.details.revision);
      let eventId = '';
      for await (const event of this.deps.store.readStream(stream)) {
        if (event.id === firstId) {
          return { streamName: stream, revision: event.revision, position: formatPosition(event.position), events: [{ type: event.type, data: event.data }], replayed: true };
        }
        if (event.revision === revision) eventId = event.id;
      }
      return { superseded: { contactId, eventId, eventType: String(error.details.eventType), revision, causeRevision: Number(error.details.causeRevision) } };
    }
  }

  /**
   * At least once: a 2xx is recorded as acted; a crash before the run records it sends again with the same
   * Idempotency-Key (the command key) for the receiver to drop. Failures are retried a bounded number of times.
   */
  private async post(url: string, payload: unknown, run: ActionRun, missing: readonly string[] = []): Promise<ActionOutcome> {
    const { signingSecret } = this.deps;
    if (!/^https?:\/\//i.test(url)) return failed(`${url} is not an http or https URL`, { url });
    if (signingSecret === undefined) return failed('no webhook signing secret is configured', { url });
    const body = JSON.stringify(payload);
    const attempts = this.deps.webhookAttempts ?? 3;
    let detail = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await this.deps.fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Tally-Workflows/1',
            'Idempotency-Key': run.commandKey,
            [SIGNATURE_HEADER]: signatureHeader(signingSecret, body, Math.floor(this.deps.clock().getTime() / 1000)),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        });
        await response.body?.cancel().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) {
          const values = { url, status: response.status, attempts: attempt, ...(missing.length > 0 ? { missing } : {}) };
          return { outcome: 'acted', values, produced: [], detail: `HTTP ${response.status}` };
        }
        detail = `HTTP ${response.status}`;
      } catch (error) {
        detail = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (this.deps.webhookRetryMs ?? 500) * attempt));
    }
    return failed(`${detail} after ${attempts} attempts`, { url, attempts });
  }
}

const COMPANY_PROFILE_FIELDS: readonly string[] = ['name', 'domain', 'industry', 'employees', 'country'];

type OwnerRoster = readonly Readonly<{ ownerId: string; team: string | null }>[];

const ownerOf = (ref: OwnerRef, run: ActionRun): string | null => {
  if (typeof ref === 'object') return ref.ownerId;
  const { state } = run.loaded;
  switch (ref) {
    case 'contactOwner':
      return (state.contact?.ownerId as string | null | undefined) ?? null;
    case 'dealOwner':
      return (state.deal?.ownerId as string | null | undefined) ?? null;
    case 'ticketOwner':
      return (state.ticket?.ownerId as string | null | undefined) ?? null;
    case 'recordOwner':
      return run.loaded.ownerId;
  }
};

const describeOwner = (ref: OwnerRef): string => (typeof ref === 'object' ? `owner ${ref.ownerId}` : `the ${ref}`);

/** A created task or ticket is associated with the record the run is about. */
const associations = (record: RecordRef) => {
  switch (record.recordType) {
    case 'contact':
      return { contactIds: [record.recordId] };
    case 'company':
      return { companyIds: [record.recordId] };
    case 'deal':
      return { dealIds: [record.recordId] };
    case 'ticket':
      return { ticketIds: [record.recordId] };
  }
};

/** What a workflow webhook carries: the run, the record as the run saw it, and why it was enrolled. */
const payloadOf = (run: ActionRun) => ({
  id: run.commandKey,
  type: 'workflow.action',
  workflowId: run.workflowId,
  version: run.version,
  runId: run.runId,
  record: { type: run.record.recordType, id: run.record.recordId },
  occurredAt: run.stepTime,
  trigger: run.trigger,
  state: run.loaded.state,
});

/** A context's ids as handed out, by purpose and in order. */
export type IssuedIds = ReadonlyMap<string, readonly string[]>;

type ActionContext = RequestContext & Readonly<{ issued: IssuedIds }>;

/** An id factory that remembers what it handed out. */
export const recordingIds = (inner: IdFactory): { ids: IdFactory; issued: IssuedIds } => {
  const issued = new Map<string, string[]>();
  const ids: IdFactory = {
    next: (purpose) => {
      const id = inner.next(purpose);
      const list = issued.get(purpose);
      if (list) list.push(id);
      else issued.set(purpose, [id]);
      return id;
    },
  };
  return { ids, issued };
};

/**
 * The events a command wrote, with their ids, without reading them back: the executor takes a command's event ids
 * from its context as `event:<stream>`, in order, the same ones on every attempt, so a fresh answer whose context
 * handed out exactly as many of them as it wrote events names them. An answer replayed from the log (a step taken
 * again after a crash), or any other count, is read back from the stream.
 */
export const producedOf = async (store: EventStore, result: CommandResult, issued: IssuedIds): Promise<ProducedEvent[]> => {
  if (result.events.length === 0 || result.revision < 0) return [];
  const ids = result.replayed ? undefined : issued.get(`event:${result.streamName}`);
  if (ids === undefined || ids.length !== result.events.length) return producedBy(store, result);
  return result.events.map((event, index) => ({ eventId: ids[index], type: event.type, streamName: result.streamName }));
};

/** The events a command wrote (or had written, on a replay), read back from its stream with their ids. */
export const producedBy = async (store: EventStore, result: CommandResult): Promise<ProducedEvent[]> => {
  if (result.events.length === 0 || result.revision < 0) return [];
  const fromRevision = result.revision - result.events.length + 1;
  const produced: ProducedEvent[] = [];
  for await (const event of store.readStream(result.streamName, { fromRevision, maxCount: result.events.length })) {
    produced.push({ eventId: event.id, type: event.type, streamName: event.streamName });
  }
  return produced;
};
