// A read model's storage as its tables file declares it, once: the projection's name, its base tables and their DDL.
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';

export type ProjectionSchema = Pick<ProjectionDefinition, 'name' | 'tables' | 'createTables'>;

/** The schema of read model `name`: `ddl` writes its `tables` under the names one build gives them. */
export const projectionSchema = <T extends Readonly<Record<string, string>>>(
  name: string,
  tables: T,
  ddl: (names: { readonly [K in keyof T]: string }) => string,
): ProjectionSchema => ({
  name,
  tables: Object.values(tables),
  createTables: ({ table }: ProjectionTables) => ddl(Object.fromEntries(Object.entries(tables).map(([key, base]) => [key, table(base)])) as { [K in keyof T]: string }),
});
