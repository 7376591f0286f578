// What a public submission request may be, checked before anything is read from the store: JSON from scripts, or a
// browser's urlencoded form post (which Tally's body parsers leave unread, so it is read here, bounded).
import { HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApplicationError, validationFailed } from '#application';
import { PAGE_URL_FIELD, type FormSettings } from '#domain/form';

/** A submission is a few fields: far below the api's 1 MB body limit. */
export const MAX_SUBMISSION_BYTES = 32 * 1024;

export type SubmissionRequest = Readonly<{ kind: 'json' | 'form'; fields: Readonly<Record<string, unknown>>; pageUrl: unknown }>;

const tooLarge = () =>
  new PayloadTooLargeException({ error: 'PAYLOAD_TOO_LARGE', message: `a form submission is at most ${MAX_SUBMISSION_BYTES} bytes; nothing was stored` });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A browser's form post: `+` is a space, every %-escape must spell UTF-8, and no name comes twice. */
export const parseUrlencoded = (text: string): Readonly<Record<string, string>> => {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const decode = (part: string): string => {
      try {
        return decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        throw validationFailed([{ field: 'body', reason: 'is not valid application/x-www-form-urlencoded UTF-8' }]);
      }
    };
    const name = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = decode(equals === -1 ? '' : pair.slice(equals + 1));
    if (Object.hasOwn(values, name)) throw validationFailed([{ field: `fields.${name.slice(0, 100)}`, reason: 'is sent twice' }]);
    values[name] = value;
  }
  return { ...values };
};

const readBody = async (request: Request): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Drained to the end, so the connection stays usable for the refusal.
    if (size > MAX_SUBMISSION_BYTES) over = true;
    else chunks.push(chunk);
  }
  if (over) throw tooLarge();
  return Buffer.concat(chunks).toString('latin1');
};

/** The submission a request carries, or the 4xx that refuses it. */
export const submissionOf = async (request: Request): Promise<SubmissionRequest> => {
  const declared = Number(request.header('Content-Length') ?? '0');
  if (declared > MAX_SUBMISSION_BYTES) throw tooLarge();
  if (request.is('application/json')) {
    const body: unknown = request.body;
    if (JSON.stringify(body ?? null).length > MAX_SUBMISSION_BYTES) throw tooLarge();
    if (!isObject(body)) throw validationFailed([{ field: 'body', reason: 'must be a JSON object { "fields": { ... }, "pageUrl": "..." }' }]);
    const unknown = Object.keys(body).filter((key) => key !== 'fields' && key !== 'pageUrl');
    if (unknown.length > 0) throw validationFailed(unknown.map((key) => ({ field: key.slice(0, 100), reason: 'is not part of a submission (fields, pageUrl)' })));
    if (!isObject(body.fields)) throw validationFailed([{ field: 'fields', reason: 'must be an object of values by field name' }]);
    return { kind: 'json', fields: body.fields, pageUrl: body.pageUrl };
  }
  if (request.is('application/x-www-form-urlencoded')) {
    // Only ASCII is allowed in a urlencoded body: anything else arrives %-escaped.
    const text = await readBody(request);
    if (/[^\x20-\x7e]/.test(text)) throw validationFailed([{ field: 'body', reason: 'is not valid application/x-www-form-urlencoded' }]);
    const { [PAGE_URL_FIELD]: pageUrl, ...fields } = parseUrlencoded(text);
    return { kind: 'form', fields, pageUrl };
  }
  throw new ApplicationError('UNSUPPORTED_MEDIA_TYPE', 'send the submission as application/json or application/x-www-form-urlencoded', {
    fields: [{ field: 'Content-Type', reason: 'must be application/json or application/x-www-form-urlencoded' }],
  });
};

/** The origin a page on this server has, as a browser names it in Origin. */
const ownOrigin = (request: Request): string => `${request.protocol}://${request.get('host') ?? ''}`;

/**
 * CORS for one form: Access-Control-Allow-Origin only for its allowed origins. A browser's post from any other
 * site is refused (403) before anything is written; a request without Origin (a server, curl) is no browser's.
 */
export const applyFormCors = (request: Request, response: Response, settings: FormSettings, refuseForeign: boolean): void => {
  const origin = request.header('Origin');
  response.vary('Origin');
  if (origin === undefined) return;
  if (settings.allowedOrigins.includes(origin)) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    return;
  }
  if (refuseForeign && origin !== ownOrigin(request)) {
    throw new ApplicationError('FORBIDDEN', `pages of ${origin.slice(0, 300)} may not post this form: add the origin to settings.allowedOrigins`, {
      fields: [{ field: 'Origin', reason: 'is not an allowed origin of this form' }],
    });
  }
};

/** A preflight's answer: the methods and headers a page of an allowed origin may use. */
export const answerPreflight = (request: Request, response: Response, settings: FormSettings, methods: string): void => {
  applyFormCors(request, response, settings, false);
  if (response.getHeader('Access-Control-Allow-Origin') !== undefined) {
    response.setHeader('Access-Control-Allow-Methods', methods);
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    response.setHeader('Access-Control-Max-Age', '600');
  }
  response.status(HttpStatus.NO_CONTENT);
};
