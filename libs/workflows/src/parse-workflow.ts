// Reads a workflow document (an object, or JSON or YAML text), lists every problem with a JSON pointer to it, and
// normalises the input sugar into the canonical definition: a step's kind from its members, a trigger's kind,
// the record type from the trigger event, defaults filled in, literal conditions as { eq }.
import { parseDocument } from 'yaml';
import { EVENT_DEFINITIONS } from '#domain/catalog';
import { LIFECYCLE_STAGES } from '#domain/contact';
import { MARKETING_STATUSES } from '#domain/marketing-policy';
import { MAX_PROPERTY_LABEL_LENGTH, MAX_PROPERTY_TEXT_LENGTH } from '#domain/property-definition';
import { MAX_ID_LENGTH, MAX_URL_LENGTH } from '#domain/shared';
import { recordTypeOfEvent } from './condition.js';
import {
  ACTIONS,
  CONDITION_OPERATORS,
  OWNER_ROLES,
  QUALIFICATIONS,
  QUALIFICATION_CHANGED,
  RECORD_TYPES,
  REENROLMENT_POLICIES,
  STATE_ROOTS,
  TASK_PRIORITY_VALUES,
  TICKET_PRIORITY_VALUES,
  WEEKDAYS,
  type ActionStep,
  type Assignment,
  type Condition,
  type ConditionOperators,
  type Delay,
  type OwnerRef,
  type RecordType,
  type Scalar,
  type Step,
  type Trigger,
  type WorkflowDefinition,
  type WorkflowIssue,
} from './definition.js';
import { durationDays, parseDuration } from './delay.js';
import { isPath, isStatePath, stateRootOf } from './paths.js';
import { templateFields } from './template.js';
import { isTimeOfDay, isTimeZone } from './zoned-time.js';

export const MAX_STEPS = 100;
/** Levels of step lists: the top level and four levels of nested branches. */
export const MAX_DEPTH = 5;
export const MAX_DOCUMENT_LENGTH = 1_000_000;
export const MAX_DELAY_DAYS = 3_660;
export const MAX_BUSINESS_DAYS = 365;
const MAX_VALUES_IN_LIST = 1_000;
// Step ids end command keys (`<workflow>@<version>:<event>:<step>`): no colon, so a key splits one way only.
const STEP_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const KNOWN_EVENTS: ReadonlySet<string> = new Set([...EVENT_DEFINITIONS.map((definition) => definition.type), QUALIFICATION_CHANGED]);

type Json = Record<string, unknown>;
// An action step's own members, per action.
type ActionBody = ActionStep extends infer S ? (S extends ActionStep ? Omit<S, 'id' | 'kind'> : never) : never;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
const pointer = (path: string, key: string | number): string => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
const oneOf = (values: readonly string[]): string => values.map((value) => JSON.stringify(value)).join(', ');

export type WorkflowParse = Readonly<{ definition: WorkflowDefinition | null; errors: WorkflowIssue[] }>;

/** Collects every issue; each reader returns its normalised value, or undefined when the member is invalid. */
class Reader {
  readonly errors: WorkflowIssue[] = [];
  private readonly stepIds = new Map<string, string>();
  private steps = 0;

  issue(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  members(value: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.issue(pointer(path, key), 'is not a known member');
  }

  object(value: unknown, path: string): Json | undefined {
    return isObject(value) ? value : this.issue(path, 'must be an object');
  }

  text(value: unknown, path: string, max: number, options: { template?: boolean } = {}): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') return this.issue(path, 'must be a non-empty string');
    const text = value.trim();
    if ([...text].length > max) return this.issue(path, `must be at most ${max} characters`);
    if (/\p{Cs}/u.test(text)) return this.issue(path, 'must not hold a lone UTF-16 surrogate');
    if (options.template) {
      if (text.replace(/\{\{[^{}]*\}\}/g, '').includes('{{')) return this.issue(path, 'has a {{ without its }}');
      const bad = templateFields(text).filter((field) => !isStatePath(field));
      if (bad.length > 0) {
        return this.issue(path, `names ${oneOf(bad)}: a template field is a state path starting with one of ${oneOf(STATE_ROOTS)}`);
      }
    }
    return text;
  }

