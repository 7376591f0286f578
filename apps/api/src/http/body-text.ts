// What a request body must be before it is parsed, so that nothing is stored other than what the client sent:
// UTF-8 without invalid bytes (decoding would store them as U+FFFD), and JSON numbers a double holds exactly
// (9007199254740993 would be stored as 9007199254740992), and no key twice in one object (JSON.parse would keep the
// last one silently). body-parser's `verify` sees the raw bytes first.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeJsonTextFault, jsonTextFault } from '#domain/shared';
import { refuseDeepJson } from './json-depth.js';

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

/** body-parser's `verify` for JSON: bounded depth, strict UTF-8, numbers kept exactly, no key twice in an object. */
export const verifyJsonBody = (request: IncomingMessage, response: ServerResponse, body: Buffer, charset?: string): void => {
  refuseDeepJson(request, response, body);
  const text = utf8Text(body, charset);
  const fault = jsonTextFault(text);
  if (fault) {
    const type = fault.kind === 'inexact-number' ? 'entity.inexact.number' : 'entity.duplicate.key';
    throw Object.assign(refusal(400, type, `${describeJsonTextFault(fault)}; nothing was stored`), { field: fault.field });
  }
};

/** body-parser's `verify` for text bodies (YAML): strict UTF-8. */
export const verifyTextBody = (_request: IncomingMessage, _response: ServerResponse, body: Buffer, charset?: string): void => {
  utf8Text(body, charset);
};
