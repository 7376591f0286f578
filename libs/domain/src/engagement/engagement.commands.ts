import type { Command } from '../shared/index.js';
import type { EngagementKind, TaskPriority } from './engagement.events.js';

export type LogEngagement = Command<
  'LogEngagement',
  Readonly<{
    engagementId: string;
    kind: EngagementKind;
    ownerId: string;
    /** Required for tasks (their title). */
    subject?: string;
    body?: string;
    /** Calls and meetings only; integer >= 0. */
    durationMinutes?: number;
    /** Calls and meetings only. */
    outcome?: string;
    /** Tasks only; ISO date-time with seconds and an offset (Z or +hh:mm). */
    dueAt?: string;
    /** Tasks only. */
    priority?: TaskPriority;
    contactIds?: readonly string[];
    companyIds?: readonly string[];
    dealIds?: readonly string[];
    ticketIds?: readonly string[];
  }>
>;
/** Omitted fields stay as they are; null (or blank text) clears one. Each field must apply to the engagement's kind. */
export type UpdateEngagement = Command<
  'UpdateEngagement',
  Readonly<{
    engagementId: string;
    subject?: string | null;
    body?: string | null;
    outcome?: string | null;
    durationMinutes?: number | null;
    priority?: TaskPriority | null;
  }>
>;
/** dueAt: ISO date-time with seconds and an offset, as on LogEngagement. */
export type RescheduleTask = Command<'RescheduleTask', Readonly<{ engagementId: string; dueAt: string }>>;
/** completedBy: the owner id of whoever marks the task done. */
export type CompleteTask = Command<'CompleteTask', Readonly<{ engagementId: string; completedBy: string }>>;
export type ReopenTask = Command<'ReopenTask', Readonly<{ engagementId: string }>>;

export type EngagementCommand = LogEngagement | UpdateEngagement | RescheduleTask | CompleteTask | ReopenTask;
