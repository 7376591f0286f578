// Imports history as NDJSON, one event per line: {"streamName": "...", "event": {"id", "type", "data",
// "metadata": {"occurredAt", "schemaVersion"?}}}. Streamed line by line (constant memory), idempotent by event id
// (a re-run stores nothing twice), and every rejected line is reported with its reason. The actor and
// correlation id are the importer's, never the file's: the audit trail says who imported.
import { streamCategory, DuplicateEventIds, type EventStore, type NewEvent } from '../../../event-store/src/index.js';
import type { EventCatalog } from '../../../domain/src/catalog/event-catalog.js';
import type { EventValidator } from '../../../domain/src/catalog/event-validator.js';
import type { RequestContext } from '../request-context.js';

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
  batchSize?: number;
  maxReportedRejections?: number;
  onProgress?: (report: Readonly<ImportReport>) => void;
}>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM = /^[a-z][a-z0-9]*-[A-Za-z0-9_:.-]{1,200}$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// Streams only Tally's own commands may write; an import must not forge claims or settings.
const FORBIDDEN_CATEGORIES = new Set(['unique', 'settings']);

type Pending = { line: number; event: NewEvent };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const importNdjson = async (lines: AsyncIterable<string>, deps: ImportDependencies): Promise<ImportReport> => {
  const report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
  const batchSize = deps.batchSize ?? 500;
  const maxRejections = deps.maxReportedRejections ?? 100;
  let stream: string | null = null;
  let pending: Pending[] = [];

  const reject = (line: number, reason: string, eventId?: string) => {
    report.rejected++;
    if (report.rejections.length < maxRejections) report.rejections.push({ line, reason, ...(eventId ? { eventId } : {}) });
  };

  const appendOne = async (streamName: string, item: Pending) => {
    try {
      const result = await deps.store.appendToStream(streamName, [item.event], { expectedRevision: 'any' });
      if (result.alreadyStored) report.duplicates++;
      else report.accepted++;
    } catch (error) {
      reject(item.line, error instanceof Error ? error.message : String(error), item.event.id);
    }
  };

  const flush = async () => {
    if (!stream || pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      const result = await deps.store.appendToStream(stream, batch.map((p) => p.event), { expectedRevision: 'any' });
      if (result.alreadyStored) report.duplicates += batch.length;
      else report.accepted += batch.length;
    } catch (error) {
      if (!(error instanceof DuplicateEventIds)) throw error;
      // Part of the batch came from an earlier run: store the rest one by one.
      for (const item of batch) await appendOne(stream, item);
    }
    deps.onProgress?.(report);
  };

  const parse = (text: string, line: number): { streamName: string; event: NewEvent } | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      reject(line, 'not valid JSON');
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
    if (!STREAM.test(streamName) || FORBIDDEN_CATEGORIES.has(streamCategory(streamName))) {
      reject(line, `streamName ${JSON.stringify(streamName).slice(0, 80)} is not a stream an import may write`, id);
      return null;
    }
    if (typeof event.type !== 'string' || !deps.catalog.has(event.type)) {
      reject(line, `unknown event type ${JSON.stringify(event.type).slice(0, 80)}`, id);
      return null;
    }
    const metadata = isObject(event.metadata) ? event.metadata : {};
    const occurredAt = metadata.occurredAt;
    if (typeof occurredAt !== 'string' || !ISO_WITH_ZONE.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
      reject(line, 'event.metadata.occurredAt must be an ISO 8601 date-time with a time zone', id);
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
      streamName,
      event: {
        id,
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: new Date(occurredAt).toISOString(),
          actor: deps.context.actor,
          correlationId: deps.context.correlationId,
          causationId: deps.context.causationId,
          schemaVersion,
          source: 'import',
        },
      },
    };
  };

  for await (const raw of lines) {
    report.lines++;
    const text = raw.trim();
    if (text === '') continue;
    const parsed = parse(text, report.lines);
    if (!parsed) continue;
    if (parsed.streamName !== stream || pending.length >= batchSize) {
      await flush();
      stream = parsed.streamName;
    }
    pending.push({ line: report.lines, event: parsed.event });
  }
  await flush();
  deps.onProgress?.(report);
  return report;
};
