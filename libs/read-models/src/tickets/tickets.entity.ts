// The ticket views the tickets projection maintains.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tickets', synchronize: false })
export class TicketReadModel {
  @PrimaryColumn({ name: 'ticket_id', type: 'text' }) ticketId!: string;
  @Column({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ name: 'stage_id', type: 'text' }) stageId!: string;
  @Column({ type: 'text' }) priority!: string;
  @Column({ name: 'owner_id', type: 'text', nullable: true }) ownerId!: string | null;
  @Column({ type: 'text' }) status!: 'open' | 'closed';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'entered_stage_at', type: 'timestamptz' }) enteredStageAt!: Date;
}

export type TicketPipelineStageView = Readonly<{ stageId: string; label: string; closed: boolean; archived: boolean }>;

@Entity({ name: 'ticket_pipelines', synchronize: false })
export class TicketPipelineReadModel {
  @PrimaryColumn({ name: 'pipeline_id', type: 'text' }) pipelineId!: string;
  @Column({ type: 'text' }) name!: string;
  /** Live stages in display order, then archived ones. */
  @Column({ type: 'jsonb' }) stages!: TicketPipelineStageView[];
}

export const TICKETS_ENTITIES = [TicketReadModel, TicketPipelineReadModel];
