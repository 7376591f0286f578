import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { historyToNdjson, seedStore } from '../../../../libs/synthetic-history/src/index.js';
import { progressBar } from '../progress.js';

export type SeedOptions = Readonly<{ contacts: number; seed: string; out?: string }>;

const EVENTS_PER_CONTACT = 11;

/** `tally seed --contacts N [--seed S] [--out FILE]`: a deterministic synthetic history, into the store or a file. */
export const seedCommand = async (runtime: Runtime | null, options: SeedOptions): Promise<number> => {
  const history = { contacts: options.contacts, seed: options.seed };
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
