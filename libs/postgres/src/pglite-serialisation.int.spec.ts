import { inTransaction, openDatabase } from './database.js';

describe('embedded PGlite shared by several connections', () => {
  it('keeps each query and each transaction to its own connection', async () => {
    const db = await openDatabase({ kind: 'embedded', dataDir: null, maxConnections: 4 });
    try {
      await db.pool.query('CREATE TABLE counted (n int)');
      const failures: string[] = [];
      await Promise.all(
        Array.from({ length: 4 }, async (_, worker) => {
          for (let i = 0; i < 100; i++) {
            try {
              if (worker === 0) {
                await inTransaction(db.pool, async (tx) => {
                  await tx.query('INSERT INTO counted VALUES ($1)', [i]);
                  await tx.query('UPDATE counted SET n = n + 1000 WHERE n = $1', [i]);
                });
              } else {
                const { rows } = await db.pool.query(worker % 2 ? 'SELECT $1::int + 1 AS v' : 'SELECT $1::text AS s', [i]);
                const ok = worker % 2 ? rows[0]?.v === i + 1 : rows[0]?.s === String(i);
                if (!ok) failures.push(`worker ${worker} got ${JSON.stringify(rows)}`);
              }
            } catch (error) {
              failures.push(String(error));
            }
          }
        }),
      );
      expect(failures).toEqual([]);
      const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM counted WHERE n >= 1000');
      expect(rows[0].n).toBe(100);
    } finally {
      await db.close();
    }
  });
});
