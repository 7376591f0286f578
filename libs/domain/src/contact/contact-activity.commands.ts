import type { Command } from '../shared/index.js';
import type { SubmissionUtm } from './contact-activity.events.js';
import type { ActivityStreamEmailEventKind, RecordEmailEvent } from './contact.commands.js';

export type RecordPageView = Command<
  'RecordPageView',
  Readonly<{ contactId: string; url: string; title?: string; referrer?: string }>
>;
export type RecordFormSubmission = Command<
  'RecordFormSubmission',
  Readonly<{ contactId: string; formId: string; fields: Readonly<Record<string, string>>; pageUrl?: string | null; utm?: SubmissionUtm }>
>;

/** Commands decided for the activity stream, against the contact's state read from the contact stream. */
export type ContactActivityCommand = RecordPageView | RecordFormSubmission | RecordEmailEvent<ActivityStreamEmailEventKind>;
