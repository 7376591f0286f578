// TypeORM entities over the stage-duration views (the active build's tables, kept by the projection engine).
import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

// bigint arrives as a string; a duration in milliseconds stays far below 2^53.
const bigintColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'stage_duration_pipelines', synchronize: false })
export class StageDurationPipeline {
  @PrimaryColumn({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ name: 'object_type', type: 'text' }) objectType!: 'deal' | 'ticket';
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'stage_duration_stages', synchronize: false })
export class StageDurationStage {
  @PrimaryColumn({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @PrimaryColumn({ name: 'stage_id', type: 'text' }) stageId!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder!: number;
  @Column({ type: 'text', nullable: true }) closed!: 'won' | 'lost' | null;
  @Column({ type: 'boolean' }) archived!: boolean;
}

@Entity({ name: 'stage_duration_visits', synchronize: false })
export class StageDurationVisit {
  @PrimaryColumn({ name: 'deal_id', type: 'text' }) dealId!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ name: 'stage_id', type: 'text' }) stageId!: string;
  @Column({ type: 'int' }) visit!: number;
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt!: Date;
  @Column({ name: 'exited_at', type: 'timestamptz', nullable: true }) exitedAt!: Date | null;
  @Column({ name: 'exited_to', type: 'text', nullable: true }) exitedTo!: string | null;
  @Column({ name: 'duration_ms', type: 'bigint', nullable: true, transformer: bigintColumn }) durationMs!: number | null;
}

export const STAGE_DURATION_ENTITIES = [StageDurationPipeline, StageDurationStage, StageDurationVisit];
