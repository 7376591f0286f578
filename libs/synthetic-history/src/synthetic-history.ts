// A deterministic, HubSpot-like CRM history for benchmarks, backtests and demos. Every event comes out of the real
// deciders (decide + evolve), so it is valid by construction; only the commands are made up. Contacts are simulated
// one at a time on their own seeded generator, so memory stays flat and one contact's draws never shift another's.
//
// This file is the generator's public face; its parts live beside it: synthetic-history.vocabulary.ts (names, words,
// weights), .recorder.ts (commands through deciders into per-stream batches), .world.ts (owners, pipelines, companies,
// campaigns), .contact-life.ts (one contact's own doings) and .sales-and-support.ts (the deals, tickets and engagements
// reps plan around it).
import { defaultDealPipeline, defaultTicketPipeline, pipelineStream } from '#domain/pipeline';
import { streamCategory, type EventStore } from '#event-store';
import { ContactLife } from './synthetic-history.contact-life.js';
import type { StreamBatch } from './synthetic-history.recorder.js';
import { World, type SyntheticHistoryOptions } from './synthetic-history.world.js';

export { SEED_SOURCE, type StreamBatch } from './synthetic-history.recorder.js';
export { DEFAULT_HISTORY_DAYS, utcDay, type SyntheticHistoryOptions } from './synthetic-history.world.js';

export type AppendHistoryResult = Readonly<{ events: number; streams: number }>;

/**
 * The history as appendable batches: the default pipelines and the owners, then companies, then contact by contact (claims,
 * contact, activity, deals, tickets, engagements). Same options, same events, byte for byte.
 */
export function* generateHistory(options: SyntheticHistoryOptions): Generator<StreamBatch> {
  const world = new World(options);
  yield* world.setupBatches;
  for (let index = 0; index < world.companyCount; index++) yield* world.companyBatches(index);
  for (let index = 0; index < options.contacts; index++) yield* new ContactLife(world, index).batches();
}

// What a store has before any import: Tally creates the default pipelines at its first start, and an import derives
// the claim streams (`unique-`) from the contacts and companies it stores, as the api does. Property definitions are
// history an import writes (judged by their decider), so a re-imported seed has the definitions of its values.
const DEFAULT_PIPELINE_STREAMS = [defaultDealPipeline, defaultTicketPipeline].map((pipeline) => pipelineStream(pipeline.pipelineId));
const writtenByTally = (streamName: string): boolean => streamCategory(streamName) === 'unique' || DEFAULT_PIPELINE_STREAMS.includes(streamName);

/**
 * The history as an import file, one JSON line per event: {"streamName":...,"event":NewEvent}, without the streams
 * Tally writes itself (the default pipelines, the claims), so that `tally import` takes every line; the property
 * definitions come before the values that need them.
 */
export function* historyToNdjson(options: SyntheticHistoryOptions): Generator<string> {
  for (const batch of generateHistory(options)) {
    if (writtenByTally(batch.streamName)) continue;
    for (const event of batch.events) yield JSON.stringify({ streamName: batch.streamName, event });
  }
}

/** Appends the history batch by batch; meant for a fresh store (expectedRevision 'any'). */
export const appendHistory = async (
  store: Pick<EventStore, 'appendToStream'>,
  options: SyntheticHistoryOptions,
  onProgress?: (progress: AppendHistoryResult) => void,
): Promise<AppendHistoryResult> => {
  let events = 0;
  let streams = 0;
  for (const batch of generateHistory(options)) {
    await store.appendToStream(batch.streamName, batch.events, { expectedRevision: 'any' });
    events += batch.events.length;
    streams++;
    onProgress?.({ events, streams });
  }
  return { events, streams };
};
