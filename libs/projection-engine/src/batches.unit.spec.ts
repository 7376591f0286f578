import type { EventStore } from '#event-store';
import { SharedPageReader } from './batches.js';

describe('shared page reader', () => {
  it('shares a read in flight between builds, but not with the builds a later wake-up sends', async () => {
    let reads = 0;
    const answers: (() => void)[] = [];
    // A log read that answers an empty page when the spec says so.
    const store = {
      readAll: () =>
        (async function* () {
          reads++;
          await new Promise<void>((answer) => answers.push(answer));
        })(),
    } as unknown as EventStore;
    const reader = new SharedPageReader(store, 10, { keptPages: 2, readerPositions: () => [], maxLeadWaitMs: 0 });

    const first = reader.read(null);
    expect(reader.read(null)).toBe(first);
    // An append woke the builds: the read in flight may have begun before it, so theirs is a read of its own.
    reader.freshen();
    const afterWakeUp = reader.read(null);
    expect(afterWakeUp).not.toBe(first);
    expect(reader.read(null)).toBe(afterWakeUp);

    while (answers.length < 2) await new Promise((resolve) => setImmediate(resolve));
    for (const answer of answers) answer();
    expect(await Promise.all([first, afterWakeUp])).toEqual([[], []]);
    expect(reads).toBe(2);
  });
});
