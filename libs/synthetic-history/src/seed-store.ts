import { WrongExpectedRevision, type EventStore } from '#event-store';
import { appendHistory, type AppendHistoryResult, type SyntheticHistoryOptions } from './synthetic-history.js';

/**
 * Appends a synthetic history to a store that may already have started: the default pipelines Tally creates at
 * its first start are kept, never appended twice.
 */
export const seedStore = (
  store: EventStore,
  options: SyntheticHistoryOptions,
  onProgress?: (progress: AppendHistoryResult) => void,
): Promise<AppendHistoryResult> =>
  appendHistory(
    {
      appendToStream: async (streamName, events, appendOptions) => {
        if (!streamName.startsWith('pipeline-')) return store.appendToStream(streamName, events, appendOptions);
        try {
          return await store.appendToStream(streamName, events, { expectedRevision: 'no_stream' });
        } catch (error) {
          if (!(error instanceof WrongExpectedRevision)) throw error;
          return { nextRevision: typeof error.actual === 'number' ? error.actual : -1, position: { commit: -1n, prepare: -1n } };
        }
      },
    },
    options,
    onProgress,
  );
