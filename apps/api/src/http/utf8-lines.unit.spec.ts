import { Readable } from 'node:stream';
import { InvalidUtf8Line, utf8Lines } from './utf8-lines.js';

const linesOf = async (chunks: (Buffer | string)[]) => {
  const lines: (string | number)[] = [];
  for await (const line of utf8Lines(Readable.from(chunks))) lines.push(line instanceof InvalidUtf8Line ? -line.lineNumber : line);
  return lines;
};

describe('strict UTF-8 lines', () => {
  it('splits on \\n and \\r\\n, across chunks, even inside a multi-byte character', async () => {
    const zoe = Buffer.from('{"n":"Zoë"}\r\n{"n":"😀"}\n');
    expect(await linesOf([zoe.subarray(0, 9), zoe.subarray(9, 17), zoe.subarray(17), 'last'])).toEqual(['{"n":"Zoë"}', '{"n":"😀"}', 'last']);
  });

  it('marks a line of invalid bytes instead of decoding it to U+FFFD, and goes on', async () => {
    const body = Buffer.concat([Buffer.from('ok\n{"n":"a'), Buffer.from([0xff]), Buffer.from('b"}\n'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\nend')]);
    expect(await linesOf([body])).toEqual(['ok', -2, -3, 'end']);
  });
});
