// The process manager host: reads the log in order from its own checkpoint under the `workflow-runner` lease, and
// for every event asks each workflow active at that point whether it enrols the event's record; the lead score's
// qualification changes join the log in position order as the virtual LeadScoreQualificationChanged. Per event the
// order is act -> record the run -> (later) move the checkpoint, so a crash anywhere re-processes events whose
// actions find their own events stored and whose runs find their enrolment recorded: nothing is lost or doubled.
// Order matters per record: a page's judgments are grouped by record (and by workflow where a step shares state
// across records, such as a round-robin turn), each group in log order, and several groups are judged at once;
// definition and owner events are barriers that everything before them is judged ahead of.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import { comparePositions, formatPosition, parsePosition, streamCategory, type EventStore, type Position, type RecordedEvent } from '#event-store';
import { inTransaction, isConnectionError, LeaseLost, Leases, migrate, sleepUnlessAborted, type KeptLease, type LeaseGrant, type Migration } from '#postgres';
import { DomainError } from '#domain/shared';
import { workflowRunStream } from '#domain/workflow';
import { QUALIFICATION_CHANGED, recordOf, triggerMatches, type Step, type TriggerEvent } from '#workflows';
import { ApplicationError } from '../errors/application-error.js';
import type { LeadScoreQualificationChange, LeadScoreReadModel } from '../scoring/lead-score-read-model.js';
import type { LoadedRecord, RecordRef, RecordStates } from './record-state.js';
import type { PageReads } from './workflow-page-reads.js';
import { parkedKey, type ParkedKind, type ParkedWorkflowEvent, type WorkflowParking } from './workflow-parking.js';
import { recordOfStream, scheduleChange, scheduleTriggerOf, type WorkflowSchedules } from './workflow-schedules.js';
import { WORKFLOW_CATEGORY, WorkflowRegistry, type ActiveWorkflow } from './workflow-registry.js';
import { readModelNotBuiltYet, type ReadCache, type WorkflowRuns } from './workflow-runs.js';
import type { WorkflowActions } from './workflow-actions.js';

export const WORKFLOW_RUNNER_LEASE = 'workflow-runner';
const CHECKPOINT = 'workflow-runner';

export const workflowRunnerMigrations: readonly Migration[] = [
  {
    id: '0001-workflow-runner-checkpoints',
    sql: `
-- How far the runner has judged the log (exclusive start of its next read; NULL: from the beginning).
CREATE TABLE workflow_runner_checkpoints (
  name text PRIMARY KEY,
  position text,
  updated_at timestamptz NOT NULL DEFAULT now()
);`,
  },
  {
    id: '0002-workflow-round-robin',
    sql: `
-- Whose turn it is in each round-robin assignment step: advanced once per assignment the step recorded.
CREATE TABLE workflow_round_robin (
  workflow_id text NOT NULL,
  step_id text NOT NULL,
  team text NOT NULL,
  turns bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (workflow_id, step_id, team)
);`,
  },
  {
    id: '0003-workflow-schedules',
    sql: `
-- Schedule triggers: when each record enrols in each schedule workflow, kept by the runner from the log (rebuildable:
-- re-reading it leaves the same rows); enrolled is set by the timers once the date's enrolment is recorded.
CREATE TABLE workflow_schedules (
  workflow_id text NOT NULL,
  record_type text NOT NULL,
  record_id text NOT NULL,
  date_value text NOT NULL,
  due_at timestamptz NOT NULL,
  trigger_id text NOT NULL,
  position text NOT NULL,
  stream_name text NOT NULL,
  enrolled boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workflow_id, record_type, record_id)
);
CREATE INDEX workflow_schedules_due ON workflow_schedules (due_at) WHERE NOT enrolled;`,
  },
  {
    id: '0004-workflow-parked-events',
    sql: `
-- Poison events: (workflow, event) pairs the runner gave up on after its attempts, for an operator to retry or skip.
CREATE TABLE workflow_parked_events (
  workflow_id text NOT NULL,
  event_id text NOT NULL,
  kind text NOT NULL,
  version int NOT NULL,
  trigger jsonb NOT NULL,
  position text NOT NULL,
  position_commit bigint NOT NULL,
  event_type text NOT NULL,
  error text NOT NULL,
  attempts int NOT NULL,
  status text NOT NULL,
  parked_at timestamptz NOT NULL DEFAULT now(),
  resolved_by text,
  resolved_at timestamptz,
  reason text,
  PRIMARY KEY (workflow_id, event_id, kind)
);`,
  },
];

