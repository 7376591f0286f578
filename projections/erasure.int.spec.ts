// Erasures keep every read model's rebuild equal to its live build: a synthetic history in which half the contacts
// are erased after their last doing (colleagues' later deals may still name them) is applied to every projection
// live, in batches of random sizes that end anywhere around the erasures, and as one rebuild batch; every table must
// hold the same rows, and no row may be left of an erased contact where its projection purges it.
import { matchesFilter, type RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { generateHistory, Prng } from '#synthetic-history';
import { openForSuite } from '#test/support/test-database';
import { ALL_PROJECTIONS } from './index.js';
import { openProjectionBed, type StreamEvent } from './projection-spec.spec-helper.js';

const history: StreamEvent[] = [...generateHistory({ contacts: 24, seed: 'erasure', until: '2026-01-01', erasures: 0.5 })].flatMap(
  ({ streamName, events }) => events.map((event): StreamEvent => [streamName, event]),
);

describe('erasure in every read model', () => {
  const bed = openForSuite(openProjectionBed);
  let recorded: RecordedEvent[] = [];
  beforeAll(async () => {
    recorded = await bed().append(history);
  });

  const rowsOf = async (definition: ProjectionDefinition, table: (base: string) => string): Promise<Record<string, string[]>> => {
    const rows: Record<string, string[]> = {};
    for (const base of definition.tables) {
      // Ordered by the whole row: tables without a key for every column still compare row for row.
      const { rows: found } = await bed().db.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table(base)} t ORDER BY 1`);
      rows[base] = found.map((r) => r.row);
    }
    return rows;
  };

  it('holds erasures, and events after them naming the erased', () => {
    const erased = new Set(recorded.filter((e) => e.type === 'ContactErased').map((e) => (e.data as { contactId: string }).contactId));
    expect(erased.size).toBeGreaterThan(5);
    const erasedAt = new Map(recorded.filter((e) => e.type === 'ContactErased').map((e) => [(e.data as { contactId: string }).contactId, e.position.commit]));
    const namesErasedLater = recorded.some((e) => {
      const ids = (e.data as { contactIds?: unknown }).contactIds;
      return Array.isArray(ids) && ids.some((id) => erasedAt.has(id) && erasedAt.get(id)! < e.position.commit);
    });
    expect(namesErasedLater).toBe(true);
  });

  it.each(ALL_PROJECTIONS.map((definition) => [definition.name, definition] as const))('%s: a rebuild equals the live build', async (name, definition) => {
    const events = recorded.filter((event) => matchesFilter(event, definition.filter));
    const live = (base: string) => `${base}_erasure_live`;
    const rebuilt = (base: string) => `${base}_erasure_rebuilt`;
    await bed().db.pool.query(definition.createTables({ table: live }));
    await bed().db.pool.query(definition.createTables({ table: rebuilt }));
    const prng = Prng.of('erasure-batches', name);
    for (let from = 0; from < events.length; ) {
      const size = prng.int(1, 6);
      await bed().apply(definition, events.slice(from, from + size), live);
      from += size;
    }
    await bed().apply(definition, events, rebuilt);
    expect(await rowsOf(definition, rebuilt)).toEqual(await rowsOf(definition, live));
  });
});
