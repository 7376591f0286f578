import type { ExpectedRevision } from './event-store.port.js';
import type { InvalidPosition } from './position.js';

/** The stream is not where the caller expected it: someone else wrote first. Maps to HTTP 409. */
export class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamName}: expected revision ${expected}, actual ${actual}`);
  }
}

/** Part of a batch is already stored (or stored in another stream): not a clean retry, refuse it whole. */
export class DuplicateEventIds extends Error {
  readonly code = 'DUPLICATE_EVENT_IDS';
  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamName}: events ${eventIds.join(', ')} are already stored and the batch is not a retry of them`);
  }
}

export class InvalidAppend extends Error {
  readonly code = 'INVALID_APPEND';
}

/** The stream was deleted for good (EventStoreDB's tombstone): it can be neither read nor written again. */
export class StreamDeleted extends Error {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamName: string) {
    super(`stream ${streamName} is deleted`);
  }
}

/** One append is larger than the store takes in one write (EventStoreDB's MaxAppendSize, 1 MiB by default). */
export class AppendTooLarge extends Error {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(
    readonly streamName: string,
    readonly maxAppendSize: number,
    /** The append's size as the store counts it, when known before sending. */
    readonly size?: number,
  ) {
    super(
      size === undefined
        ? `stream ${streamName}: the append exceeds the store's limit of ${maxAppendSize} bytes`
        : `stream ${streamName}: an append of ${size} bytes exceeds the store's limit of ${maxAppendSize} bytes`,
    );
  }
}

/** The store's errors; a new one joins this union, and the api's statusOf will not compile until it has a status. */
export type EventStoreError = WrongExpectedRevision | DuplicateEventIds | InvalidAppend | StreamDeleted | AppendTooLarge | InvalidPosition;
export type EventStoreErrorCode = EventStoreError['code'];
