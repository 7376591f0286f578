// What a request body must be before it is parsed, so that nothing is stored other than what the client sent:
// UTF-8 without invalid bytes (decoding would store them as U+FFFD), and JSON numbers a double holds exactly
// (9007199254740993 would be stored as 9007199254740992). body-parser's `verify` sees the raw bytes first.
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

/** body-parser's `verify` for JSON: bounded depth, strict UTF-8, numbers kept exactly. */
export const verifyJsonBody = (request: IncomingMessage, response: ServerResponse, body: Buffer, charset?: string): void => {
  refuseDeepJson(request, response, body);
  const inexact = inexactNumber(utf8Text(body, charset));
  if (inexact) {
    const kept = String(Number(inexact.literal));
    const error = refusal(
      400,
      'entity.inexact.number',
      `${inexact.field}: ${inexact.literal.slice(0, 40)} cannot be kept exactly as a JSON number (it would become ${kept}); nothing was stored`,
    );
    throw Object.assign(error, { field: inexact.field });
  }
};

/** body-parser's `verify` for text bodies (YAML): strict UTF-8. */
export const verifyTextBody = (_request: IncomingMessage, _response: ServerResponse, body: Buffer, charset?: string): void => {
  utf8Text(body, charset);
};
