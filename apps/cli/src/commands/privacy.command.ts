import { encryptClearHistory } from '#privacy';
import type { Runtime } from '#runtime';

const USAGE = 'usage: tally privacy encrypt-history [--dry-run]';

/**
 * `tally privacy encrypt-history [--dry-run]`: the one-time migration of personal values stored in clear before
 * crypto-shredding (README, "Personal data and erasure"). PostgreSQL store only: EventStoreDB never held such history.
 */
export const privacyCommand = async (
  runtime: Runtime,
  args: readonly string[],
  options: Readonly<{ dryRun: boolean; actor: string }>,
  out: (text: string) => void = console.log,
): Promise<number> => {
  if (args[0] !== 'encrypt-history' || args.length > 1) throw new Error(USAGE);
  if (runtime.config.eventStore !== 'postgres') throw new Error('encrypt-history re-writes the PostgreSQL log; EventStoreDB events are sealed as appended');
  const report = await encryptClearHistory(runtime.db.pool, runtime.encryption, { actor: options.actor, dryRun: options.dryRun });
  out(
    `${options.dryRun ? 'would re-write' : 're-wrote'} ${report.eventsRewritten} events up to position ${report.throughPosition ?? 'none'}: ` +
      `${report.valuesEncrypted} values encrypted for ${report.contacts} contacts, ${report.valuesRedacted} redacted (erased contacts)` +
      (options.dryRun || report.eventsRewritten === 0 ? '' : '; recorded as PersonalHistoryEncrypted on stream privacy-history'),
  );
  return 0;
};