  id(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || value === '') return this.issue(path, 'must be a non-empty string');
    return [...value].length > MAX_ID_LENGTH ? this.issue(path, `must be at most ${MAX_ID_LENGTH} characters`) : value;
  }

  choice<T extends string>(value: unknown, path: string, values: readonly T[]): T | undefined {
    return (values as readonly unknown[]).includes(value) ? (value as T) : this.issue(path, `must be one of ${oneOf(values)}`);
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : this.issue(path, `must be a whole number from ${min} to ${max}`);
  }

  url(value: unknown, path: string): string | undefined {
    const text = this.text(value, path, MAX_URL_LENGTH);
    if (text === undefined) return undefined;
    const parsed = URL.canParse(text) ? new URL(text) : null;
    return parsed && ['https:', 'http:'].includes(parsed.protocol) ? text : this.issue(path, 'must be an absolute http or https URL');
  }

  /** A state path; a bare field name is a field of the workflow's record (`closeDate` -> `deal.closeDate`). */
  statePath(value: unknown, path: string, recordType: RecordType | undefined): string | undefined {
    if (typeof value !== 'string' || !isPath(value)) return this.issue(path, 'must be a dot path such as "deal.closeDate"');
    if (isStatePath(value)) return value;
    if (stateRootOf(value) === null && recordType) return `${recordType}.${value}`;
    return this.issue(path, `must start with one of ${oneOf(STATE_ROOTS)} and name a field`);
  }

  operand(value: unknown, path: string): Scalar | undefined {
    return isScalar(value) ? value : this.issue(path, 'must be a string, number, boolean or null');
  }

  condition(value: unknown, path: string, paths: 'data' | 'state', options: { required: boolean }): Condition | undefined {
    const condition = this.object(value, path);
    if (!condition) return undefined;
    if (options.required && Object.keys(condition).length === 0) return this.issue(path, 'must name at least one field');
    const result: Record<string, ConditionOperators> = {};
    let valid = true;
    for (const [key, member] of Object.entries(condition)) {
      const memberPath = pointer(path, key);
      const pathValid =
        paths === 'state'
          ? isStatePath(key) || this.issue(memberPath, `names a state path starting with one of ${oneOf(STATE_ROOTS)}, such as "contact.lifecycleStage"`)
          : isPath(key) || this.issue(memberPath, 'names a dot path into the event data, such as "formId" or "changes.property"');
      const operators = this.operators(member, memberPath);
      if (pathValid && operators) result[key] = operators;
      else valid = false;
    }
    return valid ? result : undefined;
  }

  operators(value: unknown, path: string): ConditionOperators | undefined {
    if (Array.isArray(value)) return this.issue(path, 'must be a value or an operator object: a list is written { "in": [...] }');
    if (!isObject(value)) {
      const operand = this.operand(value, path);
      return operand === undefined ? undefined : { eq: operand };
    }
    if (Object.keys(value).length === 0) return this.issue(path, `must hold at least one operator: ${oneOf(CONDITION_OPERATORS)}`);
    const ops: Record<string, unknown> = {};
    let valid = true;
    for (const [operator, operand] of Object.entries(value)) {
      const at = pointer(path, operator);
      const read = ((): unknown => {
        switch (operator) {
          case 'eq':
          case 'ne':
          case 'contains':
            return this.operand(operand, at);
          case 'in':
          case 'notIn': {
            if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_VALUES_IN_LIST) {
              return this.issue(at, `must be a list of 1 to ${MAX_VALUES_IN_LIST} values`);
            }
            operand.forEach((item, index) => this.operand(item, pointer(at, index)));
            return operand.every(isScalar) ? operand : undefined;
          }
          case 'gt':
          case 'gte':
          case 'lt':
          case 'lte':
            return (typeof operand === 'number' && Number.isFinite(operand)) || typeof operand === 'string'
              ? operand
              : this.issue(at, 'must be a number or a string (a date compares as a date)');
          case 'exists':
            return typeof operand === 'boolean' ? operand : this.issue(at, 'must be true or false');
          default:
            return this.issue(at, `is not an operator: one of ${oneOf(CONDITION_OPERATORS)}`);
        }
      })();
      if (read === undefined) valid = false;
      else ops[operator] = read;
    }
    return valid ? (ops as ConditionOperators) : undefined;
  }

  trigger(value: unknown, path: string, declared: RecordType | undefined): { trigger: Trigger; recordType: RecordType | undefined } | undefined {
    const trigger = this.object(value, path);
    if (!trigger) return undefined;
    const kind =
      trigger.kind ?? ('event' in trigger ? 'event' : 'becomes' in trigger ? 'qualification' : 'dateProperty' in trigger ? 'schedule' : undefined);
    switch (kind) {
      case 'event': {
        this.members(trigger, path, ['kind', 'event', 'where', 'state']);
        const event =
          typeof trigger.event === 'string' && KNOWN_EVENTS.has(trigger.event)
            ? trigger.event
            : this.issue(pointer(path, 'event'), typeof trigger.event === 'string' ? `${JSON.stringify(trigger.event)} is not a Tally event type` : 'is required: an event type');
        const where = this.condition(trigger.where ?? {}, pointer(path, 'where'), 'data', { required: false });
        const state = this.condition(trigger.state ?? {}, pointer(path, 'state'), 'state', { required: false });
        if (event === undefined || !where || !state) return undefined;
        return { trigger: { kind: 'event', event, where, state }, recordType: recordTypeOfEvent(event) ?? undefined };
      }
      case 'qualification': {
        this.members(trigger, path, ['kind', 'becomes', 'state']);
        const becomes = this.choice(trigger.becomes, pointer(path, 'becomes'), QUALIFICATIONS);
        const state = this.condition(trigger.state ?? {}, pointer(path, 'state'), 'state', { required: false });
        if (declared && declared !== 'contact') this.issue('/recordType', 'must be "contact": a lead-score qualification is a contact\'s');
        if (!becomes || !state) return undefined;
        return { trigger: { kind: 'qualification', becomes, state }, recordType: 'contact' };
      }
      case 'schedule': {
        this.members(trigger, path, ['kind', 'recordType', 'dateProperty', 'offsetDays', 'time', 'timeZone']);
        const recordType =
          trigger.recordType === undefined ? declared ?? this.issue(pointer(path, 'recordType'), `is required: one of ${oneOf(RECORD_TYPES)}`) : this.choice(trigger.recordType, pointer(path, 'recordType'), RECORD_TYPES);
        if (declared && recordType && declared !== recordType) this.issue(pointer(path, 'recordType'), `must be the workflow's recordType, ${JSON.stringify(declared)}`);
        const dateProperty = this.statePath(trigger.dateProperty, pointer(path, 'dateProperty'), recordType);
        const offsetDays = this.integer(trigger.offsetDays ?? 0, pointer(path, 'offsetDays'), -MAX_DELAY_DAYS, MAX_DELAY_DAYS);
        const time = this.timeOfDay(trigger.time ?? '09:00', pointer(path, 'time'));
        const timeZone = this.timeZone(trigger.timeZone ?? 'UTC', pointer(path, 'timeZone'));
        if (!recordType || !dateProperty || offsetDays === undefined || !time || !timeZone) return undefined;
        return { trigger: { kind: 'schedule', recordType, dateProperty, offsetDays, time, timeZone }, recordType };
      }
      default:
        return this.issue(pointer(path, 'kind'), 'must be one of "event", "qualification", "schedule" (or give event, becomes or dateProperty)');
    }
  }

  timeOfDay(value: unknown, path: string): string | undefined {
    return typeof value === 'string' && isTimeOfDay(value) ? value : this.issue(path, 'must be a time of day HH:MM, 00:00 to 23:59');
  }

  timeZone(value: unknown, path: string): string | undefined {
    return typeof value === 'string' && value !== '' && isTimeZone(value) ? value : this.issue(path, 'must be an IANA time zone such as "Europe/Paris"');
  }

  stepList(value: unknown, path: string, depth: number, recordType: RecordType | undefined): Step[] | undefined {
    if (!Array.isArray(value)) return this.issue(path, 'must be a list of steps');
    const steps = value.map((step, index) => this.step(step, pointer(path, index), depth, recordType));
    return steps.every((step) => step !== undefined) ? (steps as Step[]) : undefined;
  }

  step(value: unknown, path: string, depth: number, recordType: RecordType | undefined): Step | undefined {
    const step = this.object(value, path);
    if (!step) return undefined;
    this.steps++;
    const id = this.stepId(step.id, pointer(path, 'id'));
    const kind = step.kind ?? ('action' in step ? 'action' : 'delay' in step ? 'delay' : 'if' in step || 'then' in step || 'else' in step ? 'branch' : undefined);
    switch (kind) {
      case 'action': {
        const action = this.action(step, path);
        return id && action ? { id, kind: 'action', ...action } : undefined;
      }
      case 'delay': {
        this.members(step, path, ['id', 'kind', 'delay']);
        const delay = this.delay(step.delay, pointer(path, 'delay'), recordType);
        return id && delay ? { id, kind: 'delay', delay } : undefined;
      }
      case 'branch': {
        this.members(step, path, ['id', 'kind', 'if', 'then', 'else']);
        if (depth >= MAX_DEPTH) return this.issue(path, `nests branches deeper than ${MAX_DEPTH} levels of steps`);
        const condition = step.if === undefined ? this.issue(pointer(path, 'if'), 'is required: the condition') : this.condition(step.if, pointer(path, 'if'), 'state', { required: true });
        const then = step.then === undefined ? this.issue(pointer(path, 'then'), 'is required: the steps when the condition holds') : this.stepList(step.then, pointer(path, 'then'), depth + 1, recordType);
        const otherwise = this.stepList(step.else ?? [], pointer(path, 'else'), depth + 1, recordType);
        return id && condition && then && otherwise ? { id, kind: 'branch', if: condition, then, else: otherwise } : undefined;
      }
      default:
        return this.issue(pointer(path, 'kind'), 'must be one of "action", "delay", "branch" (or give action, delay or if/then)');
    }
  }

  stepId(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || !STEP_ID.test(value) || value.length > 100) {
      return this.issue(path, 'must be a step id of 1 to 100 letters, digits, "_", "-" or ".", starting with a letter or digit');
    }
    const first = this.stepIds.get(value);
    if (first !== undefined) return this.issue(path, `duplicates the step id at ${first}: step ids are unique in the whole workflow`);
    this.stepIds.set(value, path);
    return value;
  }

  action(step: Json, path: string): ActionBody | undefined {
    const at = (key: string): string => pointer(path, key);
    const action = this.choice(step.action, at('action'), ACTIONS);
    if (!action) return undefined;
    const allow = (...keys: string[]): void => this.members(step, path, ['id', 'kind', 'action', ...keys]);
    const optional = <T>(key: string, read: (value: unknown, path: string) => T | undefined): T | undefined | null =>
      step[key] === undefined ? null : read(step[key], at(key));
    // Every member is read before deciding, so each invalid one is reported.
    const all = (values: readonly unknown[]): boolean => values.every((value) => value !== undefined);
    const text = (max: number, template = false) => (value: unknown, path: string) => this.text(value, path, max, { template });
    switch (action) {
      case 'createTask': {
        allow('owner', 'subject', 'body', 'dueInBusinessDays', 'priority');
        const owner = this.ownerRef(step.owner, at('owner'));
        const subject = this.text(step.subject, at('subject'), MAX_PROPERTY_TEXT_LENGTH, { template: true });
        const body = optional('body', text(MAX_PROPERTY_TEXT_LENGTH, true));
        const due = this.integer(step.dueInBusinessDays, at('dueInBusinessDays'), 0, MAX_BUSINESS_DAYS);
        const priority = optional('priority', (value, path) => this.choice(value, path, TASK_PRIORITY_VALUES));
        if (!all([owner, subject, body, due, priority])) return undefined;
        return { action, owner: owner!, subject: subject!, ...(body ? { body } : {}), dueInBusinessDays: due!, ...(priority ? { priority } : {}) };
      }
      case 'setProperty': {
        allow('property', 'value');
        const property = this.text(step.property, at('property'), MAX_PROPERTY_LABEL_LENGTH);
        const value =
          step.value === undefined
            ? this.issue(at('value'), 'is required (null clears the property)')
            : typeof step.value === 'string' && [...step.value].length > MAX_PROPERTY_TEXT_LENGTH
              ? this.issue(at('value'), `must be at most ${MAX_PROPERTY_TEXT_LENGTH} characters`)
              : step.value;
        if (!all([property, value])) return undefined;
        return { action, property: property!, value };
      }
      case 'setLifecycleStage': {
        allow('stage', 'forwardOnly');
        const stage = this.choice(step.stage, at('stage'), LIFECYCLE_STAGES);
        const forwardOnly = step.forwardOnly === undefined ? true : typeof step.forwardOnly === 'boolean' ? step.forwardOnly : this.issue(at('forwardOnly'), 'must be true or false');
        if (!all([stage, forwardOnly])) return undefined;
        return { action, stage: stage!, forwardOnly: forwardOnly! };
      }
      case 'assignOwner': {
        allow('assign');
        const assign = this.assignment(step.assign, at('assign'));
        return assign ? { action, assign } : undefined;
      }
      case 'createTicket': {
        allow('pipelineId', 'stageId', 'subject', 'priority');
        const pipelineId = this.id(step.pipelineId, at('pipelineId'));
        const stageId = optional('stageId', (value, path) => this.id(value, path));
        const subject = this.text(step.subject, at('subject'), MAX_PROPERTY_TEXT_LENGTH, { template: true });
        const priority = optional('priority', (value, path) => this.choice(value, path, TICKET_PRIORITY_VALUES));
        if (!all([pipelineId, stageId, subject, priority])) return undefined;
        return { action, pipelineId: pipelineId!, ...(stageId ? { stageId } : {}), subject: subject!, ...(priority ? { priority } : {}) };
      }
      case 'setMarketingStatus': {
        allow('status', 'reason');
        const status = this.choice(step.status, at('status'), MARKETING_STATUSES);
        const reason = this.text(step.reason, at('reason'), MAX_PROPERTY_TEXT_LENGTH);
        if (!all([status, reason])) return undefined;
        return { action, status: status!, reason: reason! };
      }
      case 'sendWebhook': {
        allow('url');
        const url = this.url(step.url, at('url'));
        return url ? { action, url } : undefined;
      }
      case 'postToChat': {
        allow('url', 'text');
        const url = this.url(step.url, at('url'));
        const chatText = this.text(step.text, at('text'), MAX_PROPERTY_TEXT_LENGTH, { template: true });
        if (!all([url, chatText])) return undefined;
        return { action, url: url!, text: chatText! };
      }
      case 'enrolInWorkflow': {
        allow('workflowId');
        const workflowId = this.id(step.workflowId, at('workflowId'));
        return workflowId ? { action, workflowId } : undefined;
      }
    }
  }

  ownerRef(value: unknown, path: string): OwnerRef | undefined {
    if (typeof value === 'string') return this.choice(value, path, OWNER_ROLES);
    if (!isObject(value)) return this.issue(path, `must be one of ${oneOf(OWNER_ROLES)} or { "ownerId": "..." }`);
    this.members(value, path, ['ownerId']);
    const ownerId = this.id(value.ownerId, pointer(path, 'ownerId'));
    return ownerId ? { ownerId } : undefined;
  }

  assignment(value: unknown, path: string): Assignment | undefined {
    const assign = this.object(value, path);
    if (!assign) return undefined;
    const forms = ['ownerId', 'roundRobin', 'leastOpenTasks'];
    this.members(assign, path, forms);
    const given = forms.filter((form) => form in assign);
    if (given.length !== 1) return this.issue(path, `must give exactly one of ${oneOf(forms)}`);
    if (given[0] === 'ownerId') {
      const ownerId = this.id(assign.ownerId, pointer(path, 'ownerId'));
      return ownerId ? { ownerId } : undefined;
    }
    const teamPath = pointer(path, given[0]);
    const team = this.object(assign[given[0]], teamPath);
    if (!team) return undefined;
    this.members(team, teamPath, ['team']);
    const name = this.id(team.team, pointer(teamPath, 'team'));
    if (!name) return undefined;
    return given[0] === 'roundRobin' ? { roundRobin: { team: name } } : { leastOpenTasks: { team: name } };
  }

  delay(value: unknown, path: string, recordType: RecordType | undefined): Delay | undefined {
    const delay = this.object(value, path);
    if (!delay) return undefined;
    if ('duration' in delay) {
      this.members(delay, path, ['duration']);
      const duration = typeof delay.duration === 'string' ? parseDuration(delay.duration) : null;
      if (!duration) return this.issue(pointer(path, 'duration'), 'must be an ISO 8601 duration in whole units, such as "P2D", "PT4H" or "P1DT2H"');
      const days = durationDays(duration);
      if (days === 0 || days > MAX_DELAY_DAYS) return this.issue(pointer(path, 'duration'), `must be longer than zero and at most ${MAX_DELAY_DAYS} days`);
      return { duration: delay.duration as string };
    }
    if ('untilProperty' in delay) {
      this.members(delay, path, ['untilProperty', 'offsetDays']);
      const untilProperty = this.statePath(delay.untilProperty, pointer(path, 'untilProperty'), recordType);
      const offsetDays = this.integer(delay.offsetDays ?? 0, pointer(path, 'offsetDays'), -MAX_DELAY_DAYS, MAX_DELAY_DAYS);
      return untilProperty && offsetDays !== undefined ? { untilProperty, offsetDays } : undefined;
    }
    if ('weekday' in delay) {
      this.members(delay, path, ['weekday', 'time', 'timeZone']);
      const weekday = this.choice(delay.weekday, pointer(path, 'weekday'), WEEKDAYS);
      const time = this.timeOfDay(delay.time ?? '09:00', pointer(path, 'time'));
      const timeZone = this.timeZone(delay.timeZone ?? 'UTC', pointer(path, 'timeZone'));
      return weekday && time && timeZone ? { weekday, time, timeZone } : undefined;
    }
    return this.issue(path, 'must give one of "duration", "untilProperty" or "weekday"');
  }

  stepCount(path: string): void {
    if (this.steps > MAX_STEPS) this.issue(path, `must hold at most ${MAX_STEPS} steps in all (this one has ${this.steps})`);
  }
}

