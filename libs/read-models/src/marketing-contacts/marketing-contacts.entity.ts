// The marketing-contact views the marketing-contacts projection maintains.
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One change of one contact's marketing status, valid from effectiveAt until validTo (null: still). */
@Entity({ name: 'marketing_contact_changes', synchronize: false })
export class MarketingContactChange {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'contact_id', type: 'text' }) contactId!: string;
  @Column({ name: 'effective_at', type: 'timestamptz' }) effectiveAt!: Date;
  @Column({ type: 'text' }) status!: 'marketing' | 'non-marketing';
  @Column({ type: 'text', nullable: true }) previous!: 'marketing' | 'non-marketing' | null;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo!: Date | null;
}

@Entity({ name: 'marketing_contact_status', synchronize: false })
export class MarketingContactStatus {
  @PrimaryColumn({ name: 'contact_id', type: 'text' }) contactId!: string;
  @Column({ type: 'text' }) status!: 'marketing' | 'non-marketing';
  @Column({ type: 'boolean' }) merged!: boolean;
  @Column({ name: 'effective_at', type: 'timestamptz' }) effectiveAt!: Date;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
}

export const MARKETING_CONTACTS_ENTITIES = [MarketingContactChange, MarketingContactStatus];
