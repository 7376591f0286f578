// One JSON line per log record (pino), for every process: the api's requests (through nestjs-pino), the projector's
// and the workers' messages. A line about an event carries the event's correlation id, a line about a request the
// request's. Secrets never reach a line: the Authorization header and keys are redacted wherever they appear.
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export type LogLevel = Level | 'silent';

// TALLY_LOG_LEVEL speaks Nest's words, as the configuration checks them (libs/config): `log` is pino's `info`.
const FROM_CONFIG: Readonly<Record<string, LogLevel>> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/**
 * TALLY_LOG_LEVEL (error, warn, log or debug) as pino's level; `fallback` when unset. A bad value also falls back
 * here: loadConfig names it and refuses to start.
 */
export const logLevelFrom = (env: NodeJS.ProcessEnv = process.env, fallback: LogLevel = 'info'): LogLevel =>
  FROM_CONFIG[env.TALLY_LOG_LEVEL?.trim().toLowerCase() ?? ''] ?? fallback;

/** Paths pino blanks in every record, whatever a caller passes. */
export const REDACTED_PATHS: readonly string[] = [
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'key',
  'secret',
  '*.authorization',
  '*.secret',
];

export type JsonLogOptions = Readonly<{ level?: LogLevel; name?: string; destination?: DestinationStream }>;

/** The process's JSON logger: level from TALLY_LOG_LEVEL unless given, to stdout unless given. */
export const createJsonLogger = (options: JsonLogOptions = {}): Logger =>
  pino(
    {
      level: options.level ?? logLevelFrom(),
      ...(options.name ? { name: options.name } : {}),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ sync: false }),
  );

export type LoggedEvent = Readonly<{
  id: string;
  type: string;
  streamName?: string;
  metadata?: Readonly<{ correlationId?: string; causationId?: string }>;
}>;

/** The fields of a line about an event: which one, and the correlation id it carries from its command. */
export const eventFields = (event: LoggedEvent): Record<string, string> => ({
  eventId: event.id,
  eventType: event.type,
  ...(event.streamName ? { streamName: event.streamName } : {}),
  ...(event.metadata?.correlationId ? { correlationId: event.metadata.correlationId } : {}),
  ...(event.metadata?.causationId ? { causationId: event.metadata.causationId } : {}),
});

/**
 * The `(message) => void` logger the engine and the workers take, writing JSON at `level`. A message about an
 * event carries it as the second argument (when the caller can pass it): its ids and correlation id join the line.
 */
export const lineLogger =
  (logger: Logger, level: Exclude<LogLevel, 'silent'> = 'warn') =>
  (message: string, event?: LoggedEvent): void => {
    if (event) logger[level](eventFields(event), message);
    else logger[level](message);
  };
