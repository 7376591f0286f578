// A row of the engagements list as PostgreSQL answers it, and the row it stands for: read back by the persistence
// (to continue a batch from) and by the queries (to answer), the one mapping of both.
import type { EngagementKind, TaskPriority } from '#domain/engagement';
import type { EngagementListRow, TaskStatus } from './engagement-list.projection.js';

export type EngagementRecord = {
  engagement_id: string;
  kind: EngagementKind;
  owner_id: string;
  subject: string | null;
  body: string | null;
  outcome: string | null;
  duration_minutes: number | null;
  occurred_at: Date;
  due_at: Date | null;
  priority: TaskPriority | null;
  status: TaskStatus | null;
  completed_at: Date | null;
  completed_by: string | null;
  contact_ids: string[];
  company_ids: string[];
  deal_ids: string[];
  ticket_ids: string[];
  created_at: Date;
  updated_at: Date;
};

export const instantOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);

export const rowOf = (r: EngagementRecord): EngagementListRow => ({
  engagementId: r.engagement_id,
  kind: r.kind,
  ownerId: r.owner_id,
  subject: r.subject,
  body: r.body,
  outcome: r.outcome,
  durationMinutes: r.duration_minutes,
  occurredAt: r.occurred_at.toISOString(),
  dueAt: instantOrNull(r.due_at),
  priority: r.priority,
  status: r.status,
  completedAt: instantOrNull(r.completed_at),
  completedBy: r.completed_by,
  contactIds: r.contact_ids,
  companyIds: r.company_ids,
  dealIds: r.deal_ids,
  ticketIds: r.ticket_ids,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
