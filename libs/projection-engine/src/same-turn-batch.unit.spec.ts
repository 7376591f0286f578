import { SameTurnBatch } from './same-turn-batch.js';

describe('a batch of the writes asked for in one turn', () => {
  it('does the writes asked for in the same turn as one, and those of a later turn as another', async () => {
    const batches: number[][] = [];
    const batch = new SameTurnBatch<number>(async (items) => {
      batches.push([...items]);
      return items.map(() => undefined);
    });
    await Promise.all([batch.add(1), batch.add(2), Promise.resolve().then(() => batch.add(3))]);
    await batch.add(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fails each write with its own error, and every write of the batch with the batch’s', async () => {
    const batch = new SameTurnBatch<string>(async (items) => {
      if (items.includes('crash')) throw new Error('connection lost');
      return items.map((item) => (item === 'lost' ? new Error(`${item}: lease lost`) : undefined));
    });
    const outcomes = await Promise.allSettled([batch.add('kept'), batch.add('lost')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('lost: lease lost');
    const crashed = await Promise.allSettled([batch.add('kept'), batch.add('crash')]);
    expect(crashed.map((outcome) => (outcome as PromiseRejectedResult).reason?.message)).toEqual(['connection lost', 'connection lost']);
  });
});