const readDefinition = (input: Json, reader: Reader): WorkflowDefinition | undefined => {
  reader.members(input, '', ['name', 'recordType', 'trigger', 'reenrolment', 'goal', 'unenrolWhen', 'steps']);
  const name = reader.text(input.name, '/name', MAX_PROPERTY_LABEL_LENGTH);
  const declared = input.recordType === undefined ? undefined : reader.choice(input.recordType, '/recordType', RECORD_TYPES);
  const trigger = input.trigger === undefined ? reader.issue('/trigger', 'is required') : reader.trigger(input.trigger, '/trigger', declared);
  const recordType = declared ?? trigger?.recordType;
  if (trigger && !recordType && input.recordType === undefined) {
    reader.issue('/recordType', `is required: the trigger's event does not say which record enrols (one of ${oneOf(RECORD_TYPES)})`);
  }
  // By default a record enrols again once its previous run has finished: "one task per demo request", while a run
  // still waiting on a delay is never doubled.
  const reenrolment = reader.choice(input.reenrolment ?? 'afterExit', '/reenrolment', REENROLMENT_POLICIES);
  const criteria = (key: 'goal' | 'unenrolWhen') =>
    input[key] === undefined || input[key] === null ? null : reader.condition(input[key], `/${key}`, 'state', { required: true });
  const goal = criteria('goal');
  const unenrolWhen = criteria('unenrolWhen');
  const steps = input.steps === undefined ? reader.issue('/steps', 'is required: a list of steps') : reader.stepList(input.steps, '/steps', 1, recordType);
  if (Array.isArray(input.steps) && input.steps.length === 0) reader.issue('/steps', 'must hold at least one step');
  reader.stepCount('/steps');
  if (reader.errors.length > 0 || !name || !recordType || !trigger || !reenrolment || goal === undefined || unenrolWhen === undefined || !steps) return undefined;
  return { name, recordType, trigger: trigger.trigger, reenrolment, goal, unenrolWhen, steps };
};

/** Syntax of a text document: its plain value, or the syntax errors at path ''. */
const documentValue = (text: string, reader: Reader): unknown => {
  if (text.length > MAX_DOCUMENT_LENGTH) return reader.issue('', `must be at most ${MAX_DOCUMENT_LENGTH} characters`);
  // YAML 1.2 is a superset of JSON: one parser reads both; duplicate keys are refused rather than resolved.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) reader.issue('', error.message.split('\n')[0].replace(/:$/, ''));
    return undefined;
  }
  try {
    // Alias expansion is bounded so a small document cannot expand into a huge one.
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return reader.issue('', error instanceof Error ? error.message : String(error));
  }
};

/** Parses and validates a workflow document; `definition` is present exactly when `errors` is empty. */
export const parseWorkflowDocument = (input: unknown): WorkflowParse => {
  const reader = new Reader();
  const value = typeof input === 'string' ? documentValue(input, reader) : input;
  if (reader.errors.length > 0) return { definition: null, errors: reader.errors };
  if (!isObject(value)) return { definition: null, errors: [{ path: '', message: 'must be an object: a workflow definition' }] };
  const definition = readDefinition(value, reader);
  return definition ? { definition, errors: [] } : { definition: null, errors: reader.errors };
};
