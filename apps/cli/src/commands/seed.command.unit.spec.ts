// `tally seed` without --until writes the year up to today (UTC), so a demo shows this week's numbers.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seedCommand } from './seed.command.js';

const DAY = 86_400_000;

describe('tally seed --out', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tally-seed-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const instantsOf = async (file: string) =>
    (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => Date.parse((JSON.parse(line) as { event: { metadata: { occurredAt: string } } }).event.metadata.occurredAt));

  it('writes the history up to the start of today, UTC, unless --until names another day', async () => {
    const now = new Date('2026-12-05T15:30:00Z');
    const today = path.join(dir, 'today.ndjson');
    const until = path.join(dir, 'until.ndjson');
    await seedCommand(null, { contacts: 30, seed: 'demo-day', out: today }, now);
    await seedCommand(null, { contacts: 30, seed: 'demo-day', until: '2026-12-05', out: until }, new Date('2030-01-01T00:00:00Z'));
    const instants = await instantsOf(today);
    expect(Math.max(...instants)).toBeLessThanOrEqual(Date.parse('2026-12-05T00:00:00Z'));
    expect(Math.max(...instants)).toBeGreaterThan(Date.parse('2026-12-05T00:00:00Z') - 7 * DAY);
    expect(await readFile(until, 'utf8')).toBe(await readFile(today, 'utf8'));
  });
});
