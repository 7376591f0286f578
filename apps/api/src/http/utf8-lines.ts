// NDJSON bodies are read line by line from the socket, past the JSON body parser: readline would decode invalid
// UTF-8 as U+FFFD and the line would be stored changed. This reads the same lines and marks the invalid ones.

/** A line whose bytes are no UTF-8: to be rejected, never decoded. */
export class InvalidUtf8Line {
  constructor(readonly lineNumber: number) {}
  get reason(): string {
    return `line ${this.lineNumber} is not valid UTF-8`;
  }
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Each line of the stream (without its \n or \r\n), decoded strictly; memory stays one line's worth. */
export async function* utf8Lines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string | InvalidUtf8Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let lineNumber = 0;
  const finish = (parts: Buffer[]): string | InvalidUtf8Line => {
    lineNumber++;
    let bytes = Buffer.concat(parts);
    if (bytes.at(-1) === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    try {
      return decoder.decode(bytes);
    } catch {
      return new InvalidUtf8Line(lineNumber);
    }
  };
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE)) {
      yield finish([...pending, bytes.subarray(0, end)]);
      pending = [];
      bytes = bytes.subarray(end + 1);
    }
    if (bytes.length > 0) pending.push(bytes);
  }
  if (pending.length > 0) yield finish(pending);
}
