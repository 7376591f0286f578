// What a visitor sent, judged against the form's definition: every field at fault is named (`fields.email`), nothing
// the form does not ask for is taken, and the values come out as the contact and the submission event keep them.
import { isValidEmail, normalizeEmail } from '../contact/email-address.js';
import { hasLoneSurrogate, MAX_URL_LENGTH, type PropertyValue } from '../shared/index.js';
import { DEFAULT_MAX_LENGTH, isHttpUrl } from './form.decider.js';
import type { FormContactField, FormDefinition, FormField } from './form.events.js';

/** A bot fills in every input it finds; people never see this one. Non-empty: the submission is refused. */
export const HONEYPOT_FIELD = '_hp';
/** The page the hosted form was shown on, sent by the page itself. */
export const PAGE_URL_FIELD = '_pageUrl';

export const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
export type Utm = Readonly<Record<(typeof UTM_KEYS)[number], string | null>>;
export const NO_UTM: Utm = { source: null, medium: null, campaign: null, term: null, content: null };
const MAX_UTM_LENGTH = 500;

export type SubmissionProblem = Readonly<{ field: string; reason: string }>;

export type AcceptedSubmission = Readonly<{
  /** Every field sent, as text, by field name (checkboxes as "true"/"false"). */
  values: Readonly<Record<string, string>>;
  /** The contact fields the form fills in; email is normalized. */
  contact: Readonly<Partial<Record<FormContactField, string>>> & Readonly<{ email: string }>;
  /** Custom contact properties the form fills in, typed (a number field gives a number, a checkbox a boolean). */
  properties: Readonly<Record<string, PropertyValue>>;
  /** The consent box, or null when the form has none. */
  consent: boolean | null;
}>;

export type SubmissionCheck = Readonly<{ ok: true; value: AcceptedSubmission }> | Readonly<{ ok: false; problems: readonly SubmissionProblem[] }>;

// Control characters other than tab and line breaks are never typed by a person.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Stricter than a contact's email (email-address.ts) on a public page: no characters RFC 5322 keeps out of an unquoted
// address (`<`, `>`, `"`, `(`, `,`, ...), which only a script or a bot would send.
const FORM_EMAIL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;
const PHONE = /^\+?[0-9 ()./-]{3,40}$/;
const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/;
const TRUE = ['true', 'on', 'yes', '1'];
const FALSE = ['false', 'off', 'no', '0', ''];

type Judged = Readonly<{ text: string; typed: PropertyValue }> | Readonly<{ problem: string }> | null;

const judgeText = (field: FormField, raw: unknown): Judged => {
  if (typeof raw === 'number' && field.type === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return { problem: 'must be text' };
  const text = field.type === 'textarea' ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
  if (text === '') return null;
  const maxLength = field.validation.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  if (text.length > maxLength) return { problem: `must be at most ${maxLength} characters` };
  if (CONTROL.test(text) || hasLoneSurrogate(text) || (field.type !== 'textarea' && /[\r\n]/.test(text))) return { problem: 'contains characters a person does not type' };
  switch (field.type) {
    case 'email': {
      const email = normalizeEmail(text);
      return isValidEmail(email) && FORM_EMAIL.test(email) ? { text: email, typed: email } : { problem: 'must be an email address such as ada@example.com' };
    }
    case 'phone':
      return PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 3 ? { text, typed: text } : { problem: 'must be a phone number: digits, spaces, + ( ) - . /' };
    case 'number':
      return NUMBER.test(text) ? { text, typed: Number(text) } : { problem: 'must be a number such as 42 or 3.5' };
    case 'select':
      return field.validation.options?.includes(text) ? { text, typed: text } : { problem: `must be one of ${field.validation.options?.join(', ')}` };
    default:
      if (field.validation.pattern !== null && !new RegExp(`^(?:${field.validation.pattern})$`, 'u').test(text)) return { problem: 'does not have the expected format' };
      return { text, typed: text };
  }
};

const judgeBox = (raw: unknown): Judged => {
  if (raw === undefined || raw === null || raw === false) return { text: 'false', typed: false };
  if (raw === true) return { text: 'true', typed: true };
  if (typeof raw === 'string' && TRUE.includes(raw.trim().toLowerCase())) return { text: 'true', typed: true };
  if (typeof raw === 'string' && FALSE.includes(raw.trim().toLowerCase())) return { text: 'false', typed: false };
  return { problem: 'must be true or false' };
};

/** The submission `sent` (field name -> value) checked against `form`, or every field at fault. */
export const checkSubmission = (form: FormDefinition, sent: Readonly<Record<string, unknown>>): SubmissionCheck => {
  const problems: SubmissionProblem[] = [];
  const byName = new Map(form.fields.map((field) => [field.name, field]));
  for (const name of Object.keys(sent)) {
    if (name === HONEYPOT_FIELD) {
      const trap = sent[name];
      if (!(trap === undefined || trap === null || trap === '')) problems.push({ field: `fields.${HONEYPOT_FIELD}`, reason: 'must be left empty' });
    } else if (!byName.has(name)) problems.push({ field: `fields.${name.slice(0, 100)}`, reason: 'is not a field of this form' });
  }
  const values: Record<string, string> = {};
  const contact: Partial<Record<FormContactField, string>> = {};
  const properties: Record<string, PropertyValue> = {};
  let consent: boolean | null = null;
  for (const field of form.fields) {
    const raw = Object.hasOwn(sent, field.name) ? sent[field.name] : undefined;
    const box = field.type === 'checkbox' || field.type === 'consent';
    const judged = box ? judgeBox(raw) : raw === undefined || raw === null ? null : judgeText(field, raw);
    if (judged !== null && 'problem' in judged) {
      problems.push({ field: `fields.${field.name}`, reason: judged.problem });
      continue;
    }
    if (field.required && (judged === null || judged.typed === false)) {
      problems.push({ field: `fields.${field.name}`, reason: box ? 'must be ticked' : 'is required' });
      continue;
    }
    if (judged === null) continue;
    values[field.name] = judged.text;
    if (field.type === 'consent' && consent !== true) consent = judged.typed === true;
    if (field.mapsTo === null) continue;
    if (field.mapsTo.startsWith('property.')) properties[field.mapsTo.slice('property.'.length)] = judged.typed;
    else contact[field.mapsTo as FormContactField] = judged.text;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { values, contact: contact as AcceptedSubmission['contact'], properties, consent } };
};

/** The page URL as sent (null: none), or the problem; its UTM parameters are read by utmOf. */
export const checkPageUrl = (pageUrl: unknown): Readonly<{ ok: true; value: string | null }> | Readonly<{ ok: false; problem: SubmissionProblem }> => {
  if (pageUrl === undefined || pageUrl === null || pageUrl === '') return { ok: true, value: null };
  if (isHttpUrl(pageUrl)) return { ok: true, value: pageUrl };
  return { ok: false, problem: { field: 'pageUrl', reason: `must be an http(s) URL of at most ${MAX_URL_LENGTH} characters` } };
};

/** utm_source, utm_medium, ... of a page URL; each null when absent or blank. */
export const utmOf = (pageUrl: string | null): Utm => {
  if (pageUrl === null) return NO_UTM;
  const params = new URL(pageUrl).searchParams;
  const value = (key: string): string | null => {
    const text = params.get(`utm_${key}`)?.trim() ?? '';
    return text === '' ? null : text.slice(0, MAX_UTM_LENGTH);
  };
  return { source: value('source'), medium: value('medium'), campaign: value('campaign'), term: value('term'), content: value('content') };
};
