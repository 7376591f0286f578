import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonTextFault } from '#domain/shared';
import { utf8Text, verifyJsonBody } from './body-text.js';

describe('request body text', () => {
  it('reads UTF-8 and refuses invalid bytes instead of replacing them with U+FFFD', () => {
    expect(utf8Text(Buffer.from('{"name":"Zoë 😀"}'), 'utf-8')).toBe('{"name":"Zoë 😀"}');
    for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bytes), Buffer.from('b"}')]);
      expect(() => utf8Text(body, undefined)).toThrow(expect.objectContaining({ status: 400, type: 'entity.invalid.utf8' }));
    }
    expect(() => utf8Text(Buffer.from('{}', 'utf16le'), 'utf-16le')).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('refuses a duplicate key with a 400 naming its path, in time linear in the body', () => {
    const verify = (text: string) => verifyJsonBody({} as IncomingMessage, {} as ServerResponse, Buffer.from(text), 'utf-8');
    expect(() => verify('{"rates":{"JPY":"1","JPY":"2"}}')).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.duplicate.key', field: 'rates.JPY' }),
    );
    expect(() => verify('{"rates":{"JPY":"1","EUR":"2"}}')).not.toThrow();
    expect(() => verify('{"properties":{"seats":9007199254740993}}')).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.inexact.number', field: 'properties.seats' }),
    );
    // About the 1 MB body limit: 60,000 distinct keys in one object, then as many small objects; a quadratic walk
    // (each key compared with every other, or the path rebuilt per key) would take minutes.
    const wide = `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const many = `[${Array.from({ length: 60_000 }, (_, i) => `{"k":${i},"v":"${i}"}`).join(',')}]`;
    const started = performance.now();
    expect(jsonTextFault(wide)).toBeNull();
    expect(jsonTextFault(many)).toBeNull();
    expect(jsonTextFault(`${wide.slice(0, -1)},"k59999":1}`)).toEqual({ kind: 'duplicate-key', field: 'k59999' });
    // Under a second on a quiet machine; the bound leaves room for a loaded one and still fails a quadratic walk.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
