// A JSON document written piece by piece: a field whose value is an async sequence becomes an array written one
// element at a time, so a document with 50k elements never sits whole in memory.

/** An object whose fields are written in order, each either plain JSON, rows read lazily, or another such object. */
export class StreamedObject {
  constructor(readonly fields: ReadonlyArray<readonly [string, unknown]>) {}
}

/** A value read only when the writer reaches its field. */
export class Deferred {
  constructor(readonly read: () => Promise<unknown>) {}
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

async function* arrayOf(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row) ?? 'null'}`;
    first = false;
  }
  yield first ? ']' : '\n]';
}

async function* objectOf(object: StreamedObject): AsyncGenerator<string> {
  yield '{';
  let first = true;
  for (const [name, value] of object.fields) {
    yield `${first ? '' : ','}\n${JSON.stringify(name)}:`;
    first = false;
    if (value instanceof StreamedObject) yield* objectOf(value);
    else if (value instanceof Deferred) yield JSON.stringify(await value.read()) ?? 'null';
    else if (isAsyncIterable(value)) yield* arrayOf(value);
    else yield JSON.stringify(value) ?? 'null';
  }
  yield first ? '}' : '\n}';
}

export async function* streamJson(object: StreamedObject): AsyncGenerator<string> {
  yield* objectOf(object);
  yield '\n';
}
