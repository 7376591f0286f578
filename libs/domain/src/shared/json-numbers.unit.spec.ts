import { isExactNumber, jsonTextFault } from './json-numbers.js';

const inexact = (text: string) => {
  const fault = jsonTextFault(text);
  return fault?.kind === 'inexact-number' ? { field: fault.field, literal: fault.literal } : fault;
};
const duplicate = (text: string) => {
  const fault = jsonTextFault(text);
  return fault?.kind === 'duplicate-key' ? fault.field : fault;
};

describe('what JSON.parse would change silently', () => {
  it.each(['0', '-0', '12', '12.50', '0.1', '0.29', '1e2', '1E-7', '5e-324', '999999999999.99', '9007199254740991', '1.7976931348623157e308'])(
    'keeps %p exactly',
    (literal) => expect(isExactNumber(literal)).toBe(true),
  );

  it.each(['9007199254740993', '99999999999999.999', '0.1000000000000000055511151231257827', '1e400', '1e-400', '12345678901234567890'])(
    'sees that %p would change',
    (literal) => expect(isExactNumber(literal)).toBe(false),
  );

  it('names the field of the first number parsing would change', () => {
    expect(inexact('{"name":"9007199254740993","amount":12.5}')).toBeNull();
    expect(inexact('{"properties":{"a":"x,\\"y","seats":9007199254740993}}')).toEqual({
      field: 'properties.seats',
      literal: '9007199254740993',
    });
    expect(inexact('{"stages":[{"id":"a","probability":0.5},{"id":"b","probability":0.30000000000000000001}]}')).toEqual({
      field: 'stages.1.probability',
      literal: '0.30000000000000000001',
    });
    expect(inexact('1e999')).toEqual({ field: 'body', literal: '1e999' });
    expect(inexact('{"a": [1, 2')).toBeNull();
  });

  it('names the first key that appears twice in one object, as JSON.parse reads keys', () => {
    expect(duplicate('{"rates":{"JPY":"1","EUR":"2"},"base":"USD"}')).toBeNull();
    expect(duplicate('{"rates":{"JPY":"1","JPY":"2"}}')).toBe('rates.JPY');
    expect(duplicate('{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}')).toBeNull();
    expect(duplicate('{"name":"x","name":"y"}')).toBe('name');
    expect(duplicate('{"stages":[{"id":"a"},{"id":"b","label":"x","id":"c"}]}')).toBe('stages.1.id');
    expect(duplicate('{"A":1,"\\u0041":2}')).toBe('A');
    expect(duplicate('{"k":"\\"k\\"","\\"k\\"":1,"v":"k"}')).toBeNull();
    expect(duplicate('{"a":"{\\"a\\":1,","b":2}')).toBeNull();
    expect(duplicate('[{"x":1}, {"x":2}, [{"y":1, "y":2}]]')).toBe('2.0.y');
    expect(duplicate('{"a": [1, 2')).toBeNull();
  });

  it('answers the first fault in text order, of either kind', () => {
    expect(jsonTextFault('{"a":1,"a":9007199254740993}')).toEqual({ kind: 'duplicate-key', field: 'a' });
    expect(jsonTextFault('{"a":9007199254740993,"a":1}')).toEqual({ kind: 'inexact-number', field: 'a', literal: '9007199254740993' });
    expect(jsonTextFault('{"n":"9007199254740993","m":"n"}')).toBeNull();
  });
});
