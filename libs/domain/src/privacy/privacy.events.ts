// Operations on personal data recorded in the log: the one-time encryption of history stored in clear before
// crypto-shredding (issue #22). Who ran it and when are the event's metadata. One stream: `privacy-history`.
import { dataSchema, defineEvent, type DomainEvent, type EventDefinition } from '../shared/index.js';

export const PRIVACY_HISTORY_STREAM = 'privacy-history';

/**
 * Personal values stored in clear in events up to `throughPosition` were re-written in encrypted form (or as their
 * redaction, for contacts already erased). Only those values changed: event ids, types, order and every other field
 * are as they were.
 */
export type PersonalHistoryEncrypted = DomainEvent<
  'PersonalHistoryEncrypted',
  Readonly<{ throughPosition: string; eventsRewritten: number; valuesEncrypted: number; valuesRedacted: number; contacts: number }>
>;

const count = { type: 'integer', minimum: 0 } as const;

export const privacyEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PersonalHistoryEncrypted',
    schemaVersion: 1,
    description:
      'The personal values of events stored in clear up to throughPosition were re-written encrypted with their contacts\' keys (redacted for erased contacts); nothing else changed.',
    schema: dataSchema({
      throughPosition: { type: 'string', pattern: '^\\d{1,20}(:\\d{1,20})?$' },
      eventsRewritten: count,
      valuesEncrypted: count,
      valuesRedacted: count,
      contacts: count,
    }),
  }),
];
