// JSON numbers a double cannot hold exactly: JSON.parse would round 9007199254740993 to 9007199254740992 and
// store something other than what was sent. Pure, so the api's body parser and the NDJSON import share it.

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

type Frame = { kind: 'object'; key: string; expectKey: boolean } | { kind: 'array'; index: number };

/**
 * The first number of a JSON text that parsing would change, with its path (`properties.seats`, `stages.0.probability`);
 * null when there is none. Text that is no JSON is left to the parser.
 */
export const inexactNumber = (text: string): { field: string; literal: string } | null => {
  const frames: Frame[] = [];
  const path = () => frames.map((frame) => (frame.kind === 'object' ? frame.key : String(frame.index))).join('.') || 'body';
  for (let i = 0; i < text.length; ) {
    const top = frames[frames.length - 1];
    const char = text[i];
    if (char === '"') {
      STRING.lastIndex = i;
      const token = STRING.exec(text)?.[0];
      if (token === undefined) return null;
      if (top?.kind === 'object' && top.expectKey) {
        try {
          top.key = String(JSON.parse(token));
        } catch {
          top.key = token;
        }
      }
      i += token.length;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0];
      if (literal === undefined) return null;
      if (!isExactNumber(literal)) return { field: path(), literal };
      i += literal.length;
    } else {
      if (char === '{') frames.push({ kind: 'object', key: '', expectKey: true });
      else if (char === '[') frames.push({ kind: 'array', index: 0 });
      else if (char === '}' || char === ']') frames.pop();
      else if (char === ':' && top?.kind === 'object') top.expectKey = false;
      else if (char === ',' && top?.kind === 'object') top.expectKey = true;
      else if (char === ',' && top?.kind === 'array') top.index++;
      i++;
    }
  }
  return null;
};
