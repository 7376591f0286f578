// The workflow definition language: the canonical form every part of Tally stores, hashes and runs. Input sugar
// (a step without `kind`, a trigger without `kind`, literal condition values) is normalised away by
// parseWorkflowDocument, so two spellings of the same workflow share one form and one hash.
import type { LifecycleStage } from '#domain/contact';
import type { MarketingStatus } from '#domain/marketing-policy';

export const RECORD_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The roots a state path starts with: `contact.lifecycleStage`, `leadScore.qualification`, `owner.name`. */
export const STATE_ROOTS = ['contact', 'company', 'deal', 'ticket', 'owner', 'leadScore'] as const;
export type StateRoot = (typeof STATE_ROOTS)[number];

export const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'exists', 'contains'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type Scalar = string | number | boolean | null;
/** Every operator present must hold. */
export type ConditionOperators = Readonly<{
  eq?: Scalar;
  ne?: Scalar;
  in?: readonly Scalar[];
  notIn?: readonly Scalar[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  exists?: boolean;
  contains?: Scalar;
}>;
/** A literal means equals; the canonical form always holds operator objects. */
export type ConditionValue = Scalar | ConditionOperators;
/** Every member must hold (AND); a key is a dot path into the scope. */
export type Condition = Readonly<Record<string, ConditionValue>>;

export const QUALIFICATIONS = ['mql', 'sql'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** The virtual event a contact's lead-score qualification change becomes (never stored in the log). */
export const QUALIFICATION_CHANGED = 'LeadScoreQualificationChanged';

export type EventTrigger = Readonly<{ kind: 'event'; event: string; where: Condition; state: Condition }>;
export type QualificationTrigger = Readonly<{ kind: 'qualification'; becomes: Qualification; state: Condition }>;
export type ScheduleTrigger = Readonly<{
  kind: 'schedule';
  recordType: RecordType;
  /** A full state path, `deal.closeDate`. */
  dateProperty: string;
  offsetDays: number;
  /** HH:MM, local to timeZone. */
  time: string;
  timeZone: string;
}>;
export type Trigger = EventTrigger | QualificationTrigger | ScheduleTrigger;

export const OWNER_ROLES = ['contactOwner', 'dealOwner', 'ticketOwner', 'recordOwner'] as const;
export type OwnerRef = (typeof OWNER_ROLES)[number] | Readonly<{ ownerId: string }>;

export const TASK_PRIORITY_VALUES = ['low', 'medium', 'high'] as const;
export const TICKET_PRIORITY_VALUES = ['low', 'medium', 'high', 'urgent'] as const;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type CreateTaskStep = Readonly<{
  id: string;
  kind: 'action';
  action: 'createTask';
  owner: OwnerRef;
  subject: string;
  body?: string;
  dueInBusinessDays: number;
  priority?: (typeof TASK_PRIORITY_VALUES)[number];
}>;
export type SetPropertyStep = Readonly<{ id: string; kind: 'action'; action: 'setProperty'; property: string; value: unknown }>;
export type SetLifecycleStageStep = Readonly<{ id: string; kind: 'action'; action: 'setLifecycleStage'; stage: LifecycleStage; forwardOnly: boolean }>;
export type Assignment =
  | Readonly<{ ownerId: string }>
  | Readonly<{ roundRobin: Readonly<{ team: string }> }>
  | Readonly<{ leastOpenTasks: Readonly<{ team: string }> }>;
export type AssignOwnerStep = Readonly<{ id: string; kind: 'action'; action: 'assignOwner'; assign: Assignment }>;
export type CreateTicketStep = Readonly<{
  id: string;
  kind: 'action';
  action: 'createTicket';
  pipelineId: string;
  stageId?: string;
  subject: string;
  priority?: (typeof TICKET_PRIORITY_VALUES)[number];
}>;
export type SetMarketingStatusStep = Readonly<{ id: string; kind: 'action'; action: 'setMarketingStatus'; status: MarketingStatus; reason: string }>;
export type SendWebhookStep = Readonly<{ id: string; kind: 'action'; action: 'sendWebhook'; url: string }>;
export type PostToChatStep = Readonly<{ id: string; kind: 'action'; action: 'postToChat'; url: string; text: string }>;
export type EnrolInWorkflowStep = Readonly<{ id: string; kind: 'action'; action: 'enrolInWorkflow'; workflowId: string }>;

export type ActionStep =
  | CreateTaskStep
  | SetPropertyStep
  | SetLifecycleStageStep
  | AssignOwnerStep
  | CreateTicketStep
  | SetMarketingStatusStep
  | SendWebhookStep
  | PostToChatStep
  | EnrolInWorkflowStep;
export type ActionName = ActionStep['action'];
export const ACTIONS: readonly ActionName[] = [
  'createTask',
  'setProperty',
  'setLifecycleStage',
  'assignOwner',
  'createTicket',
  'setMarketingStatus',
  'sendWebhook',
  'postToChat',
  'enrolInWorkflow',
];

export type Delay =
  | Readonly<{ duration: string }>
  /** untilProperty is a full state path, `deal.closeDate`. */
  | Readonly<{ untilProperty: string; offsetDays: number }>
  | Readonly<{ weekday: Weekday; time: string; timeZone: string }>;
export type DelayStep = Readonly<{ id: string; kind: 'delay'; delay: Delay }>;
export type BranchStep = Readonly<{ id: string; kind: 'branch'; if: Condition; then: readonly Step[]; else: readonly Step[] }>;
export type Step = ActionStep | DelayStep | BranchStep;

export const REENROLMENT_POLICIES = ['never', 'afterExit', 'always'] as const;
export type Reenrolment = (typeof REENROLMENT_POLICIES)[number];

export type WorkflowDefinition = Readonly<{
  name: string;
  recordType: RecordType;
  trigger: Trigger;
  reenrolment: Reenrolment;
  goal: Condition | null;
  unenrolWhen: Condition | null;
  steps: readonly Step[];
}>;

/** One problem in a document: a JSON pointer to the member (`/steps/0/owner`, '' for the whole document). */
export type WorkflowIssue = Readonly<{ path: string; message: string }>;

/** The scope state conditions, templates and property delays read; every root is optional. */
export type RecordState = Readonly<Partial<Record<StateRoot, Readonly<Record<string, unknown>> | null>>>;

/** A log event (or the virtual LeadScoreQualificationChanged) as a trigger sees it. */
export type TriggerEvent = Readonly<{
  id: string;
  type: string;
  streamName: string;
  position: string;
  occurredAt: string;
  data: Readonly<Record<string, unknown>>;
}>;

/**
 * Where a run stands, folded from its run events: the run's identity (for command keys), every step recorded
 * (WorkflowStepTaken.stepId), the arm each recorded branch took (WorkflowStepTaken.branch) and the delay it waits
 * on (WorkflowDelayStarted, cleared when that delay's step is recorded).
 */
export type RunCursor = Readonly<{
  workflowId: string;
  version: number;
  enrollingEventId: string;
  completedStepIds: readonly string[];
  branchTaken: Readonly<Record<string, 'then' | 'else'>>;
  waitingOn: Readonly<{ stepId: string; dueAt: string }> | null;
}>;

export type DecisionValues = Readonly<Record<string, unknown>>;
export type FinishOutcome = 'completed' | 'goalMet' | 'unenrolled';

export type StepDecision =
  | Readonly<{ kind: 'act'; step: ActionStep; commandKey: string }>
  | Readonly<{ kind: 'branch'; step: BranchStep; taken: 'then' | 'else'; values: DecisionValues }>
  /** Record WorkflowDelayStarted { stepId, dueAt }; the run sleeps until dueAt. */
  | Readonly<{ kind: 'wait'; step: DelayStep; dueAt: string }>
  /** The delay the run waits on is due: record it (outcome 'elapsed') and go on. */
  | Readonly<{ kind: 'resume'; step: DelayStep; dueAt: string }>
  /** A delay until an empty date property: record it (outcome 'skipped', detail) and go on. */
  | Readonly<{ kind: 'skip'; step: DelayStep; detail: string }>
  | Readonly<{ kind: 'finish'; outcome: FinishOutcome; values: DecisionValues }>;
