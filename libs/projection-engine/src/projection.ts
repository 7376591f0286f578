// What a projection is to the engine: a name, a code version, the events it reads, its tables, and a step that
// applies a batch of events inside the transaction that also moves its checkpoint.
import type pg from 'pg';
import type { EventFilter, RecordedEvent } from '#event-store';

export type ProjectionTables = Readonly<{
  /** The physical name of a base table in this build: `lead_scores` -> `lead_scores_v3`. */
  table(base: string): string;
}>;

export type ProjectionContext = ProjectionTables &
  Readonly<{
    tx: pg.PoolClient;
    /** The build's parameters, such as the scoring formula a lead-score build uses. */
    params: Readonly<Record<string, unknown>>;
  }>;

export type ProjectionDefinition = Readonly<{
  /** Permanent, kebab-case: `lead-score`. */
  name: string;
  /** Bump when the reducer's logic changes: a build of an older code version is rebuilt. */
  codeVersion: number;
  filter?: EventFilter;
  /** Base table names; each build gets its own physical tables and one stable view per base name. */
  tables: readonly string[];
  /** DDL for one build's tables (explicit SQL; nothing is synchronised from entities). */
  createTables(tables: ProjectionTables): string;
  /** Applies events in position order. Must be deterministic: no clock, no randomness. */
  apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
  /** Parameters of the first build on a fresh database. */
  defaultParams?: () => Readonly<Record<string, unknown>>;
}>;
