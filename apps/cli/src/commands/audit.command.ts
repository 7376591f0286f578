import { verifyLeadScores } from '#application';
import { leadScoreReadModel } from '#projections/lead-score';
import type { Runtime } from '#runtime';
import { textTable } from './text-table.js';

export type AuditOptions = Readonly<{ contact?: string; all: boolean }>;

const USAGE = 'usage: tally audit verify lead-score (--contact ID | --all)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `tally audit verify lead-score [--contact ID | --all]`: re-derives stored scores from the log alone and lists
 * every mismatch. Exit code 3 when any score differs.
 */
export const auditCommand = async (
  runtime: Runtime,
  args: readonly string[],
  options: AuditOptions,
  out: (text: string) => void = console.log,
): Promise<number> => {
  const [action, target] = args;
  if (action !== 'verify' || target !== 'lead-score' || (options.contact === undefined) === !options.all) throw new Error(USAGE);
  if (options.contact !== undefined && !UUID.test(options.contact)) throw new Error(`--contact must be a contact id (a UUID)`);
  const report = await verifyLeadScores(runtime.projections, leadScoreReadModel(runtime.db.pool), options.contact);
  out(
    `lead-score@${report.version} (formula ${report.formulaId.slice(0, 12)}, log read up to ${report.position ?? 'the start'}): ` +
      `${report.checked} checked, ${report.mismatches.length} mismatches`,
  );
  if (report.mismatches.length > 0) {
    out(textTable(['contact', 'field', 'stored', 'derived'], report.mismatches.map((m) => [m.contactId, m.field, m.stored, m.derived])));
  }
  return report.mismatches.length === 0 ? 0 : 3;
};
