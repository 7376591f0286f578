import { inexactNumber, isExactNumber, utf8Text } from './body-text.js';

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
});
