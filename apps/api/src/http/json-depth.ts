// JSON nested thousands of levels deep parses fine but overflows the stack of every recursive walker after the
// parser (class-transformer, JSON.stringify); no Tally body comes near this depth.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in JSON text; brackets inside strings do not count. */
export const jsonDepth = (text: Buffer): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      deepest = Math.max(deepest, ++depth);
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return deepest;
};

/** body-parser's `verify`: a body nested too deeply is a 400 like any other unreadable JSON. */
export const refuseDeepJson = (_request: IncomingMessage, _response: ServerResponse, body: Buffer): void => {
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
};
