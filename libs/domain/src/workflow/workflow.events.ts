// Workflows: a definition stream per workflow (versions, activation, pause) and a run stream per (workflow, record)
// where the process manager records each enrolment, each step it took and why, and the end of each run. The
// definition is carried as an opaque canonical JSON object: `#workflows` validates and normalises it before any
// command reaches a decider, so the domain stays independent of the definition language.
import {
  dataSchema,
  defineEvent,
  deterministicUuid,
  idSchema as id,
  optionalIdSchema,
  strictObject,
  textSchema as text,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
} from '../shared/index.js';

export const workflowStream = (workflowId: string): string => `workflow-${workflowId}`;

export const WORKFLOW_RECORD_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;
export type WorkflowRecordType = (typeof WORKFLOW_RECORD_TYPES)[number];

/** One stream per (workflow, record): every run of that record in that workflow follows the previous one in it. */
export const workflowRunStreamId = (workflowId: string, recordType: WorkflowRecordType, recordId: string): string =>
  deterministicUuid(workflowId, `${recordType}:${recordId}`);

export const workflowRunStream = (workflowId: string, recordType: WorkflowRecordType, recordId: string): string =>
  `workflowrun-${workflowRunStreamId(workflowId, recordType, recordId)}`;

/** A run is named by what enrolled it: the same trigger event in the same version is the same run, however often replayed. */
export const workflowRunId = (workflowId: string, version: number, triggerEventId: string): string =>
  deterministicUuid(`${workflowId}@${version}`, triggerEventId);

export type WorkflowDefinitionDocument = Readonly<Record<string, unknown>>;
export type ConditionValues = Readonly<Record<string, unknown>>;

export type WorkflowVersionData = Readonly<{
  workflowId: string;
  version: number;
  name: string;
  definition: WorkflowDefinitionDocument;
  definitionHash: string;
}>;

export type WorkflowCreated = DomainEvent<'WorkflowCreated', WorkflowVersionData>;
export type WorkflowUpdated = DomainEvent<'WorkflowUpdated', WorkflowVersionData>;
export type WorkflowActivated = DomainEvent<
  'WorkflowActivated',
  Readonly<{ workflowId: string; version: number; reason: string; enrolExisting: Readonly<{ asOf: string }> | null }>
>;
export type WorkflowPaused = DomainEvent<'WorkflowPaused', Readonly<{ workflowId: string; version: number; reason: string }>>;

export type WorkflowEvent = WorkflowCreated | WorkflowUpdated | WorkflowActivated | WorkflowPaused;

/** The event that enrolled a record, with the condition values that made it match (the "because" of the explain trail). */
export type WorkflowTrigger = Readonly<{
  eventId: string;
  eventType: string;
  streamName: string;
  position: string;
  occurredAt: string;
  values: ConditionValues;
}>;

export const WORKFLOW_STEP_KINDS = ['action', 'branch', 'delay'] as const;
export type WorkflowStepKind = (typeof WORKFLOW_STEP_KINDS)[number];
export const WORKFLOW_STEP_OUTCOMES = ['acted', 'noChange', 'skipped', 'branched', 'elapsed', 'failed'] as const;
export type WorkflowStepOutcome = (typeof WORKFLOW_STEP_OUTCOMES)[number];
export const WORKFLOW_RUN_OUTCOMES = ['completed', 'goalMet', 'unenrolled', 'failed'] as const;
export type WorkflowRunOutcome = (typeof WORKFLOW_RUN_OUTCOMES)[number];
export type WorkflowBranch = 'then' | 'else';

export type ProducedEvent = Readonly<{ eventId: string; type: string; streamName: string }>;

export type WorkflowEnrolled = DomainEvent<
  'WorkflowEnrolled',
  Readonly<{
    runId: string;
    workflowId: string;
    version: number;
    definitionHash: string;
    workflowName: string;
    recordType: WorkflowRecordType;
    recordId: string;
    trigger: WorkflowTrigger;
  }>
>;

