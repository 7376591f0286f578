// History import of a mixed NDJSON file: event lines go to the event import, command lines through the CommandBus
// as the HTTP routes send them. Streamed line by line; runs of event lines are handed to the event import whole,
// so it keeps batching, and each run is flushed before the next command so the file's order holds.
// The importer's role decides per line: a command line needs the permission of its HTTP route, an event line (raw
// history, checked against the deciders in the event import) needs history:write.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import type { ValidationError } from 'class-validator';
import {
  idempotentIds,
  importNdjson,
  type IdFactory,
  type ImportReport,
  type RequestContext,
} from '#application';
import { isAllowed, ROLES, type Role } from '#auth';
import { eventCatalog } from '#domain/catalog';
import { EventValidator } from '#domain/catalog';
import { describeJsonTextFault, jsonTextFault, INSTANT_RULE, parseInstant, utcInstant } from '#domain/shared';
import type { Runtime } from '#runtime';
import { MAX_CLOCK_AHEAD_MS } from '../contacts/business-time.js';
import { permissionOf } from '../auth/route-areas.js';
import { toHttpError } from '../http/error.filter.js';
import { InvalidUtf8Line } from '../http/utf8-lines.js';
import { hostileShape } from '../http/validation.js';
import { RUNTIME } from '../tokens.js';
import { IMPORT_COMMANDS, type ImportCommand } from './import-commands.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REPORTED_REJECTIONS = 100;
const eventValidator = new EventValidator(eventCatalog);

type Outcome = 'accepted' | 'duplicate' | { rejected: string };

type CommandLine = Readonly<{ command: unknown; id?: unknown; occurredAt?: unknown; data?: unknown; textFault?: string }>;

/** A line of the file: its text, or the mark of a line whose bytes are no UTF-8 (rejected, never decoded). */
export type ImportLine = string | InvalidUtf8Line;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A command line, or null for anything else (an event line, or a line the event import will reject). */
const commandLineOf = (text: string): CommandLine | null => {
  if (!text.includes('"command"')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed) || !('command' in parsed)) return null;
    // JSON.parse rounds what a double cannot hold (9007199254740993) and keeps the last of a key given twice: the
    // line is refused, never run changed.
    const found = jsonTextFault(text);
    const textFault = found ? describeJsonTextFault(found) : undefined;
    return { command: parsed.command, id: parsed.id, occurredAt: parsed.occurredAt, data: parsed.data, ...(textFault ? { textFault } : {}) };
  } catch {
    return null;
  }
};

const fieldErrors = (errors: readonly ValidationError[], parent: string): string[] =>
  errors.flatMap((error) => {
    const field = `${parent}.${error.property}`;
    return [...Object.values(error.constraints ?? {}).map((reason) => `${field}: ${reason}`), ...fieldErrors(error.children ?? [], field)];
  });

const rejected = (reason: string): Outcome => ({ rejected: reason });

const mayWriteHistory = (role: Role): boolean => isAllowed(role, 'history:write');

/** Why `role` may not run `name` as its HTTP route would, or null when it may. */
const forbidden = (role: Role, name: string, spec: ImportCommand): string | null => {
  const permission = permissionOf(spec.route.method, spec.route.path);
  if (permission === 'public' || (permission !== null && isAllowed(role, permission))) return null;
  return `403 FORBIDDEN: the ${role} role may not ${permission ?? 'use'} (${name} runs as ${spec.route.method} ${spec.route.path})`;
};

/** A run of event lines from an importer without history:write: each line refused, none read further. */
const refusedRun = async (lines: AsyncIterable<string>, role: Role): Promise<ImportReport> => {
  const report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
  const reason = `raw event lines are the historical-migration path and need history:write (super-admin); the ${role} role may send command lines`;
  for await (const text of lines) {
    report.lines++;
    if (text.trim() === '') continue;
    report.rejected++;
    if (report.rejections.length < MAX_REPORTED_REJECTIONS) report.rejections.push({ line: report.lines, reason });
  }
  return report;
};

// Appends that land after a line's own events (another writer) are looked past, up to this many.
const TAIL_SLACK = 10;

