import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BuildState, BuildStatus } from '#projection-engine';
import type { Qualification } from '#scoring';

// Lists for the document; `satisfies` keeps them within the engine's and the scorer's types.
const BUILD_STATES = ['building', 'active', 'retired', 'dropped'] as const satisfies readonly BuildState[];
const BUILD_STATUSES = ['catching-up', 'live', 'parked', 'rebuilding', 'stopped'] as const satisfies readonly BuildStatus['status'][];
const QUALIFICATIONS = ['none', 'mql', 'sql'] as const satisfies readonly Qualification[];

export class ParkedEventView {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ description: 'Why the projection could not apply it' }) error!: string;
}

export class SkippedEventView {
  @ApiProperty() eventId!: string;
  @ApiProperty() position!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() skippedBy!: string;
  @ApiProperty({ format: 'date-time' }) skippedAt!: string;
}

export class BuildStatusView {
  @ApiProperty({ example: 'lead-score' }) name!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: "The projection code's version the build runs" }) codeVersion!: number;
  @ApiProperty({ enum: BUILD_STATES }) state!: BuildState;
  @ApiProperty({ enum: BUILD_STATUSES, description: 'What the build is doing now' }) status!: BuildStatus['status'];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the build was started with (lead-score: its formula)' })
  params!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Every event up to here is applied' }) position!: string | null;
  @ApiProperty() eventsProcessed!: number;
  @ApiProperty({ type: Number, nullable: true }) lagEvents!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lagMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) eventsPerSecond!: number | null;
  @ApiProperty({ type: ParkedEventView, nullable: true, description: 'The event the build stopped on, until resumed or skipped' })
  parked!: ParkedEventView | null;
  @ApiProperty({ type: [SkippedEventView] }) skipped!: SkippedEventView[];
  @ApiProperty({ description: 'Replaces the active build behind the views once it has caught up' }) activateWhenCaughtUp!: boolean;
}

export class BuildList {
  @ApiProperty({ type: [BuildStatusView] }) data!: BuildStatusView[];
}

export class RebuildProgressView extends BuildStatusView {
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds left at the current rate (null: unknown)' }) etaSeconds!: number | null;
}

export class RebuildStartedView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The new build; follow it at /v1/projections/{name}/rebuilds/{version}' }) version!: number;
  @ApiPropertyOptional({ description: 'lead-score: the formula the build scores with' }) formulaId?: string;
}

export class ResumedView {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: [true] }) resumed!: true;
}

export class QualificationTransitionView {
  @ApiProperty({ enum: QUALIFICATIONS }) from!: Qualification;
  @ApiProperty({ enum: QUALIFICATIONS }) to!: Qualification;
  @ApiProperty() contacts!: number;
}

export class ScoreMoverView {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
  @ApiProperty() change!: number;
  @ApiProperty({ enum: QUALIFICATIONS }) qualificationBefore!: Qualification;
  @ApiProperty({ enum: QUALIFICATIONS }) qualificationAfter!: Qualification;
}

export class ReplayReportView {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The build compared with' }) against!: number;
  @ApiProperty({ type: String, nullable: true }) formulaId!: string | null;
  @ApiProperty({ type: String, nullable: true }) againstFormulaId!: string | null;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ type: String, nullable: true }) againstPosition!: string | null;
  @ApiProperty({ description: 'Contacts scored by both builds (merged duplicates left out)' }) compared!: number;
  @ApiProperty({ description: 'Contacts only the build compared with has scored yet' }) onlyBefore!: number;
  @ApiProperty({ description: 'Contacts only this build has scored yet' }) onlyAfter!: number;
  @ApiProperty() scoreChanged!: number;
  @ApiProperty() qualificationChanged!: number;
  @ApiProperty({ type: [QualificationTransitionView], description: 'Every from -> to pair with its count, both directions' })
  transitions!: QualificationTransitionView[];
  @ApiProperty({ type: [ScoreMoverView], description: 'The largest absolute score changes, largest first' }) topMovers!: ScoreMoverView[];
}
