import type { Command } from '../shared/index.js';
import type { EngagementKind } from './engagement.events.js';

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
    contactIds?: readonly string[];
    companyIds?: readonly string[];
    dealIds?: readonly string[];
    ticketIds?: readonly string[];
  }>
>;
/** completedBy: the owner id of whoever marks the task done. */
export type CompleteTask = Command<'CompleteTask', Readonly<{ engagementId: string; completedBy: string }>>;

export type EngagementCommand = LogEngagement | CompleteTask;