export type WorkflowStepTakenData = Readonly<{
  runId: string;
  stepId: string;
  kind: WorkflowStepKind;
  outcome: WorkflowStepOutcome;
  values: ConditionValues;
  branch: WorkflowBranch | null;
  commandId: string | null;
  produced: readonly ProducedEvent[];
  detail: string | null;
}>;
export type WorkflowStepTaken = DomainEvent<'WorkflowStepTaken', WorkflowStepTakenData>;
export type WorkflowDelayStarted = DomainEvent<'WorkflowDelayStarted', Readonly<{ runId: string; stepId: string; dueAt: string }>>;
export type WorkflowRunFinished = DomainEvent<
  'WorkflowRunFinished',
  Readonly<{ runId: string; outcome: WorkflowRunOutcome; values: ConditionValues }>
>;

export type WorkflowRunEvent = WorkflowEnrolled | WorkflowStepTaken | WorkflowDelayStarted | WorkflowRunFinished;

const workflowId = id;
const runId = id;
const version: JsonSchema = { type: 'integer', minimum: 1 };
const definitionHash: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const instant: JsonSchema = { type: 'string', format: 'date-time' };
// As the store formats a position: `123`, or `commit:prepare` where they differ.
const position: JsonSchema = { type: 'string', pattern: '^[0-9]{1,20}(:[0-9]{1,20})?$' };
const object: JsonSchema = { type: 'object' };
const optionalText: JsonSchema = { type: ['string', 'null'], minLength: 1 };
const versionData = dataSchema({ workflowId, version, name: text, definition: object, definitionHash });

export const workflowEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'WorkflowCreated',
    schemaVersion: 1,
    description: "A workflow's first version was saved (a draft until activated); definition is its canonical form.",
    schema: versionData,
  }),
  defineEvent({
    type: 'WorkflowUpdated',
    schemaVersion: 1,
    description: 'A new version of the workflow was saved; runs already enrolled finish on the version they enrolled in.',
    schema: versionData,
  }),
  defineEvent({
    type: 'WorkflowActivated',
    schemaVersion: 1,
    description: 'The workflow started enrolling records; enrolExisting.asOf: history from that instant is enrolled too.',
    schema: dataSchema({
      workflowId,
      version,
      reason: text,
      enrolExisting: { anyOf: [strictObject({ asOf: instant }), { type: 'null' }] },
    }),
  }),
  defineEvent({
    type: 'WorkflowPaused',
    schemaVersion: 1,
    description: 'The workflow stopped enrolling and stepping records until activated again.',
    schema: dataSchema({ workflowId, version, reason: text }),
  }),
  defineEvent({
    type: 'WorkflowEnrolled',
    schemaVersion: 1,
    description: 'A record entered a run of the workflow because of the trigger event (values: the conditions that matched).',
    schema: dataSchema({
      runId,
      workflowId,
      version,
      definitionHash,
      workflowName: text,
      recordType: { enum: [...WORKFLOW_RECORD_TYPES] },
      recordId: id,
      trigger: strictObject({ eventId: id, eventType: text, streamName: text, position, occurredAt: instant, values: object }),
    }),
  }),
  defineEvent({
    type: 'WorkflowStepTaken',
    schemaVersion: 1,
    description: 'A step of a run was taken, skipped or failed, with the values that decided it and the events its action produced.',
    schema: dataSchema({
      runId,
      stepId: id,
      kind: { enum: [...WORKFLOW_STEP_KINDS] },
      outcome: { enum: [...WORKFLOW_STEP_OUTCOMES] },
      values: object,
      branch: { enum: ['then', 'else', null] },
      commandId: optionalIdSchema,
      produced: { type: 'array', items: strictObject({ eventId: id, type: text, streamName: text }) },
      detail: optionalText,
    }),
  }),
  defineEvent({
    type: 'WorkflowDelayStarted',
    schemaVersion: 1,
    description: 'A run waits at a delay step until dueAt; a timer resumes it then.',
    schema: dataSchema({ runId, stepId: id, dueAt: instant }),
  }),
  defineEvent({
    type: 'WorkflowRunFinished',
    schemaVersion: 1,
    description: 'A run ended: all steps done, its goal met, its unenrolment criteria met, or a step failed.',
    schema: dataSchema({ runId, outcome: { enum: [...WORKFLOW_RUN_OUTCOMES] }, values: object }),
  }),
];
