import { Deferred, StreamedObject, streamJson } from './json-stream.js';

const text = async (chunks: AsyncIterable<string>): Promise<{ whole: string; pieces: number }> => {
  let whole = '';
  let pieces = 0;
  for await (const chunk of chunks) {
    whole += chunk;
    pieces++;
  }
  return { whole, pieces };
};

async function* rows(n: number): AsyncGenerator<unknown> {
  for (let i = 0; i < n; i++) yield { i, text: `"row" ${i}\n` };
}

describe('streamJson', () => {
  it('writes plain values, lazy rows, deferred values and nested objects as one JSON document', async () => {
    let read = false;
    const { whole } = await text(
      streamJson(
        new StreamedObject([
          ['plain', { a: [1, 'two'] }],
          ['none', undefined],
          ['rows', rows(3)],
          ['empty', rows(0)],
          [
            'nested',
            new StreamedObject([
              ['later', new Deferred(async () => ((read = true), { score: 35 }))],
              ['inner', rows(1)],
            ]),
          ],
          ['emptyObject', new StreamedObject([])],
        ]),
      ),
    );
    expect(read).toBe(true);
    expect(JSON.parse(whole)).toEqual({
      plain: { a: [1, 'two'] },
      none: null,
      rows: [0, 1, 2].map((i) => ({ i, text: `"row" ${i}\n` })),
      empty: [],
      nested: { later: { score: 35 }, inner: [{ i: 0, text: '"row" 0\n' }] },
      emptyObject: {},
    });
  });

  it('hands rows over one at a time instead of building the document first', async () => {
    const { pieces } = await text(streamJson(new StreamedObject([['rows', rows(1_000)]])));
    expect(pieces).toBeGreaterThan(1_000);
  });

  it('reads nothing before it is iterated', async () => {
    let read = false;
    streamJson(new StreamedObject([['later', new Deferred(async () => (read = true))]]));
    await Promise.resolve();
    expect(read).toBe(false);
  });
});
