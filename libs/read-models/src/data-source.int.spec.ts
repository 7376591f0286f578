import { Column, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase } from '#test/support/test-database';
import { openReadModels } from './data-source.js';

@Entity({ name: 'probe_view', synchronize: false })
class Probe {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'int' }) n!: number;
}

describe('read-model connection', () => {
  it('reads a view through a TypeORM entity', async () => {
    const db = await createTestDatabase();
    try {
      await db.pool.query(`CREATE TABLE probe_v1 (id text PRIMARY KEY, n int); INSERT INTO probe_v1 VALUES ('a', 1), ('b', 2);
        CREATE VIEW probe_view AS SELECT * FROM probe_v1`);
      const source = await openReadModels(db.url, [Probe]);
      const rows = await source.getRepository(Probe).find({ order: { id: 'DESC' } });
      expect(rows.map((r) => [r.id, r.n])).toEqual([['b', 2], ['a', 1]]);
      await source.destroy();
    } finally {
      await db.close();
    }
  });
});
