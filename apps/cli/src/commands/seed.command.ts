import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Runtime } from '#runtime';
import { historyToNdjson, seedStore, utcDay } from '#synthetic-history';
import { progressBar } from '../progress.js';

export type SeedOptions = Readonly<{
  contacts: number;
  seed: string;
  /** The day the history runs up to (its midnight, UTC); today unless given, so the read models show recent numbers. */
  until?: string;
  out?: string;
}>;

const EVENTS_PER_CONTACT = 11;

/**
 * `tally seed --contacts N [--seed S] [--until DATE] [--out FILE]`: a synthetic history, into the store or a file;
 * the same seed and date give the same events. A file leaves out the claim streams (`unique-`): `tally import`
 * derives them from the contacts and companies it imports.
 */
export const seedCommand = async (runtime: Runtime | null, options: SeedOptions, now = new Date()): Promise<number> => {
  const history = { contacts: options.contacts, seed: options.seed, until: options.until ?? utcDay(now) };
  const bar = progressBar('seed', options.contacts * EVENTS_PER_CONTACT);
  if (options.out) {
    const out = createWriteStream(options.out);
    let lines = 0;
    for (const line of historyToNdjson(history)) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      if (++lines % 10_000 === 0) bar.update(lines);
    }
    out.end();
    await once(out, 'finish');
    bar.finish(`${lines} events written to ${options.out}`);
    return 0;
  }
  if (!runtime) throw new Error('seeding into the store needs the runtime');
  const result = await seedStore(runtime.eventStore, history, (p) => bar.update(p.events));
  bar.finish(`${result.events} events in ${result.streams} streams`);
  return 0;
};
