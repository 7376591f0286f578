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
    /**
     * Set when the build is split into partitions: this batch may change only the state of the keys the partition
     * owns (an event about several keys reaches each of their partitions). Absent: every key is this batch's.
     */
    partition?: PartitionScope;
  }>;

/** What a batch of a partitioned build may touch. `owns` is true for every key while a barrier event applies. */
export type PartitionScope = Readonly<{ index: number; count: number; owns(key: string): boolean }>;

/**
 * How a projection splits into partitions: by the keys its state is held under (lead score: the contact id, not the
 * stream, since one contact's score is moved by its own stream and by deals and engagements in other streams).
 */
export type ProjectionPartitioning = Readonly<{
  /** The keys of the state an event changes; none: the event goes to partition 0. Deterministic. */
  keysOf(event: RecordedEvent): readonly string[];
  /**
   * An event that reads the state of several keys at once (a merge takes over a duplicate's events): applied once,
   * by the partition of its first key with every key in scope, after the partitions of its other keys have applied
   * every event before it and before they go past it.
   */
  isBarrier?(event: RecordedEvent): boolean;
  /**
   * An event whose keys its data does not name (a deal's stage change reaches the contacts the timeline associated
   * with the deal earlier): every partition applies it, each to the keys it owns, from the lookup state it keeps of
   * its own keys.
   */
  toEveryPartition?(event: RecordedEvent): boolean;
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
  /** Declared by the heavy read models: a build may then be split into partitions, each with its own checkpoint. */
  partitioning?: ProjectionPartitioning;
}>;

/** A stable hash (FNV-1a, 32 bits) of a key, so every process and every build puts a key in the same partition. */
export const partitionOf = (key: string, count: number): number => {
  if (count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
};
