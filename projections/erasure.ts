// Erasure in the read models: a ContactErased purges the person's rows at its own place in the log. A batch is
// applied in segments that end at each erasure, so the rows that events after it write (a deal naming the erased
// contact) are the same whether the erasure and those events come in one batch (a rebuild) or in two (live
// tailing). Erasure handlers overwrite or delete with constants only, never with values read from events: a rebuild
// reads the redacted events and then the erasure, and must end with the same rows as the live build.
import type { RecordedEvent } from '#event-store';
import type { PartitionScope } from '#projection-engine';

export const CONTACT_ERASED = 'ContactErased';

/** What an erased person's text columns read afterwards, where a row is kept (the numbers need it). */
export const ERASED_TEXT = '[erased]';

export const erasedContactIdOf = (event: RecordedEvent): string | null =>
  event.type === CONTACT_ERASED ? (event.data as Readonly<{ contactId: string }>).contactId : null;

/**
 * Applies `events` with `apply` (which never sees a ContactErased), calling `erase` with the contacts erased at each
 * erasure, in log order. In a partitioned build `erase` gets only the contacts the partition owns.
 */
export const applyWithErasures = async (
  events: readonly RecordedEvent[],
  apply: (events: readonly RecordedEvent[]) => Promise<void>,
  erase: (contactIds: readonly string[]) => Promise<void>,
  partition?: PartitionScope,
): Promise<void> => {
  let segment: RecordedEvent[] = [];
  let erased: string[] = [];
  const flush = async (): Promise<void> => {
    if (segment.length > 0) await apply(segment);
    const owned = partition ? erased.filter((contactId) => partition.owns(contactId)) : erased;
    if (owned.length > 0) await erase(owned);
    segment = [];
    erased = [];
  };
  for (const event of events) {
    const contactId = erasedContactIdOf(event);
    if (contactId !== null) {
      erased.push(contactId);
      continue;
    }
    // Erasures next to each other share one purge; an event after them starts the next segment.
    if (erased.length > 0) await flush();
    segment.push(event);
  }
  await flush();
};
