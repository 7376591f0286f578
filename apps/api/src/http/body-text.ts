// What a request body must be before it is parsed, so that nothing is stored other than what the client sent:
// UTF-8 without invalid bytes (decoding would store them as U+FFFD), and JSON numbers a double holds exactly
// (9007199254740993 would be stored as 9007199254740992), and no key twice in one object (JSON.parse would keep the
// last one silently). body-parser's `verify` sees the raw bytes first.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inexactNumber } from '#domain/shared';
import { refuseDeepJson } from './json-depth.js';

// The exactness check is pure and shared with the NDJSON import in libs/application.
export { inexactNumber, isExactNumber } from '#domain/shared';

const refusal = (status: number, type: string, message: string): Error => Object.assign(new Error(message), { status, type });

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or a 400 when its bytes are no UTF-8 (a 415 for any other declared charset). */
export const utf8Text = (body: Buffer, charset: string | undefined): string => {
  const label = (charset ?? 'utf-8').toLowerCase();
  if (label !== 'utf-8' && label !== 'utf8') throw refusal(415, 'charset.unsupported', `send the body as UTF-8, not ${label}`);
  try {
    return strictUtf8.decode(body);
  } catch {
    throw refusal(400, 'entity.invalid.utf8', 'the body is not valid UTF-8: nothing was stored');
  }
};

const STRING = /"(?:[^"\\]|\\.)*"/y;

type KeyFrame = { keys: Set<string>; key: string; expectKey: boolean } | { keys: null; index: number };

/**
 * The path of the first key that appears twice in one object (`rates.JPY`, `stages.1.id`), keys compared as JSON.parse
 * reads them (`"A"` and `"\u0041"` are the same key); null when there is none. One pass, each key decoded once, so the
 * cost is linear in the text. Text that is no JSON is left to the parser.
 */
export const duplicateKey = (text: string): string | null => {
  const frames: KeyFrame[] = [];
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
        if (top.keys.has(key)) {
          const parents = frames.slice(0, -1).map((frame) => (frame.keys ? frame.key : String(frame.index)));
          return [...parents, key].join('.');
        }
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i += token.length;
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

/** body-parser's `verify` for JSON: bounded depth, strict UTF-8, numbers kept exactly, no key twice in an object. */
export const verifyJsonBody = (request: IncomingMessage, response: ServerResponse, body: Buffer, charset?: string): void => {
  refuseDeepJson(request, response, body);
  const text = utf8Text(body, charset);
  const inexact = inexactNumber(text);
  if (inexact) {
    const kept = String(Number(inexact.literal));
    const error = refusal(
      400,
      'entity.inexact.number',
      `${inexact.field}: ${inexact.literal.slice(0, 40)} cannot be kept exactly as a JSON number (it would become ${kept}); nothing was stored`,
    );
    throw Object.assign(error, { field: inexact.field });
  }
  const duplicate = duplicateKey(text);
  if (duplicate !== null) {
    const error = refusal(400, 'entity.duplicate.key', `${duplicate}: the key appears more than once in its object; nothing was stored`);
    throw Object.assign(error, { field: duplicate });
  }
};

/** body-parser's `verify` for text bodies (YAML): strict UTF-8. */
export const verifyTextBody = (_request: IncomingMessage, _response: ServerResponse, body: Buffer, charset?: string): void => {
  utf8Text(body, charset);
};
