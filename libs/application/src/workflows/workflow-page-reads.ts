// What the runner reads while it judges one page of the log: the records and run streams the page's events name are
// read in one query when the page starts, instead of one query per stream per judgment, and every other stream
// (an owner, a company) and lead score is read once per page however many runs ask. Only the runner's own
// judgments read through it, and only during a page: the copy is as fresh as a read when the page started, and
// whatever this process writes (an action's events, a run) is forgotten at once and read again from the store.
// Whether a trigger enrolled before is read from the copy too: a run appended elsewhere since makes the run's append
// lose on its expected revision, and the retry reads the stream again.
import { readStreams, type EventStore, type ReadStreamOptions, type RecordedEvent } from '#event-store';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';
import type { ReadCache } from './workflow-runs.js';

type Score = Awaited<ReturnType<LeadScoreReadModel['find']>>;

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

export class PageReads implements ReadCache {
  /** Null outside a page: reads go to the store. */
  private streams: Map<string, Promise<readonly RecordedEvent[]>> | null = null;
  private scores = new Map<string, Promise<Score>>();
  /** The store as the runner's records and runs read it. */
  readonly store: EventStore;
  /** The lead scores as the runner's records read them. */
  readonly leadScores: LeadScoreReadModel;

  constructor(
    private readonly inner: EventStore,
    innerScores: LeadScoreReadModel,
  ) {
    const reads = this;
    this.store = {
      appendToStream: (streamName, events, options) => inner.appendToStream(streamName, events, options),
      readStream: (streamName, options) => reads.readStream(streamName, options),
      readAll: (options) => inner.readAll(options),
      subscribeToAll: (options) => inner.subscribeToAll(options),
      headPosition: () => inner.headPosition(),
      close: () => inner.close(),
    };
    this.leadScores = {
      name: innerScores.name,
      formulaOf: (params) => innerScores.formulaOf(params),
      list: (query) => innerScores.list(query),
      find: (contactId) => reads.findScore(innerScores, contactId),
      contributions: (contactId) => innerScores.contributions(contactId),
      explain: (contactId) => innerScores.explain(contactId),
      storedAt: (version, contactId) => innerScores.storedAt(version, contactId),
      compareBuilds: (before, after) => innerScores.compareBuilds(before, after),
      qualificationChanges: (after, upTo, limit) => innerScores.qualificationChanges(after, upTo, limit),
    };
  }

  /** A page starts: `streamNames` are read now, in one call where the store can. */
  async begin(streamNames: readonly string[]): Promise<void> {
    this.streams = new Map();
    this.scores = new Map();
    const names = [...new Set(streamNames)];
    if (names.length === 0) return;
    for (const [name, events] of await readStreams(this.inner, names)) this.streams.set(name, Promise.resolve(events));
  }

  /** The page is over: nothing is kept. */
  end(): void {
    this.streams = null;
    this.scores = new Map();
  }

  forget(streamNames: readonly string[]): void {
    for (const name of streamNames) this.streams?.delete(name);
  }

  /** After a failure nobody can say what was written: everything is read again. */
  clear(): void {
    this.streams?.clear();
    this.scores.clear();
  }

  private async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const streams = this.streams;
    // Partial reads (a revision range, backwards) are not what the judgments ask: they go to the store.
    if (streams === null || (options !== undefined && Object.keys(options).length > 0)) {
      yield* this.inner.readStream(streamName, options);
      return;
    }
    let events = streams.get(streamName);
    if (events === undefined) {
      events = collect(this.inner.readStream(streamName));
      streams.set(streamName, events);
      // A failed read is not kept: the next attempt reads again.
      events.catch(() => streams.get(streamName) === events && streams.delete(streamName));
    }
    yield* await events;
  }

  private findScore(inner: LeadScoreReadModel, contactId: string): Promise<Score> {
    if (this.streams === null) return inner.find(contactId);
    let score = this.scores.get(contactId);
    if (score === undefined) {
      const scores = this.scores;
      score = inner.find(contactId);
      scores.set(contactId, score);
      score.catch(() => scores.get(contactId) === score && scores.delete(contactId));
    }
    return score;
  }
}