export type WorkflowRunnerOptions = Readonly<{
  pollIntervalMs?: number;
  leaseTtlMs?: number;
  batchSize?: number;
  holder?: string;
  logger?: (message: string) => void;
  info?: (message: string) => void;
  /** Attempts at judging one event for one workflow before it is parked, and the pause before the first retry (doubling). */
  parkAfterAttempts?: number;
  retryBackoffMs?: number;
  /** Groups of a page (records, see above) judged at once. */
  concurrency?: number;
}>;

const sleep = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

const explain = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A log event as triggers see it. */
export const triggerOf = (event: RecordedEvent): TriggerEvent => ({
  id: event.id,
  type: event.type,
  streamName: event.streamName,
  position: formatPosition(event.position),
  occurredAt: event.metadata.occurredAt,
  data: (event.data ?? {}) as Readonly<Record<string, unknown>>,
});

/** A qualification change as the virtual event LeadScoreQualificationChanged (never stored in the log). */
export const qualificationTrigger = (change: LeadScoreQualificationChange): TriggerEvent => ({
  id: `qualification:${change.formulaId}:${change.eventId}:${change.contactId}`,
  type: QUALIFICATION_CHANGED,
  streamName: `contact-${change.contactId}`,
  position: change.position,
  occurredAt: change.occurredAt,
  data: { contactId: change.contactId, previous: change.previous, qualification: change.qualification, formulaId: change.formulaId, total: change.total },
});

const QUALIFICATION_PAGE = 1_000;

/**
 * Every qualification change in (after, upTo], in (position, contact) order, with the lead-score build's position
 * when they were read (null: no build). Paged by position: a full page may cut its last position's rows short, so
 * that position is read again on the next page.
 */
export const qualificationChangesBetween = async (
  leadScores: LeadScoreReadModel,
  after: string | null,
  upTo: string,
): Promise<{ position: string | null; data: LeadScoreQualificationChange[] }> => {
  const data: LeadScoreQualificationChange[] = [];
  for (let from = after; ; ) {
    const page = await leadScores.qualificationChanges(from, upTo, QUALIFICATION_PAGE);
    if (page.data.length < QUALIFICATION_PAGE) return { position: page.position, data: [...data, ...page.data] };
    const lastPosition = page.data[page.data.length - 1].position;
    const whole = page.data.filter((change) => change.position !== lastPosition);
    if (whole.length === 0) throw new Error(`more than ${QUALIFICATION_PAGE} qualification changes at position ${lastPosition}`);
    data.push(...whole);
    from = whole[whole.length - 1].position;
  }
};

/** Whether a workflow's trigger can be this event at all (before the record is read). */
const listensTo = (workflow: ActiveWorkflow, type: string): boolean => {
  const { trigger } = workflow.definition;
  return trigger.kind === 'event' ? trigger.event === type : trigger.kind === 'qualification' && type === QUALIFICATION_CHANGED;
};

/**
 * Whether an error says the event (or the code judging it) is at fault whatever the system's health: a refusal, a
 * programming error, or data the database refuses (SQLSTATE classes 22 and 23). Anything else may be the system's.
 */
const eventAtFault = (error: unknown): boolean => {
  if (error instanceof DomainError || error instanceof ApplicationError) return true;
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError || error instanceof ReferenceError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
};

type PendingPark = Parameters<WorkflowParking['park']>[0];

