// TypeORM entities over the pipeline-health views (the active build's tables, kept by the projection engine).
import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

// numeric arrives as a string: amounts have at most 2 decimals and probabilities are in [0, 1], so a number is exact enough.
export const numericColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'pipeline_health_pipelines', synchronize: false })
export class PipelineHealthPipeline {
  @PrimaryColumn({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ name: 'object_type', type: 'text' }) objectType!: 'deal' | 'ticket';
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'pipeline_health_stages', synchronize: false })
export class PipelineHealthStage {
  @PrimaryColumn({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @PrimaryColumn({ name: 'stage_id', type: 'text' }) stageId!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'numeric', transformer: numericColumn }) probability!: number;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder!: number;
  @Column({ type: 'text', nullable: true }) closed!: 'won' | 'lost' | null;
  @Column({ name: 'stuck_after_days', type: 'int', nullable: true }) stuckAfterDays!: number | null;
  @Column({ type: 'boolean' }) archived!: boolean;
}

@Entity({ name: 'pipeline_health_deals', synchronize: false })
export class PipelineHealthDeal {
  @PrimaryColumn({ name: 'deal_id', type: 'text' }) dealId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ name: 'stage_id', type: 'text' }) stageId!: string;
  @Column({ type: 'numeric', transformer: numericColumn }) amount!: number;
  @Column({ type: 'text' }) currency!: string;
  @Column({ name: 'owner_id', type: 'text', nullable: true }) ownerId!: string | null;
  @Column({ name: 'close_date', type: 'text' }) closeDate!: string;
  @Column({ type: 'text' }) outcome!: 'open' | 'won' | 'lost';
  @Column({ name: 'entered_stage_at', type: 'timestamptz' }) enteredStageAt!: Date;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}

export const PIPELINE_HEALTH_ENTITIES = [PipelineHealthPipeline, PipelineHealthStage, PipelineHealthDeal];
