// The read side's connection (TypeORM's pool, so Nest can own and close it). Queries are SQL through preparedQuery
// over the stable views the projection engine maintains, never a build's tables; no read model maps entities.
// Schema changes are explicit SQL in each projection's tables file; synchronize stays off.
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { guardConnections } from '#postgres';
import { poolOf, prepareStatementsOf } from './prepared-query.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** `preparedStatements`: run the hot queries as named prepared statements (a server, not PGlite). */
export const openReadModels = async (
  url: string,
  entities: EntityList = [],
  options: Readonly<{ preparedStatements?: boolean }> = {},
): Promise<DataSource> => {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 4 },
  });
  await dataSource.initialize();
  // TypeORM's query runners listen for their client's errors; the prepared queries check out clients of their own.
  guardConnections(poolOf(dataSource));
  if (options.preparedStatements) prepareStatementsOf(dataSource);
  return dataSource;
};
