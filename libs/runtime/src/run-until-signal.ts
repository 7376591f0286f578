// A long-running process (api, projector) stops on SIGINT or SIGTERM by closing what it opened, the database
// last, and exits 0. Node's default (or a framework re-raising the signal) would exit 130/143 with the embedded
// database still open.
import { ConfigError } from '#config';
import { DataDirBusy } from './data-dir-lock.js';

export type Stop = () => Promise<void>;
export type ProcessLog = Readonly<{ log(message: string): void; error(message: string): void }>;
export type RunOptions = Readonly<{
  /**
   * How long a stop may take before the process exits anyway (code 1): an orchestrator kills it 10 s after SIGTERM,
   * and a process that exits by itself says why.
   */
  stopTimeoutMs?: number;
}>;

const STOP_TIMEOUT_MS = 9_500;

const describe = (error: unknown): string =>
  error instanceof ConfigError || error instanceof DataDirBusy ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Runs `start`, which returns how to stop what it started. A signal during start-up waits for it to finish, then
 * stops; a second signal while stopping is only acknowledged. Exit code 0 after a clean stop, 1 when starting or
 * stopping failed or took longer than the stop timeout.
 */
export const runUntilSignal = (start: () => Promise<Stop>, out: ProcessLog, options: RunOptions = {}): void => {
  let received: NodeJS.Signals | null = null;
  const started = start();
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      out.log(`${signal}: already stopping (pid ${process.pid})`);
      return;
    }
    received = signal;
    out.log(`${signal}: stopping`);
    const stopTimeoutMs = options.stopTimeoutMs ?? STOP_TIMEOUT_MS;
    setTimeout(() => {
      out.error(`${signal}: not stopped after ${stopTimeoutMs} ms; exiting with work unfinished (it resumes from the checkpoints)`);
      process.exit(1);
    }, stopTimeoutMs).unref();
    started
      .then((stop) => stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          out.error(describe(error));
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  started.catch((error: unknown) => {
    // With a signal received, the stop path above reports the failure.
    if (received) return;
    out.error(describe(error));
    process.exit(1);
  });
};
