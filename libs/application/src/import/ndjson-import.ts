// Imports history as NDJSON, one event per line: {"streamName": "...", "event": {"id", "type", "data",
// "metadata": {"occurredAt", "schemaVersion"?}}}. Streamed line by line (constant memory), idempotent by event id
// (a re-run stores nothing twice), and every rejected line is reported with its reason. The actor and
// correlation id are the importer's, never the file's: the audit trail says who imported. Each event must fit its
// stream: the category of its aggregate, the id the stream names, and what the decider could have produced next
// (history-rules.ts); lines are judged a window at a time against the streams as stored plus the earlier lines.
// Claims on unique values (a contact's email, a company's domain) are never lines: each is derived from the event
// that takes the value, as its command handler would claim it, and a value another record holds refuses the line.
import { appendToStreams, readStreams, streamCategory, type EventStore, type NewEvent, type RecordedEvent } from '#event-store';
import type { EventCatalog } from '#domain/catalog';
import type { EventValidator } from '#domain/catalog';
import { describeJsonTextFault, jsonTextFault, INSTANT_RULE, utcInstant, type DomainEvent } from '#domain/shared';
import { deterministicUuid, type RequestContext } from '../request-context.js';
import { HISTORY_CATEGORIES, StreamHistories, streamsToRead, type DerivedEvents, type HistoryEvent } from './history-rules.js';

export type ImportRejection = Readonly<{ line: number; reason: string; eventId?: string }>;

export type ImportReport = {
  lines: number;
  /** Newly stored. */
  accepted: number;
  /** Already stored by an earlier run: skipped, not stored twice. */
  duplicates: number;
  rejected: number;
  /** The first rejections, with their reasons (all are counted). */
  rejections: ImportRejection[];
};

export type ImportDependencies = Readonly<{
  store: EventStore;
  catalog: EventCatalog;
  validator: EventValidator;
  context: RequestContext;
  /** Events per round trip to the store (the streams of consecutive lines, appended together). */
  batchSize?: number;
  maxReportedRejections?: number;
  onProgress?: (report: Readonly<ImportReport>) => void;
}>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM = /^[a-z][a-z0-9]*-[A-Za-z0-9_:.-]{1,200}$/;
// Streams read at once while a window is judged: enough to hide latency, few enough to leave the pool to others.
const READ_CONCURRENCY = 8;

/** An event to store for a line: the line's own, or one it implies (a claim), which the report does not count. */
type Pending = { line: number; event: NewEvent; derived: boolean };
type Parsed = { line: number; event: NewEvent; streamName: string; judged: HistoryEvent };
type StreamRun = { streamName: string; items: Pending[] };

