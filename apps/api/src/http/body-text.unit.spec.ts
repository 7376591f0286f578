import type { IncomingMessage, ServerResponse } from 'node:http';
import { duplicateKey, inexactNumber, isExactNumber, utf8Text, verifyJsonBody } from './body-text.js';

describe('request body text', () => {
  it('reads UTF-8 and refuses invalid bytes instead of replacing them with U+FFFD', () => {
    expect(utf8Text(Buffer.from('{"name":"Zoë 😀"}'), 'utf-8')).toBe('{"name":"Zoë 😀"}');
    for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bytes), Buffer.from('b"}')]);
      expect(() => utf8Text(body, undefined)).toThrow(expect.objectContaining({ status: 400, type: 'entity.invalid.utf8' }));
    }
    expect(() => utf8Text(Buffer.from('{}', 'utf16le'), 'utf-16le')).toThrow(expect.objectContaining({ status: 415 }));
  });

  it.each(['0', '-0', '12', '12.50', '0.1', '0.29', '1e2', '1E-7', '5e-324', '999999999999.99', '9007199254740991', '1.7976931348623157e308'])(
    'keeps %p exactly',
    (literal) => expect(isExactNumber(literal)).toBe(true),
  );

  it.each(['9007199254740993', '99999999999999.999', '0.1000000000000000055511151231257827', '1e400', '1e-400', '12345678901234567890'])(
    'sees that %p would change',
    (literal) => expect(isExactNumber(literal)).toBe(false),
  );

  it('names the field of the first number parsing would change', () => {
    expect(inexactNumber('{"name":"9007199254740993","amount":12.5}')).toBeNull();
    expect(inexactNumber('{"properties":{"a":"x,\\"y","seats":9007199254740993}}')).toEqual({
      field: 'properties.seats',
      literal: '9007199254740993',
    });
    expect(inexactNumber('{"stages":[{"id":"a","probability":0.5},{"id":"b","probability":0.30000000000000000001}]}')).toEqual({
      field: 'stages.1.probability',
      literal: '0.30000000000000000001',
    });
    expect(inexactNumber('1e999')).toEqual({ field: 'body', literal: '1e999' });
    expect(inexactNumber('{"a": [1, 2')).toBeNull();
  });

  it('names the first key that appears twice in one object, as JSON.parse reads keys', () => {
    expect(duplicateKey('{"rates":{"JPY":"1","EUR":"2"},"base":"USD"}')).toBeNull();
    expect(duplicateKey('{"rates":{"JPY":"1","JPY":"2"}}')).toBe('rates.JPY');
    expect(duplicateKey('{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}')).toBeNull();
    expect(duplicateKey('{"name":"x","name":"y"}')).toBe('name');
    expect(duplicateKey('{"stages":[{"id":"a"},{"id":"b","label":"x","id":"c"}]}')).toBe('stages.1.id');
    expect(duplicateKey('{"A":1,"\\u0041":2}')).toBe('A');
    expect(duplicateKey('{"k":"\\"k\\"","\\"k\\"":1,"v":"k"}')).toBeNull();
    expect(duplicateKey('{"a":"{\\"a\\":1,","b":2}')).toBeNull();
    expect(duplicateKey('[{"x":1}, {"x":2}, [{"y":1, "y":2}]]')).toBe('2.0.y');
    expect(duplicateKey('{"a": [1, 2')).toBeNull();
  });

  it('refuses a duplicate key with a 400 naming its path, in time linear in the body', () => {
    const verify = (text: string) => verifyJsonBody({} as IncomingMessage, {} as ServerResponse, Buffer.from(text), 'utf-8');
    expect(() => verify('{"rates":{"JPY":"1","JPY":"2"}}')).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.duplicate.key', field: 'rates.JPY' }),
    );
    expect(() => verify('{"rates":{"JPY":"1","EUR":"2"}}')).not.toThrow();
    // About the 1 MB body limit: 60,000 distinct keys in one object, then as many small objects; a quadratic walk
    // (each key compared with every other, or the path rebuilt per key) would take minutes.
    const wide = `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const many = `[${Array.from({ length: 60_000 }, (_, i) => `{"k":${i},"v":"${i}"}`).join(',')}]`;
    const started = performance.now();
    expect(duplicateKey(wide)).toBeNull();
    expect(duplicateKey(many)).toBeNull();
    expect(duplicateKey(`${wide.slice(0, -1)},"k59999":1}`)).toBe('k59999');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
