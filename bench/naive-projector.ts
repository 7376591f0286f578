// The rebuild as a typical NestJS project writes it, for comparison: TypeORM entities, and per event a find, a
// repository.save of the row and a save of the checkpoint row. Rep activity (counters per owner and day) stands for
// the read models; the counter logic is the real reducer's, so only the persistence differs.
import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { Database } from '#postgres';
import { PostgresEventStore, formatPosition } from '#event-store';
import { activityIncrements, REP_ACTIVITY_EVENT_TYPES, type RepActivityEvent } from '#projections/rep-activity';

@Entity({ name: 'naive_rep_activity_daily' })
class NaiveRepActivityDaily {
  @PrimaryColumn({ type: 'text', name: 'owner_id' }) ownerId!: string;
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'int', default: 0 }) emails!: number;
  @Column({ type: 'int', default: 0 }) calls!: number;
  @Column({ type: 'int', default: 0 }) meetings!: number;
  @Column({ type: 'int', default: 0 }) notes!: number;
  @Column({ type: 'int', default: 0, name: 'tasks_created' }) tasksCreated!: number;
  @Column({ type: 'int', default: 0, name: 'tasks_completed' }) tasksCompleted!: number;
  @Column({ type: 'int', default: 0, name: 'deals_created' }) dealsCreated!: number;
  @Column({ type: 'int', default: 0, name: 'deals_won' }) dealsWon!: number;
  @Column({ type: 'int', default: 0, name: 'tickets_closed' }) ticketsClosed!: number;
}

@Entity({ name: 'naive_checkpoints' })
class NaiveCheckpoint {
  @PrimaryColumn({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) position!: string;
}

const COUNTERS = ['emails', 'calls', 'meetings', 'notes', 'tasksCreated', 'tasksCompleted', 'dealsCreated', 'dealsWon', 'ticketsClosed'] as const;

/** Projects the first `limit` rep-activity events of the log the naive way; returns events/s. */
export const runNaiveRepActivity = async (db: Database, limit: number): Promise<number> => {
  const dataSource = await new DataSource({
    type: 'postgres',
    url: db.url,
    entities: [NaiveRepActivityDaily, NaiveCheckpoint],
    synchronize: true,
    logging: false,
  }).initialize();
  try {
    const store = new PostgresEventStore(db.pool);
    const events = [];
    for await (const event of store.readAll({ maxCount: limit, filter: { eventTypes: REP_ACTIVITY_EVENT_TYPES } })) events.push(event);
    const daily = dataSource.getRepository(NaiveRepActivityDaily);
    const checkpoints = dataSource.getRepository(NaiveCheckpoint);
    const started = process.hrtime.bigint();
    for (const event of events) {
      const increments = activityIncrements([{ event: { type: event.type, data: event.data } as RepActivityEvent, occurredAt: event.metadata.occurredAt }]);
      for (const increment of increments.daily.values()) {
        const row =
          (await daily.findOneBy({ ownerId: increment.ownerId, day: increment.day })) ??
          daily.create({ ownerId: increment.ownerId, day: increment.day, ...Object.fromEntries(COUNTERS.map((c) => [c, 0])) });
        for (const counter of COUNTERS) row[counter] += increment[counter];
        await daily.save(row);
      }
      await checkpoints.save({ name: 'rep-activity', position: formatPosition(event.position) });
    }
    return events.length / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await dataSource.destroy();
  }
};
