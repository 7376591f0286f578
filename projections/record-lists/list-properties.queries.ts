// The defined (not removed) properties of a list's object type, as its `property.<name>` filters need them.
import type { PropertyDefinition } from '#domain/property-definition';
import { preparedQuery, type PropertyFilterDefinition, type ReadSource } from '#read-models';

export const listPropertyDefinitions = async (source: ReadSource, table: string): Promise<Map<string, PropertyFilterDefinition>> => {
  const rows = await preparedQuery<{ definition: PropertyDefinition }>(source, `SELECT definition FROM ${table} WHERE NOT removed`);
  return new Map(
    rows.map(({ definition }) => [
      definition.name,
      { type: definition.type, ...(definition.type === 'enum' ? { options: definition.options.map((option) => option.value) } : {}) },
    ]),
  );
};
