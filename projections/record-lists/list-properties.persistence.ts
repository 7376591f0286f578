// Load and save of a list's property definitions: a handful of rows per object type, loaded whole when a batch
// carries a definition event.
import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { ObjectType, PropertyDefinition } from '#domain/property-definition';
import { writeRows, type RowColumn } from '../pg-rows.js';
import { isPropertyDefinitionEvent, reduceListProperties } from './list-properties.projection.js';

/** The table's DDL: the definition as the domain keeps it, removed ones flagged (their values stay on records). */
export const listPropertiesDdl = (table: string): string => `
  CREATE TABLE ${table} (
    name text PRIMARY KEY,
    type text NOT NULL,
    removed boolean NOT NULL,
    definition jsonb NOT NULL
  );`;

const COLUMNS: readonly RowColumn<PropertyDefinition>[] = [
  ['name', 'text', (d) => d.name],
  ['type', 'text', (d) => d.type],
  ['removed', 'boolean', (d) => d.removed],
  ['definition', 'jsonb', (d) => d],
];

/** Applies the batch's definition events of `objectType` to `table`. */
export const saveListProperties = async (tx: pg.PoolClient, table: string, objectType: ObjectType, events: readonly RecordedEvent[]): Promise<void> => {
  if (!events.some(isPropertyDefinitionEvent)) return;
  const { rows } = await tx.query<{ definition: PropertyDefinition }>(`SELECT definition FROM ${table}`);
  const changed = reduceListProperties(new Map(rows.map(({ definition }) => [definition.name, definition])), objectType, events);
  await writeRows(tx, table, COLUMNS, changed, { key: ['name'], then: 'replace' });
};
