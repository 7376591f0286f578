// What JSON.parse changes silently: numbers a double cannot hold exactly (9007199254740993 becomes 9007199254740992)
// and keys given twice in one object (the last wins). Pure, so the api's body parser and the imports share it.

// The decimal value of a number's spelling, canonical: `12.50`, `1.25e1` and `12.5` are all `125e-1`.
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const decimalValue = (text: string): string | null => {
  const match = NUMBER_TEXT.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  let scale = Number(exponent) - fraction.length;
  if (digits === '') return '0';
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  scale += trailing;
  return `${sign}${digits}e${scale}`;
};

/** True when JSON.parse keeps the number's decimal value: its shortest spelling means the same number. */
export const isExactNumber = (literal: string): boolean => {
  const sent = decimalValue(literal);
  return sent !== null && sent === decimalValue(String(Number(literal)));
};

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * What JSON.parse would change in a text without a word: a number a double cannot hold (`literal` is it as sent), or
 * a key that appears twice in one object (the last one would win). `field` is its path (`properties.seats`,
 * `stages.0.probability`, `rates.JPY`), `body` for the top level.
 */
export type JsonTextFault =
  | Readonly<{ kind: 'inexact-number'; field: string; literal: string }>
  | Readonly<{ kind: 'duplicate-key'; field: string }>;

type Frame = { keys: Set<string>; key: string; expectKey: boolean } | { keys: null; index: number };

/**
 * The first fault of a JSON text, in text order, or null. One pass; each key decoded once, only when it holds an
 * escape (keys compared as JSON.parse reads them: `"A"` and `"\u0041"` are the same key), so the cost is linear in the
 * text. Text that is no JSON is left to the parser.
 */
export const jsonTextFault = (text: string): JsonTextFault | null => {
  const frames: Frame[] = [];
  const path = (last?: string) => {
    const steps = frames.map((frame) => (frame.keys ? frame.key : String(frame.index)));
    if (last !== undefined) steps[steps.length - 1] = last;
    return steps.join('.') || 'body';
  };
  for (let i = 0; i < text.length; ) {
    const top = frames[frames.length - 1];
    const char = text[i];
    if (char === '"') {
      STRING.lastIndex = i;
      const token = STRING.exec(text)?.[0];
      if (token === undefined) return null;
      if (top?.keys && top.expectKey) {
        let key = token.slice(1, -1);
        if (key.includes('\\')) {
          try {
            key = String(JSON.parse(token));
          } catch {
            return null;
          }
        }
        if (top.keys.has(key)) return { kind: 'duplicate-key', field: path(key) };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i += token.length;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0];
      if (literal === undefined) return null;
      if (!isExactNumber(literal)) return { kind: 'inexact-number', field: path(), literal };
      i += literal.length;
    } else {
      if (char === '{') frames.push({ keys: new Set(), key: '', expectKey: true });
      else if (char === '[') frames.push({ keys: null, index: 0 });
      else if (char === '}' || char === ']') frames.pop();
      else if (char === ',' && top) {
        if (top.keys) top.expectKey = true;
        else top.index++;
      }
      i++;
    }
  }
  return null;
};

/** The fault as a sentence that starts with its field, for a 400 or an import's rejected line. */
export const describeJsonTextFault = (fault: JsonTextFault): string =>
  fault.kind === 'inexact-number'
    ? `${fault.field}: ${fault.literal.slice(0, 40)} cannot be kept exactly as a JSON number (it would become ${Number(fault.literal)})`
    : `${fault.field}: the key appears more than once in its object (the last one would silently win)`;