/** The line's ids, remembering the event ids it took per stream: purposes are `event:<stream>`. */
const trackedIds = (ids: IdFactory) => {
  const eventIds = new Map<string, Set<string>>();
  const factory: IdFactory = {
    next: (purpose) => {
      const id = ids.next(purpose);
      if (purpose.startsWith('event:')) {
        const stream = purpose.slice('event:'.length);
        eventIds.set(stream, (eventIds.get(stream) ?? new Set<string>()).add(id));
      }
      return id;
    },
  };
  return { factory, eventIds };
};

/** The report with a run of event lines added; the run counted its lines from 1, the file from `offset` + 1. */
const withRun = (report: Readonly<ImportReport>, run: Readonly<ImportReport>, offset: number): ImportReport => ({
  lines: report.lines + run.lines,
  accepted: report.accepted + run.accepted,
  duplicates: report.duplicates + run.duplicates,
  rejected: report.rejected + run.rejected,
  rejections: [
    ...report.rejections,
    ...run.rejections.slice(0, MAX_REPORTED_REJECTIONS - report.rejections.length).map((r) => ({ ...r, line: r.line + offset })),
  ],
});

@Injectable()
export class CommandImportService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * Imports a file of event and command lines; the importer in `context` is the actor of every event written, and
   * `role` (the key's; super-admin for the operator's CLI) decides which lines it may write.
   */
  async importLines(
    lines: AsyncIterable<ImportLine>,
    context: RequestContext,
    role: Role,
    onProgress: (report: Readonly<ImportReport>) => void = () => undefined,
  ): Promise<ImportReport> {
    // Fails closed on a caller that passes no role.
    if (!ROLES.includes(role)) throw new Error(`importLines needs the importer's role, one of ${ROLES.join(', ')}`);
    let report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
    // The causation id marks this run's events: a re-run finds the line's events stored by an earlier run.
    const importer: RequestContext = { ...context, source: 'import', causationId: context.causationId ?? randomUUID() };
    const input = lines[Symbol.asyncIterator]();
    // A command line or an unreadable line that ended a run of event lines, waiting its turn.
    let held: { text: string; command: CommandLine } | InvalidUtf8Line | null = null;
    let done = false;

    const nextLine = async (): Promise<ImportLine | null> => {
      const next = await input.next();
      if (next.done) {
        done = true;
        return null;
      }
      return next.value;
    };

    // Yields event lines until a command line (held back) or the end of the file.
    async function* eventRun(first: string): AsyncGenerator<string> {
      yield first;
      for (let text = await nextLine(); text !== null; text = await nextLine()) {
        if (text instanceof InvalidUtf8Line) {
          held = text;
          return;
        }
        const command = commandLineOf(text);
        if (command) {
          held = { text, command };
          return;
        }
        yield text;
      }
    }

    while (!done || held) {
      let line: { text: string; command: CommandLine | null } | InvalidUtf8Line;
      if (held) {
        line = held;
        held = null;
      } else {
        const text = await nextLine();
        if (text === null) break;
        line = text instanceof InvalidUtf8Line ? text : { text, command: commandLineOf(text) };
      }
      if (line instanceof InvalidUtf8Line) {
        report.lines++;
        report.rejected++;
        if (report.rejections.length < MAX_REPORTED_REJECTIONS) report.rejections.push({ line: report.lines, reason: `${line.reason}: nothing of it was stored` });
        onProgress(report);
        continue;
      }
      if (line.command === null) {
        const offset = report.lines;
        if (!mayWriteHistory(role)) {
          report = withRun(report, await refusedRun(eventRun(line.text), role), offset);
          onProgress(report);
          continue;
        }
        const run = await importNdjson(eventRun(line.text), {
          store: this.runtime.eventStore,
          catalog: eventCatalog,
          validator: eventValidator,
          context: importer,
          maxReportedRejections: MAX_REPORTED_REJECTIONS,
          onProgress: (partial) => onProgress(withRun(report, partial, offset)),
        });
        report = withRun(report, run, offset);
        continue;
      }
      report.lines++;
      const outcome = await this.run(line.command, importer, role);
      if (outcome === 'accepted') report.accepted++;
      else if (outcome === 'duplicate') report.duplicates++;
      else {
        report.rejected++;
        if (report.rejections.length < MAX_REPORTED_REJECTIONS) report.rejections.push({ line: report.lines, reason: outcome.rejected });
      }
      onProgress(report);
    }
    onProgress(report);
    return report;
  }

  private async run(line: CommandLine, importer: RequestContext, role: Role): Promise<Outcome> {
    const { command: name, id, occurredAt, data } = line;
    if (line.textFault !== undefined) return rejected(line.textFault);
    if (typeof id !== 'string' || !UUID.test(id)) return rejected('id must be a uuid (the line\'s idempotency key)');
    const spec = typeof name === 'string' && Object.hasOwn(IMPORT_COMMANDS, name) ? IMPORT_COMMANDS[name] : undefined;
    if (!spec) return rejected(`unknown command ${JSON.stringify(name).slice(0, 80)}; known: ${Object.keys(IMPORT_COMMANDS).join(', ')}`);
    const refusal = forbidden(role, String(name), spec);
    if (refusal !== null) return rejected(refusal);
    if (occurredAt !== undefined && (typeof occurredAt !== 'string' || !this.isBusinessTime(occurredAt, importer.now))) {
      return rejected(`occurredAt must be ${INSTANT_RULE}, at most 5 minutes ahead`);
    }
    if (!isObject(data)) return rejected('data must be an object');

    // Ids derive from the line id, so a re-run of the file reuses them and the executor appends nothing new.
    const ids = trackedIds(idempotentIds(`import:${id}`));
    const context: RequestContext = { ...importer, ids: ids.factory };
    const body = await this.validated(spec, data, context);
    if (typeof body === 'string') return rejected(body);
    const at = (bodyOccurredAt?: string) => {
      const time = bodyOccurredAt ?? occurredAt;
      const utc = typeof time === 'string' ? utcInstant(time) : null;
      return utc === null ? { now: context.now } : { now: context.now, occurredAt: utc };
    };
    const bodyTime = 'occurredAt' in body.dto && typeof body.dto.occurredAt === 'string' ? body.dto.occurredAt : undefined;
    if (bodyTime !== undefined && !this.isBusinessTime(bodyTime, importer.now)) {
      return rejected('data.occurredAt must not be more than 5 minutes in the future');
    }

    try {
      await this.commands.execute(spec.toCommand(body.dto, body.recordId, at, context));
    } catch (error) {
      const mapped = toHttpError(error);
      if (!mapped || mapped.status >= 500) throw error;
      return rejected(`${mapped.status} ${String(mapped.body.error)}: ${String(mapped.body.message)}`);
    }
    return (await this.wroteAny(ids.eventIds, importer.causationId)) ? 'accepted' : 'duplicate';
  }

  /** Whether the line stored an event of its own in this run (not one an earlier run stored under the same id). */
  private async wroteAny(eventIds: ReadonlyMap<string, ReadonlySet<string>>, runId: string | null): Promise<boolean> {
    for (const [stream, taken] of eventIds) {
      const tail = this.runtime.eventStore.readStream(stream, { direction: 'backwards', maxCount: taken.size + TAIL_SLACK });
      for await (const event of tail) {
        if (taken.has(event.id) && event.metadata.causationId === runId) return true;
      }
    }
    return false;
  }

  private isBusinessTime(text: string, now: string): boolean {
    const time = parseInstant(text);
    return time !== null && time - Date.parse(now) <= MAX_CLOCK_AHEAD_MS;
  }

  /** The DTO instance and record id, or the reason naming every bad field. */
  private async validated(
    spec: ImportCommand,
    data: Record<string, unknown>,
    context: RequestContext,
  ): Promise<{ dto: Record<string, unknown>; recordId: string } | string> {
    const { [spec.idField]: givenId, ...fields } = data;
    const problems: string[] = [];
    if (givenId === undefined ? spec.newRecord === null : typeof givenId !== 'string' || !UUID.test(givenId)) {
      problems.push(`data.${spec.idField}: ${spec.idField} must be a UUID`);
    }
    const hostile = hostileShape(fields);
    if (hostile) return `data.${hostile.field}: ${hostile.reason}`;
    const dto = classTransformer.plainToInstance(spec.dto, fields, { enableImplicitConversion: false });
    const errors = await classValidator.validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    problems.push(...fieldErrors(errors, 'data'));
    if (problems.length > 0) return problems.join('; ');
    const recordId = typeof givenId === 'string' ? givenId : context.ids.next(spec.newRecord ?? spec.idField);
    return { dto: { ...dto }, recordId };
  }
}
