// The one-time migration of history stored before crypto-shredding: personal values still in clear in the
// PostgreSQL log are re-written in encrypted form (the redaction, for contacts already erased). Only those values
// change: ids, order, types and every other field stay, so positions, checkpoints and score provenance hold. The
// run is recorded in the log (PersonalHistoryEncrypted) with who ran it and what it changed.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PRIVACY_HISTORY_STREAM } from '#domain/privacy';
import { formatPosition, position, type NewEvent } from '#event-store';
import type { EncryptingEventStore } from './encrypting-event-store.js';
import { envelopeOwners, isEnvelope } from './field-crypto.js';
import { personalValuesOf, valueAt } from './event-sealing.js';

export type ClearHistoryReport = Readonly<{
  throughPosition: string | null;
  eventsRewritten: number;
  valuesEncrypted: number;
  valuesRedacted: number;
  contacts: number;
}>;

type Row = { position: string; event_id: string; stream_name: string; event_type: string; data: unknown; metadata: NewEvent['metadata'] };

/**
 * Re-writes every event holding a clear personal value, a page at a time, each page in one statement. `dryRun`
 * counts without writing. Safe to run again: sealed values are skipped, so a second run finds nothing.
 */
export const encryptClearHistory = async (
  pool: pg.Pool,
  encryption: EncryptingEventStore,
  options: Readonly<{ actor: string; dryRun?: boolean; pageSize?: number }>,
): Promise<ClearHistoryReport> => {
  const pageSize = options.pageSize ?? 1_000;
  let after = '-1';
  let last: string | null = null;
  let eventsRewritten = 0;
  let valuesEncrypted = 0;
  let valuesRedacted = 0;
  const contacts = new Set<string>();
  for (;;) {
    const { rows } = await pool.query<Row>(
      `SELECT position::text AS position, event_id, stream_name, event_type, data, metadata FROM tally_events
        WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) break;
    after = last = rows[rows.length - 1].position;
    const clear = rows.filter((row) =>
      personalValuesOf(row.event_type, row.metadata.schemaVersion, row.data).some((value) => !isEnvelope(valueAt(row.data, value.path))),
    );
    if (clear.length === 0) continue;
    const sealed = await encryption.seal(
      clear.map((row) => ({ streamName: row.stream_name, events: [{ id: row.event_id, type: row.event_type, data: row.data, metadata: row.metadata }] })),
    );
    const updates = sealed.map(({ events: [event] }, i) => {
      for (const value of personalValuesOf(clear[i].event_type, clear[i].metadata.schemaVersion, clear[i].data)) {
        const before = valueAt(clear[i].data, value.path);
        const after = valueAt(event.data, value.path);
        if (isEnvelope(before)) continue;
        if (isEnvelope(after)) {
          valuesEncrypted++;
          for (const owner of envelopeOwners(after)) contacts.add(owner);
        } else valuesRedacted++;
      }
      return { id: event.id, data: JSON.stringify(event.data) };
    });
    eventsRewritten += updates.length;
    if (options.dryRun) continue;
    await pool.query(
      `UPDATE tally_events e SET data = u.data FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, data) WHERE e.event_id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.data)],
    );
  }
  const report: ClearHistoryReport = {
    throughPosition: last === null ? null : formatPosition(position(BigInt(last))),
    eventsRewritten,
    valuesEncrypted,
    valuesRedacted,
    contacts: contacts.size,
  };
  if (!options.dryRun && eventsRewritten > 0) {
    await encryption.appendToStream(PRIVACY_HISTORY_STREAM, [
      {
        id: randomUUID(),
        type: 'PersonalHistoryEncrypted',
        data: { ...report, throughPosition: report.throughPosition! },
        metadata: { occurredAt: new Date().toISOString(), actor: options.actor, correlationId: randomUUID(), causationId: null, schemaVersion: 1, source: 'cli' },
      },
    ]);
  }
  return report;
};
