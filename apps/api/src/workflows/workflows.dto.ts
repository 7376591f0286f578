// The workflow routes' bodies, queries and answers. A definition itself is no DTO: #workflows validates it and lists
// every error with its JSON Pointer (class-validator would stop at the shape and name no step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { PageCursor, PageLimit, stacked, Text } from '../http/dto-fields.js';
import { IsInstant, IsOmittable } from '../http/validators.js';

const MAX_REASON_LENGTH = 500;
const RECORD_TYPES = ['contact', 'company', 'deal', 'ticket'] as const;

const Instant = (description: string, example: string) =>
  stacked(ApiProperty({ format: 'date-time', description, example }), IsInstant());

/** Free JSON in the document: a definition, condition values, a report's rows. */
const AnyObject = (description: string, nullable = false) => ApiProperty({ type: 'object', additionalProperties: true, nullable, description });

export class EnrolExistingDto {
  @Instant('Enrol the records whose trigger happened from this instant on, up to the activation', '2026-01-01T00:00:00Z')
  asOf!: string;
}

export class ActivateWorkflowDto {
  @Text(MAX_REASON_LENGTH, { example: 'Reviewed with sales ops', description: 'Why; kept in the event with the actor' })
  reason!: string;

  @ApiPropertyOptional({
    type: () => EnrolExistingDto,
    description: 'Also enrol what happened before the activation, from asOf on; omitted: only what happens from now on enrols',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => EnrolExistingDto)
  enrolExisting?: EnrolExistingDto;
}

export class PauseWorkflowDto {
  @Text(MAX_REASON_LENGTH, { example: 'Owners on holiday', description: 'Why; kept in the event with the actor' })
  reason!: string;
}

export class SimulationDto {
  @Instant('Start of the window of history (inclusive)', '2026-01-01T00:00:00Z')
  from!: string;

  @Instant('End of the window of history (exclusive)', '2026-02-01T00:00:00Z')
  to!: string;
}

export class WorkflowRunsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only a contact's runs" })
  @IsOmittable()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only one record's runs (a contact, company, deal or ticket)" })
  @IsOmittable()
  @IsUUID()
  recordId?: string;

  @PageCursor(500)
  cursor?: string;

  @PageLimit(200, 50)
  limit?: number;
}

export class WorkflowIssueView {
  @ApiProperty({ description: 'JSON Pointer into the definition ("" for the whole)', example: '/steps/0/owner' }) path!: string;
  @ApiProperty({ example: 'owner must be contactOwner, dealOwner, ticketOwner, recordOwner or {ownerId}' }) message!: string;
}

export class SavedWorkflowView {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: '1 when created; each PUT adds one' }) version!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the definition' }) definitionHash!: string;
}

export class WorkflowStatusView {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['active', 'paused', 'draft'] }) status!: string;
}

export class WorkflowValidationView {
  @ApiProperty({ enum: [true], description: 'Always true here: an invalid definition is a 400 listing every error' }) valid!: boolean;
  @ApiProperty({ description: 'The hash the definition would be saved under' }) definitionHash!: string;
}

export class WorkflowView {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The current version' }) version!: number;
  @ApiProperty({ enum: ['active', 'paused', 'draft'], description: 'draft: never activated' }) status!: string;
  @ApiProperty() definitionHash!: string;
  @AnyObject('The canonical definition of the current version, defaults filled in') definition!: Record<string, unknown>;
}

export class WorkflowSummaryView extends WorkflowView {
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Who made the last change', example: 'key:3f1c...' }) actor!: string;
}

const POSITION = { type: String, nullable: true, description: 'The log position the read model reflects' } as const;

export class WorkflowList {
  @ApiProperty(POSITION) position!: string | null;
  @ApiProperty({ type: [WorkflowSummaryView] }) data!: WorkflowSummaryView[];
}

export class ProducedEventView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'EngagementLogged' }) type!: string;
  @ApiProperty({ example: 'engagement-…' }) streamName!: string;
}

export class RunStepView {
  @ApiProperty({ example: 'handoff' }) stepId!: string;
  @ApiProperty({ enum: ['action', 'branch', 'delay'] }) kind!: string;
  @ApiProperty({ enum: ['acted', 'noChange', 'skipped', 'branched', 'elapsed', 'failed'] }) outcome!: string;
  @AnyObject('The condition and template values that decided the step') values!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, enum: ['then', 'else'] }) branch!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The id of the command the action sent, derived from its cause' }) commandId!: string | null;
  @ApiProperty({ type: [ProducedEventView], description: 'The events the action appended' }) produced!: ProducedEventView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it was skipped or failed' }) detail!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RunTriggerView {
  @ApiProperty({ description: 'The enrolling event' }) eventId!: string;
  @ApiProperty({ example: 'FormSubmitted' }) eventType!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @AnyObject('The condition values that matched', false) values!: Record<string, unknown>;
}

