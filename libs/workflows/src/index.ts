// The workflow language (pure): parse, validate and normalise definitions, hash them, match triggers, and the
// step machine a run follows. Time always comes in as an argument.
export * from './definition.js';
export { MAX_BUSINESS_DAYS, MAX_DELAY_DAYS, MAX_DEPTH, MAX_STEPS, parseWorkflowDocument, type WorkflowParse } from './parse-workflow.js';
export { workflowHash } from './workflow-hash.js';
export { evaluateCondition, recordOf, recordTypeOfEvent, triggerMatches, type ConditionResult, type TriggerMatch } from './condition.js';
export { commandKeyOf, nextStep, startCursor } from './step-machine.js';
export { delayDueAt, parseDuration, scheduledAt, scheduleOf, type Duration } from './delay.js';
export { addBusinessDays, isTimeZone } from './zoned-time.js';
export { renderTemplate } from './template.js';