/** Where a schedule row's date was set: an event of the record's stream (or, for enrolExisting, the activation). */
type DateSource = Pick<RecordedEvent, 'position' | 'streamName' | 'metadata'>;

/**
 * The loop rule: what a workflow's own actions write never enrols a record in that same workflow (any version), so
 * a workflow cannot feed itself. Other workflows may react to it; cycles between workflows are held by their
 * re-enrolment policies (default 'never').
 */
const writtenBy = (event: RecordedEvent | null, workflowId: string): boolean => event?.metadata.actor.startsWith(`workflow:${workflowId}@`) ?? false;

/** One judgment of a page: a trigger for one workflow, or an event's schedule rows; `keys` say what it is ordered with. */
type Work =
  | Readonly<{ kind: 'enrol'; workflow: ActiveWorkflow; trigger: TriggerEvent; record: RecordRef; keys: readonly string[] }>
  | Readonly<{ kind: 'schedule'; event: RecordedEvent; record: RecordRef; workflows: readonly ActiveWorkflow[]; keys: readonly string[] }>;

const recordKey = (record: RecordRef): string => `${record.recordType}-${record.recordId}`;

/**
 * The work in groups that share a key (transitively), each in log order, the groups in order of their first work:
 * what shares a key is judged one after the other, the groups side by side.
 */
export const groupWork = <W extends Readonly<{ keys: readonly string[] }>>(work: readonly W[]): W[][] => {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let top = key;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    // Path compression: the next look-up of any key on the way is one step.
    for (let at = key; at !== top; ) {
      const up = parent.get(at)!;
      parent.set(at, top);
      at = up;
    }
    return top;
  };
  for (const { keys } of work) for (const key of keys) parent.set(root(key), root(keys[0]));
  const groups = new Map<string, W[]>();
  for (const item of work) {
    const top = root(item.keys[0]);
    const group = groups.get(top);
    if (group) group.push(item);
    else groups.set(top, [item]);
  }
  return [...groups.values()];
};

const actionsOf = (steps: readonly Step[]): Step[] => steps.flatMap((step) => (step.kind === 'branch' ? actionsOf([...step.then, ...step.else]) : [step]));