// Values quoted whole in a reason, unless very long: cut, with an ellipsis inside the closing quote.
const QUOTED_MAX = 200;
const quoted = (value: unknown): string =>
  typeof value === 'string' && value.length > QUOTED_MAX ? JSON.stringify(`${value.slice(0, QUOTED_MAX)}…`) : String(JSON.stringify(value));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const importNdjson = async (lines: AsyncIterable<string>, deps: ImportDependencies): Promise<ImportReport> => {
  const report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
  const batchSize = deps.batchSize ?? 1000;
  const maxRejections = deps.maxReportedRejections ?? 100;
  // Consecutive lines of a stream form one run; runs of several streams go to the store in one round trip.
  let runs: StreamRun[] = [];
  let pendingIds = new Set<string>();
  // Parsed lines waiting to be judged, in file order.
  let window: Parsed[] = [];
  // At most one round trip in flight, so the file's order holds in the log, while the next lines are parsed.
  let inFlight: Promise<void> = Promise.resolve();

  const reject = (line: number, reason: string, eventId?: string) => {
    report.rejected++;
    if (report.rejections.length < maxRejections) report.rejections.push({ line, reason, ...(eventId ? { eventId } : {}) });
  };

  const appendRuns = async (batch: readonly StreamRun[]) => {
    const outcomes = await appendToStreams(deps.store, batch.map((run) => ({ streamName: run.streamName, events: run.items.map((p) => p.event) })));
    // A run that is partly stored already (an earlier import): its events are judged one by one.
    const partial = batch.filter((_, i) => outcomes[i].status === 'duplicate_ids').flatMap((run) => run.items.map((item) => ({ run, item })));
    const lineEvents = (run: StreamRun) => run.items.filter((item) => !item.derived).length;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'appended') report.accepted += lineEvents(batch[i]);
      else if (outcome.status === 'already_stored') report.duplicates += lineEvents(batch[i]);
    });
    if (partial.length > 0) {
      const single = await appendToStreams(deps.store, partial.map(({ run, item }) => ({ streamName: run.streamName, events: [item.event] })));
      single.forEach((outcome, i) => {
        const { item } = partial[i];
        if (item.derived) return;
        if (outcome.status === 'duplicate_ids') reject(item.line, outcome.error.message, item.event.id);
        else if (outcome.status === 'already_stored') report.duplicates++;
        else report.accepted++;
      });
    }
    deps.onProgress?.(report);
  };

  const flush = async () => {
    await inFlight;
    if (runs.length === 0) return;
    const batch = runs;
    runs = [];
    pendingIds = new Set();
    inFlight = appendRuns(batch);
    // Awaited by the next flush; handled now so that a failure is not reported as unhandled meanwhile.
    inFlight.catch(() => undefined);
  };

  const parse = (text: string, line: number): Parsed | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      reject(line, 'not valid JSON');
      return null;
    }
    // JSON.parse rounds what a double cannot hold (9007199254740993) and keeps the last of a key given twice: refused,
    // never stored changed.
    const fault = jsonTextFault(text);
    if (fault) {
      const eventId = isObject(parsed) && isObject(parsed.event) && typeof parsed.event.id === 'string' && UUID.test(parsed.event.id) ? parsed.event.id : undefined;
      reject(line, describeJsonTextFault(fault), eventId);
      return null;
    }
    if (!isObject(parsed) || typeof parsed.streamName !== 'string' || !isObject(parsed.event)) {
      reject(line, 'expected {"streamName": string, "event": {...}}');
      return null;
    }
    const { streamName, event } = parsed;
    const id = event.id;
    if (typeof id !== 'string' || !UUID.test(id)) {
      reject(line, 'event.id must be a uuid');
      return null;
    }
    // Claims (`unique-`), settings and scoring formulas are Tally's own: only its commands write them.
    if (!STREAM.test(streamName) || !HISTORY_CATEGORIES.includes(streamCategory(streamName))) {
      reject(line, `streamName ${quoted(streamName)} is not a stream an import may write (categories: ${HISTORY_CATEGORIES.join(', ')})`, id);
      return null;
    }
    if (typeof event.type !== 'string' || !deps.catalog.has(event.type)) {
      reject(line, `unknown event type ${quoted(event.type)}`, id);
      return null;
    }
    const metadata = isObject(event.metadata) ? event.metadata : {};
    const occurredAt = typeof metadata.occurredAt === 'string' ? utcInstant(metadata.occurredAt) : null;
    if (occurredAt === null) {
      reject(line, `event.metadata.occurredAt must be ${INSTANT_RULE}`, id);
      return null;
    }
    const current = deps.catalog.schemaVersionOf(event.type);
    const schemaVersion = metadata.schemaVersion ?? current;
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
      reject(line, `event.metadata.schemaVersion must be 1..${current} for ${event.type}`, id);
      return null;
    }
    // Stored as given (an older shape stays older); validated in the shape readers will see.
    let lifted: unknown;
    try {
      lifted = deps.catalog.upcast(event.type, schemaVersion, event.data).data;
    } catch (error) {
      reject(line, `cannot read ${event.type} v${schemaVersion}: ${(error as Error).message}`, id);
      return null;
    }
    const validation = deps.validator.validate(event.type, lifted);
    if (!validation.valid) {
      reject(line, `${event.type} data: ${validation.errors.join('; ')}`, id);
      return null;
    }
    return {
      line,
      streamName,
      judged: { id, type: event.type, data: lifted as Record<string, unknown> },
      event: {
        id,
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt,
          actor: deps.context.actor,
          correlationId: deps.context.correlationId,
          causationId: deps.context.causationId,
          schemaVersion,
          source: 'import',
        },
      },
    };
  };

  // Its id derives from the line's event, so a re-run finds it stored; the line's event is its cause.
  const derivedEvent = (cause: NewEvent, streamName: string, event: DomainEvent): NewEvent => ({
    id: deterministicUuid(cause.id, `${streamName}#${event.type}`),
    type: event.type,
    data: event.data,
    metadata: { ...cause.metadata, causationId: cause.id, schemaVersion: deps.catalog.schemaVersionOf(event.type) },
  });

  /** A stored event in its current shape. */
  const historyEvent = (e: RecordedEvent): HistoryEvent => {
    const { data } = deps.catalog.upcast(e.type, e.metadata.schemaVersion, e.data);
    return { id: e.id, type: e.type, data: data as Record<string, unknown> };
  };

  const judgeWindow = async () => {
    const judging = window;
    window = [];
    if (judging.length === 0) return;
    // The store holds every earlier line (flushed at the end of the last window) before the window's streams are read.
    await inFlight;
    const histories = new StreamHistories();
    const names = [...new Set(judging.flatMap((p) => streamsToRead(p.streamName, p.judged)))];
    for (const [name, events] of await readStreams(deps.store, names, READ_CONCURRENCY)) histories.load(name, events.map(historyEvent));
    for (const parsed of judging) {
      let derived: readonly DerivedEvents[] = [];
      if (!histories.isStored(parsed.streamName, parsed.event.id)) {
        const judgement = histories.verdict(parsed.streamName, parsed.judged);
        if (judgement.reason !== null) {
          reject(parsed.line, judgement.reason, parsed.event.id);
          continue;
        }
        derived = judgement.derived;
      }
      // The claims go first, in the same round trip as the line: the store holds both or neither.
      const items = [
        ...derived.flatMap(({ streamName, events }) =>
          events.map((event) => ({ streamName, item: { line: parsed.line, event: derivedEvent(parsed.event, streamName, event), derived: true } })),
        ),
        { streamName: parsed.streamName, item: { line: parsed.line, event: parsed.event, derived: false } },
      ];
      // An id seen again goes to a later round trip, where the store judges it against the first.
      if (items.some(({ item }) => pendingIds.has(item.event.id))) await flush();
      for (const { streamName, item } of items) {
        const last = runs.at(-1);
        if (last?.streamName === streamName) last.items.push(item);
        else runs.push({ streamName, items: [item] });
        pendingIds.add(item.event.id);
      }
      if (pendingIds.size >= batchSize) await flush();
    }
    // Stored while the next window is parsed.
    await flush();
  };

  for await (const raw of lines) {
    report.lines++;
    const text = raw.trim();
    if (text === '') continue;
    const parsed = parse(text, report.lines);
    if (!parsed) continue;
    window.push(parsed);
    if (window.length >= batchSize) await judgeWindow();
  }
  await judgeWindow();
  await flush();
  await inFlight;
  report.rejections.sort((a, b) => a.line - b.line);
  deps.onProgress?.(report);
  return report;
};
