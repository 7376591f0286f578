import type { ExpectedRevision } from './event-store.port.js';

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
