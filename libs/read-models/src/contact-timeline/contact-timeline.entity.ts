// The contact-timeline view the contact-timeline projection maintains: one row per (contact, event).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contact_timeline', synchronize: false })
export class ContactTimelineEntry {
  @PrimaryColumn({ name: 'contact_id', type: 'text' }) contactId!: string;
  @PrimaryColumn({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ type: 'text' }) position!: string;
  /** bigint: arrives as a string, compared as one in cursors. */
  @Column({ name: 'position_commit', type: 'bigint' }) positionCommit!: string;
  @Column({ name: 'position_prepare', type: 'bigint' }) positionPrepare!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'jsonb' }) data!: unknown;
  /** On rows taken over from a merged duplicate: the contact the event happened to. */
  @Column({ name: 'merged_from', type: 'text', nullable: true }) mergedFrom!: string | null;
}

export const CONTACT_TIMELINE_ENTITIES = [ContactTimelineEntry];
