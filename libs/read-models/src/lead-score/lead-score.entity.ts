// The lead-score views the lead-score projection maintains.
import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

// numeric and bigint arrive as strings; scores have two decimals and revisions are far below 2^53, so nothing is lost.
const asNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'lead_scores', synchronize: false })
export class LeadScore {
  @PrimaryColumn({ name: 'contact_id', type: 'text' }) contactId!: string;
  /** Built-in fields and custom properties as of the contact's latest event. */
  @Column({ type: 'jsonb' }) properties!: Record<string, string | number | boolean>;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) fit!: number;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) engagement!: number;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) total!: number;
  @Column({ type: 'text' }) qualification!: 'none' | 'mql' | 'sql';
  @Column({ name: 'formula_id', type: 'text' }) formulaId!: string;
  /** The instant the score is computed at: the latest occurredAt among the contact's events. */
  @Column({ name: 'as_of', type: 'timestamptz' }) asOf!: Date;
  /** Position of the last event applied for the contact. */
  @Column({ type: 'text' }) position!: string;
  @Column({ name: 'merged_into', type: 'text', nullable: true }) mergedInto!: string | null;
}

@Entity({ name: 'lead_score_contributions', synchronize: false })
export class LeadScoreContribution {
  @PrimaryColumn({ name: 'contact_id', type: 'text' }) contactId!: string;
  @PrimaryColumn({ type: 'int' }) ordinal!: number;
  @Column({ name: 'group_id', type: 'text' }) groupId!: string;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  /** Null (as are the other event columns) for a fit rule. */
  @Column({ name: 'event_id', type: 'text', nullable: true }) eventId!: string | null;
  @Column({ name: 'event_type', type: 'text', nullable: true }) eventType!: string | null;
  @Column({ name: 'stream_name', type: 'text', nullable: true }) streamName!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: asNumber }) revision!: number | null;
  @Column({ type: 'text', nullable: true }) position!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true }) occurredAt!: Date | null;
  @Column({ name: 'raw_points', type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) rawPoints!: number;
  @Column({ name: 'decay_factor', type: 'double precision' }) decayFactor!: number;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) points!: number;
  @Column({ name: 'cut_by_rule_cap', type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) cutByRuleCap!: number;
  @Column({ name: 'cut_by_group_limit', type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) cutByGroupLimit!: number;
  @Column({ name: 'cut_by_total_limit', type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) cutByTotalLimit!: number;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: asNumber }) counted!: number;
}

export const LEAD_SCORE_ENTITIES = [LeadScore, LeadScoreContribution];