export class WorkflowRunner {
  readonly holder: string;
  private readonly leases: Leases;
  private readonly registry = new WorkflowRegistry();
  private readonly settings: Required<Omit<WorkflowRunnerOptions, 'holder'>>;
  /** Pairs parked before (read at each new lease): one that succeeds on a re-read is marked retried. */
  private parked = new Set<string>();
  /** This page's judgments: whether one succeeded, and the pairs that failed with an error that may be the system's. */
  private page: { succeeded: boolean; pending: PendingPark[] } = { succeeded: false, pending: [] };
  private lease: KeptLease | null = null;
  private stopping = new AbortController();
  private wake: AbortController | null = null;
  private poked = false;
  private loop: Promise<void> | null = null;
  /** The checkpoint this process last stored or read; null before the first. */
  private position: Position | null = null;
  private readonly waiters = new Set<{ target: Position; resolve: () => void }>();

  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
    private readonly runs: WorkflowRuns,
    private readonly records: RecordStates,
    private readonly actions: WorkflowActions,
    private readonly leadScores: LeadScoreReadModel,
    private readonly schedules: WorkflowSchedules,
    private readonly parking: WorkflowParking,
    /** The runner's page reads, which `runs` and `records` read through (null: they read the store). */
    private readonly reads: (ReadCache & Pick<PageReads, 'begin' | 'end'>) | null = null,
    options: WorkflowRunnerOptions = {},
  ) {
    this.holder = options.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      leaseTtlMs: options.leaseTtlMs ?? 8_000,
      batchSize: options.batchSize ?? 500,
      logger: options.logger ?? (() => undefined),
      info: options.info ?? options.logger ?? (() => undefined),
      parkAfterAttempts: Math.max(1, options.parkAfterAttempts ?? 5),
      retryBackoffMs: options.retryBackoffMs ?? 200,
      concurrency: Math.max(1, options.concurrency ?? 8),
    };
    this.leases = new Leases(pool, this.settings.leaseTtlMs);
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await Leases.migrate(pool);
    await migrate(pool, 'workflow_runner_migrations', workflowRunnerMigrations);
  }

  async start(): Promise<void> {
    await WorkflowRunner.migrate(this.pool);
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake?.abort();
    await this.loop;
    this.loop = null;
  }

  /** Something was appended in this process: look now rather than at the next poll. */
  poke(): void {
    // Remembered while a page is being judged, so the append it did not see is read without waiting a poll.
    this.poked = true;
    this.wake?.abort();
  }

  /** Resolves once the runner has judged the log up to `position` (default: the head now). */
  async caughtUp(position?: string): Promise<void> {
    const target = position === undefined ? await this.store.headPosition() : parsePosition(position);
    if (target === null) return;
    await new Promise<void>((resolve) => {
      const waiter = { target, resolve };
      this.waiters.add(waiter);
      void this.settle();
      this.poke();
    });
  }

  /** Moves the stored checkpoint back (to re-process history); the runner picks it up at its next lease. */
  static async resetCheckpoint(pool: pg.Pool, position: string | null): Promise<void> {
    await pool.query(
      `INSERT INTO workflow_runner_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [CHECKPOINT, position],
    );
  }

  private async run(): Promise<void> {
    let failures = 0;
    try {
      while (!this.stopping.signal.aborted) {
        try {
          const grant = await this.leased();
          if (!grant) {
            // Another process runs the workflows; look again in case it dies. Waiters read its checkpoint.
            await this.settle();
            await this.idle(Math.max(this.settings.pollIntervalMs, this.settings.leaseTtlMs / 8));
            continue;
          }
          const more = await this.step(grant);
          failures = 0;
          if (!more) await this.idle(this.settings.pollIntervalMs);
        } catch (error) {
          if (this.stopping.signal.aborted) return;
          // Lost the lease, or the database failed: nothing after the stored checkpoint counts; start again from it.
          await this.dropLease();
          if (!(error instanceof LeaseLost)) {
            failures++;
            // On a fresh start the read models' first builds are still being created: say so once, plainly, then wait.
            if (!readModelNotBuiltYet(error)) this.settings.logger(`workflow runner: ${explain(error)}`);
            else if (failures === 1) this.settings.info(`workflow runner: waiting for the first build of the read models it reads (${explain(error)})`);
            await sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)), this.stopping.signal);
          }
        }
      }
    } finally {
      await this.dropLease();
    }
  }

  private async idle(ms: number): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return;
    }
    this.wake = new AbortController();
    await sleepUnlessAborted(ms, this.stopping.signal, this.wake.signal);
    this.wake = null;
  }

  private async dropLease(): Promise<void> {
    await this.lease?.release();
    this.lease = null;
  }

  /** This process's grant; on a new grant the checkpoint and the workflows as of it are read again. */
  private async leased(): Promise<LeaseGrant | null> {
    if (this.lease?.held) return this.lease.grant;
    await this.dropLease();
    this.lease = await this.leases.keep(WORKFLOW_RUNNER_LEASE, this.holder, (error) => this.settings.logger(`workflow runner lease: ${explain(error)}`));
    if (!this.lease) return null;
    this.position = await this.storedCheckpoint();
    await this.registry.loadUpTo(this.store, this.position);
    this.parked = await this.parking.parkedKeys();
    return this.lease.grant;
  }

  private async storedCheckpoint(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ position: string | null }>('SELECT position FROM workflow_runner_checkpoints WHERE name = $1', [CHECKPOINT]);
    return rows[0]?.position ? parsePosition(rows[0].position) : null;
  }

  /** One page of the log; true when there is more to read at once. */
  private async step(grant: LeaseGrant): Promise<boolean> {
    const after = this.position;
    // Read before the page: when the page is short, everything up to the head has been seen.
    const head = await this.store.headPosition();
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: after ?? undefined, maxCount: this.settings.batchSize })) events.push(event);
    const last = events.length > 0 ? events[events.length - 1].position : null;
    // A short page has seen everything up to the head (and maybe events appended since the head was read).
    const end = events.length === this.settings.batchSize || (head !== null && last !== null && comparePositions(last, head) > 0) ? last : head;
    if (end === null || (after !== null && comparePositions(end, after) <= 0)) {
      await this.settle();
      return false;
    }
    // Read when a workflow listens to them now, or may start to within this page.
    const listening = this.listensToQualification() || events.some((event) => streamCategory(event.streamName) === WORKFLOW_CATEGORY);
    const changes = listening ? await this.qualificationChanges(after, end) : [];
    // The log's event comes before the qualification changes it caused (same position).
    this.page = { succeeded: false, pending: [] };
    let work: Work[] = [];
    const judgeWork = async () => {
      const taken = work;
      work = [];
      await this.judgeAll(taken, grant);
    };
    let next = 0;
    for (const event of events) {
      if (!this.lease?.held) throw new LeaseLost(grant);
      await this.collectEvent(event, () => work, judgeWork, grant);
      while (next < changes.length && comparePositions(parsePosition(changes[next].position), event.position) <= 0) {
        this.triggerWork(qualificationTrigger(changes[next++]), null, work);
      }
    }
    while (next < changes.length) this.triggerWork(qualificationTrigger(changes[next++]), null, work);
    await judgeWork();
    await this.parkPending();
    await this.saveCheckpoint(grant, end);
    return events.length === this.settings.batchSize;
  }

  /**
   * What judging `event` takes, added to the page's work; a definition or an owner changes how the events after it
   * are judged, so the work before it is judged first (`judgeWork`).
   */
  private async collectEvent(event: RecordedEvent, work: () => Work[], judgeWork: () => Promise<void>, grant: LeaseGrant): Promise<void> {
    const category = streamCategory(event.streamName);
    if (category === WORKFLOW_CATEGORY) {
      await judgeWork();
      this.registry.apply(event);
      await this.followDefinition(event);
      if (event.type === 'WorkflowActivated') await this.enrolExisting(event, grant);
      return;
    }
    if (category === 'owner') {
      await judgeWork();
      this.actions.forgetOwners();
    }
    if (category === 'workflowrun') return;
    this.scheduleWork(event, work());
    this.triggerWork(triggerOf(event), event, work());
  }

  /** The trigger, to be judged for each workflow (or `only`) that listens to it and did not write it. */
  private triggerWork(trigger: TriggerEvent, event: RecordedEvent | null, work: Work[], only?: ActiveWorkflow): void {
    for (const workflow of only ? [only] : this.registry.active()) {
      if (!listensTo(workflow, trigger.type) || writtenBy(event, workflow.workflowId)) continue;
      const record = recordOf(workflow.definition, trigger);
      // A trigger that names no record enrols nothing.
      if (record === null) continue;
      work.push({ kind: 'enrol', workflow, trigger, record, keys: [recordKey(record), ...this.sharedKeys(workflow)] });
    }
  }

  /**
   * Schedule triggers follow the record's own stream: each active schedule workflow of its type recomputes the
   * record's row from the record as it stood at this event (so a re-read of the log leaves the same rows).
   */
  private scheduleWork(event: RecordedEvent, work: Work[]): void {
    const record = recordOfStream(event.streamName);
    if (record === null) return;
    const workflows = this.registry.active().filter((workflow) => scheduleTriggerOf(workflow)?.recordType === record.recordType);
    if (workflows.length > 0) work.push({ kind: 'schedule', event, record, workflows, keys: [recordKey(record)] });
  }

  /**
   * What a workflow's runs share across records, where the log's order decides: a round-robin turn, the open tasks
   * a least-open-tasks choice counts, and what the workflows it enrols records in share.
   */
  private sharedKeys(workflow: ActiveWorkflow, seen = new Set<string>()): string[] {
    if (seen.has(workflow.workflowId)) return [];
    seen.add(workflow.workflowId);
    return actionsOf(workflow.definition.steps).flatMap((step) => {
      if (step.kind !== 'action') return [];
      if (step.action === 'assignOwner' && !('ownerId' in step.assign)) return [`workflow:${workflow.workflowId}`];
      if (step.action !== 'enrolInWorkflow') return [];
      const target = this.registry.get(step.workflowId);
      return target === null ? [] : this.sharedKeys(target, seen);
    });
  }

  /**
   * Judges `work`: the records and run streams it names are read in one call, then the groups that share a key
   * (see groupWork) are judged `concurrency` at a time, each in log order. A failure that ends the page stops the
   * other groups after their current judgment, and is thrown once they have stopped.
   */
  private async judgeAll(work: readonly Work[], grant: LeaseGrant): Promise<void> {
    if (work.length === 0) return;
    const streams = work.flatMap((item) =>
      item.kind === 'enrol'
        ? [recordKey(item.record), workflowRunStream(item.workflow.workflowId, item.record.recordType, item.record.recordId)]
        : [recordKey(item.record)],
    );
    try {
      await this.reads?.begin(streams);
      const groups = groupWork(work);
      let next = 0;
      let failure: { error: unknown } | null = null;
      const judgeGroups = async (): Promise<void> => {
        while (failure === null && next < groups.length) {
          for (const item of groups[next++]) {
            if (failure !== null) return;
            try {
              if (!this.lease?.held) throw new LeaseLost(grant);
              await this.judge(item);
            } catch (error) {
              failure ??= { error };
              return;
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, groups.length) }, judgeGroups));
      if (failure !== null) throw (failure as { error: unknown }).error;
    } finally {
      this.reads?.end();
    }
  }

  private async judge(item: Work): Promise<void> {
    if (item.kind === 'enrol') {
      const { workflow, trigger } = item;
      await this.guarded(workflow, 'enrol', trigger, () => this.enrolOn(workflow, trigger));
      return;
    }
    const { event, record } = item;
    let loaded: LoadedRecord | null = null;
    for (const workflow of item.workflows) {
      await this.guarded(workflow, 'schedule', triggerOf(event), async () => {
        loaded ??= await this.records.load(record, formatPosition(event.position));
        await this.schedule(workflow, record, loaded, event);
      });
    }
  }

  /** Whether the trigger enrols its record in the workflow, judged against the record now; enrols it if so. */
  async enrolOn(workflow: ActiveWorkflow, trigger: TriggerEvent): Promise<void> {
    const record = recordOf(workflow.definition, trigger);
    if (record === null) return;
    const loaded = await this.records.load(record);
    const { matched, values } = triggerMatches(workflow.definition, trigger, loaded.state);
    if (matched) await this.runs.enrol(workflow, record, trigger, values, loaded);
  }

  /**
   * Judges `trigger` for one workflow; when that keeps failing, parks the pair and goes on (see workflow-parking.ts).
   * A lost lease, a lost connection or a stop are not the event's fault: they end the page, retried from the checkpoint.
   */
  private async guarded(workflow: ActiveWorkflow, kind: ParkedKind, trigger: TriggerEvent, work: () => Promise<void>): Promise<void> {
    const key = { workflowId: workflow.workflowId, eventId: trigger.id, kind };
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        this.page.succeeded = true;
        if (this.parked.delete(parkedKey(key))) await this.parking.resolve(key, 'retried', this.holder, 'succeeded when the runner read the event again');
        return;
      } catch (error) {
        // What the failed attempt wrote is unknown: the page's reads start again from the store.
        this.reads?.clear();
        if (error instanceof LeaseLost || isConnectionError(error) || this.stopping.signal.aborted || !this.lease?.held) throw error;
        // An operator's skip holds when the log is read again.
        if (attempt === 1 && (await this.parking.find(key))?.status === 'skipped') return;
        if (attempt >= this.settings.parkAfterAttempts) {
          const park = { workflowId: workflow.workflowId, version: workflow.version, kind, trigger, error: explain(error), attempts: attempt };
          if (eventAtFault(error)) await this.park(park);
          else this.page.pending.push(park);
          return;
        }
        await sleep(Math.min(5_000, this.settings.retryBackoffMs * 2 ** (attempt - 1)), this.stopping.signal);
      }
    }
  }

  private async park(entry: PendingPark): Promise<void> {
    await this.parking.park(entry);
    this.parked.add(parkedKey({ workflowId: entry.workflowId, eventId: entry.trigger.id, kind: entry.kind }));
    this.settings.logger(`workflow runner: parked ${entry.trigger.type} ${entry.trigger.id} for workflow ${entry.workflowId} after ${entry.attempts} attempts: ${entry.error}`);
  }

  /**
   * The page's failures whose error may be the system's (the store, the database, a dependency) are parked only when
   * another judgment of the page succeeded, which shows the system works: then they are the events' fault. When
   * nothing succeeded, nothing is parked and the page is retried from its checkpoint with backoff, like any outage.
   */
  private async parkPending(): Promise<void> {
    const { succeeded, pending } = this.page;
    if (pending.length === 0) return;
    if (!succeeded) throw new Error(`every judgment of the page failed, retrying from the checkpoint: ${pending[0].error}`);
    for (const entry of pending) await this.park(entry);
  }

  /** An operator's retry of a parked pair, judged now against the record as it is now (see workflow-parking.ts). */
  async retryParked(parked: ParkedWorkflowEvent, workflow: ActiveWorkflow): Promise<void> {
    if (parked.kind === 'enrol') return this.enrolOn(workflow, parked.trigger);
    const record = recordOfStream(parked.trigger.streamName);
    if (record === null) return;
    const source = { position: parsePosition(parked.trigger.position), streamName: parked.trigger.streamName, metadata: { occurredAt: parked.trigger.occurredAt } } as DateSource;
    await this.schedule(workflow, record, await this.records.load(record), source);
  }

  private async schedule(workflow: ActiveWorkflow, record: RecordRef, loaded: LoadedRecord, source: DateSource): Promise<void> {
    const current = await this.schedules.triggerIdOf(workflow.workflowId, record);
    await this.schedules.apply(workflow.workflowId, record, scheduleChange(workflow, record, loaded, source, current));
  }

  /**
   * A definition event: a workflow that no longer schedules (paused, or its trigger changed) forgets its rows; a new
   * version of an active schedule workflow recomputes each row it has (its date property or offset may have changed).
   */
  private async followDefinition(event: RecordedEvent): Promise<void> {
    const { workflowId } = event.data as { workflowId: string };
    const workflow = this.registry.get(workflowId);
    if (workflow === null || scheduleTriggerOf(workflow) === null) {
      await this.schedules.clearWorkflow(workflowId);
      return;
    }
    if (event.type !== 'WorkflowUpdated') return;
    for (const row of await this.schedules.list(workflowId)) {
      const record = { recordType: row.recordType, recordId: row.recordId };
      const source = { position: parsePosition(row.position), streamName: row.streamName, metadata: { occurredAt: event.metadata.occurredAt } } as DateSource;
      const loaded = await this.records.load(record, formatPosition(event.position));
      // Recomputed whatever the row held: the same date may now fall due at another time (an enrolled date stays
      // enrolled: the run refuses its trigger a second time).
      await this.schedules.apply(workflowId, record, scheduleChange(workflow, record, loaded, source, null));
    }
  }

  /**
   * An activation that asks for it enrols history: the workflow's trigger is judged on every earlier event since
   * `asOf` (by business time), against the records as they are now. Each enrolment is named by its event as usual,
   * so re-processing the activation enrols nobody twice.
   */
  private async enrolExisting(activation: RecordedEvent, grant: LeaseGrant): Promise<void> {
    const { workflowId, enrolExisting } = activation.data as { workflowId: string; enrolExisting: { asOf: string } | null };
    const workflow = this.registry.get(workflowId);
    if (enrolExisting === null || workflow === null) return;
    const asOf = Date.parse(enrolExisting.asOf);
    const { trigger } = workflow.definition;
    // Judged a page at a time, as the log is.
    let work: Work[] = [];
    const judgeWhenFull = async (all = false) => {
      if (work.length < (all ? 1 : this.settings.batchSize)) return;
      const taken = work;
      work = [];
      await this.judgeAll(taken, grant);
    };
    if (trigger.kind === 'event') {
      for await (const event of this.store.readAll({ filter: { eventTypes: [trigger.event] } })) {
        if (comparePositions(event.position, activation.position) >= 0) break;
        if (Date.parse(event.metadata.occurredAt) < asOf) continue;
        this.triggerWork(triggerOf(event), event, work, workflow);
        await judgeWhenFull();
      }
      await judgeWhenFull(true);
    } else if (trigger.kind === 'qualification') {
      for (const change of await this.qualificationChanges(null, activation.position)) {
        if (Date.parse(change.occurredAt) >= asOf) this.triggerWork(qualificationTrigger(change), null, work, workflow);
        await judgeWhenFull();
      }
      await judgeWhenFull(true);
    } else {
      // Every record of the type as it stood at the activation; a date due before asOf is history, not a schedule.
      const streams = new Set<string>();
      for await (const event of this.store.readAll({ filter: { streamCategories: [trigger.recordType] } })) {
        if (comparePositions(event.position, activation.position) >= 0) break;
        streams.add(event.streamName);
      }
      const source = (streamName: string) => ({ position: activation.position, streamName, metadata: { occurredAt: new Date(asOf).toISOString() } }) as DateSource;
      for (const streamName of streams) {
        const record = recordOfStream(streamName)!;
        await this.schedule(workflow, record, await this.records.load(record, formatPosition(activation.position)), source(streamName));
      }
    }
  }

  /**
   * The qualification changes in (after, upTo], once the lead-score build has caught up to `upTo` (deciding
   * earlier would miss a change still being computed).
   */
  private listensToQualification(): boolean {
    return this.registry.active().some((workflow) => workflow.definition.trigger.kind === 'qualification');
  }

  private async qualificationChanges(after: Position | null, upTo: Position): Promise<LeadScoreQualificationChange[]> {
    for (let waits = 1; ; waits++) {
      const read = await qualificationChangesBetween(this.leadScores, after === null ? null : formatPosition(after), formatPosition(upTo));
      if (read.position !== null && comparePositions(parsePosition(read.position), upTo) >= 0) return read.data;
      if (this.stopping.signal.aborted) throw new Error('stopping');
      // Said now and then: a runner waiting on a lead-score build that nobody runs would otherwise be silent.
      if (waits % 40 === 0) this.settings.logger(`workflow runner: waiting for lead scores to reach ${formatPosition(upTo)}`);
      await sleep(this.settings.pollIntervalMs, this.stopping.signal);
    }
  }

  private async saveCheckpoint(grant: LeaseGrant, position: Position): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await Leases.fence(tx, grant);
      await tx.query(
        `INSERT INTO workflow_runner_checkpoints (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
        [CHECKPOINT, formatPosition(position)],
      );
    });
    this.position = position;
    await this.settle();
  }

  /** Resolves the waiters the checkpoint (this process's, or the lease holder's) has passed. */
  private async settle(): Promise<void> {
    if (this.waiters.size === 0) return;
    const stored = this.lease?.held ? this.position : await this.storedCheckpoint();
    for (const waiter of [...this.waiters]) {
      if (stored !== null && comparePositions(stored, waiter.target) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