export class WorkflowRunView {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: 'The version the record enrolled in' }) version!: number;
  @ApiProperty({ enum: RECORD_TYPES }) recordType!: string;
  @ApiProperty({ format: 'uuid' }) recordId!: string;
  @ApiProperty({ enum: ['open', 'waiting', 'finished'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['completed', 'goalMet', 'unenrolled', 'failed'] }) outcome!: string | null;
  @ApiProperty({ type: () => RunTriggerView }) trigger!: RunTriggerView;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The delay step the run waits on' }) waitingStepId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ type: [RunStepView], description: 'Every step taken or skipped, in order' }) steps!: RunStepView[];
}

export class WorkflowRunList {
  @ApiProperty(POSITION) position!: string | null;
  @ApiProperty({ type: [WorkflowRunView] }) data!: WorkflowRunView[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class SimulatedEnrolmentView {
  @ApiProperty({ enum: RECORD_TYPES }) recordType!: string;
  @ApiProperty({ format: 'uuid' }) recordId!: string;
  @ApiProperty() triggerEventId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SimulatedActionView {
  @ApiProperty() stepId!: string;
  @ApiProperty({ example: 'createTask' }) action!: string;
  @ApiProperty() count!: number;
}

export class SimulatedDayView {
  @ApiProperty({ format: 'date', example: '2026-01-15' }) day!: string;
  @ApiProperty() enrolments!: number;
  @ApiProperty() actions!: number;
}

export class SimulatedWorkflowView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) workflowId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) version!: number | null;
  @ApiProperty() name!: string;
  @ApiProperty() definitionHash!: string;
}

export class SimulationWindowView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class SimulationReportView {
  @ApiProperty({ type: () => SimulatedWorkflowView, description: 'The version simulated' }) workflow!: SimulatedWorkflowView;
  @ApiProperty({ type: () => SimulationWindowView }) window!: SimulationWindowView;
  @ApiProperty({ description: 'Events in the window of the types the trigger listens to, matched or not' }) eventsJudged!: number;
  @ApiProperty({ type: [SimulatedEnrolmentView], description: 'Who would have enrolled, in log order' }) enrolments!: SimulatedEnrolmentView[];
  @ApiProperty({ type: [SimulatedActionView], description: 'Which actions would have fired, how often' }) actions!: SimulatedActionView[];
  @ApiProperty({ type: [SimulatedDayView], description: 'Per UTC day of the window' }) perDay!: SimulatedDayView[];
}

const PARKED_KINDS = ['enrol', 'schedule'] as const;
const PARKED_STATUSES = ['parked', 'retried', 'skipped'] as const;

export class ParkedEventsQueryDto {
  @ApiPropertyOptional({ enum: PARKED_STATUSES, description: 'Only pairs in this state; all by default' })
  @IsOmittable()
  @IsIn(PARKED_STATUSES)
  status?: (typeof PARKED_STATUSES)[number];
}

export class ParkedEventKindDto {
  @ApiPropertyOptional({ enum: PARKED_KINDS, default: 'enrol', description: 'What was being judged: an enrolment trigger, or a date for a schedule trigger' })
  @IsOmittable()
  @IsIn(PARKED_KINDS)
  kind?: (typeof PARKED_KINDS)[number];
}

export class SkipParkedEventDto extends ParkedEventKindDto {
  @Text(MAX_REASON_LENGTH, { example: 'Contact repaired by hand', description: 'Why the workflow will never judge this event; kept with the actor' })
  reason!: string;
}

export class ParkedTriggerView {
  @ApiProperty({ description: 'The event (or, for a schedule, the virtual trigger) the runner judged' }) id!: string;
  @ApiProperty({ example: 'FormSubmitted' }) type!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ParkedWorkflowEventView {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: 'The version it was parked under, and is retried on' }) version!: number;
  @ApiProperty({ enum: PARKED_KINDS }) kind!: string;
  @ApiProperty({ type: () => ParkedTriggerView }) trigger!: ParkedTriggerView;
  @ApiProperty({ description: 'The last error' }) error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ enum: PARKED_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) parkedAt!: string;
  @ApiProperty({ type: String, nullable: true }) resolvedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was skipped' }) reason!: string | null;
}

export class ParkedWorkflowEventList {
  @ApiProperty({ type: [ParkedWorkflowEventView], description: 'Oldest event first' }) data!: ParkedWorkflowEventView[];
}

export class WorkflowScheduleView {
  @ApiProperty({ enum: RECORD_TYPES }) recordType!: string;
  @ApiProperty({ format: 'uuid' }) recordId!: string;
  @ApiProperty({ description: "The date property's value the due instant was computed from" }) date!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Whether that date has enrolled the record already' }) enrolled!: boolean;
}

export class WorkflowScheduleList {
  @ApiProperty({ type: [WorkflowScheduleView], description: 'Soonest first' }) data!: WorkflowScheduleView[];
}
