// The hosted form as plain HTML: labelled inputs, no script, every value escaped; a strict Content-Security-Policy
// lets in nothing but its one inline style (by hash) and posts to this server (or the form's redirect target).
import { createHash } from 'node:crypto';
import { HONEYPOT_FIELD, PAGE_URL_FIELD, type FormDefinition, type FormField } from '#domain/form';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character]);

const STYLE = [
  'body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;background:#f6f7f9;color:#1b1f24}',
  'main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}',
  '.field{margin:0 0 1rem}',
  'label{display:block;font-weight:600}',
  '.check label{display:inline;font-weight:400;margin-left:.4rem}',
  'input:not([type=checkbox]),select,textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #596273;border-radius:4px;font:inherit}',
  'button{padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1a4fd6;color:#fff;font:inherit;cursor:pointer}',
  ':focus-visible{outline:3px solid #b3470a;outline-offset:2px}',
  '.error{color:#a3120a;margin:.25rem 0 0}',
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}',
].join('');
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The page's policy: its own style, posts to this server (and a redirect target), framed only by allowed origins. */
export const hostedFormCsp = (form: FormDefinition | null): string => {
  const redirect = form?.settings.redirectUrl ? ` ${new URL(form.settings.redirectUrl).origin}` : '';
  const framers = form && form.settings.allowedOrigins.length > 0 ? ` ${form.settings.allowedOrigins.join(' ')}` : '';
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self'${redirect}`,
    `frame-ancestors 'self'${framers}`,
    "base-uri 'none'",
  ].join('; ');
};

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
  `<body><main>${body}</main></body></html>\n`;

export type FormPageState = Readonly<{
  /** The page the form is shown on (its UTM parameters are recorded with the submission). */
  pageUrl: string | null;
  /** Values to show again (a refused submission), and values for hidden fields. */
  values: Readonly<Record<string, string>>;
  /** Problems by field name. */
  errors: Readonly<Record<string, string>>;
}>;

const INPUT_TYPES: Readonly<Record<string, string>> = { text: 'text', email: 'email', phone: 'tel', number: 'text' };
const AUTOCOMPLETE: Readonly<Record<string, string>> = {
  email: 'email',
  firstName: 'given-name',
  lastName: 'family-name',
  phone: 'tel',
  jobTitle: 'organization-title',
  country: 'country-name',
};

const fieldHtml = (field: FormField, state: FormPageState): string => {
  const id = `f-${field.name}`;
  const value = state.values[field.name] ?? '';
  const error = state.errors[field.name];
  const errorId = `${id}-error`;
  const described = error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  const errorHtml = error ? `<p class="error" id="${errorId}">${escapeHtml(error)}</p>` : '';
  const required = field.required ? ' required' : '';
  const label = `${escapeHtml(field.label)}${field.required ? ' (required)' : ''}`;
  const name = escapeHtml(field.name);
  if (field.type === 'hidden') return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  if (field.type === 'checkbox' || field.type === 'consent') {
    const checked = value === 'true' ? ' checked' : '';
    return `<div class="field check"><input type="checkbox" id="${id}" name="${name}" value="true"${checked}${required}${described}><label for="${id}">${label}</label>${errorHtml}</div>`;
  }
  const autocomplete = field.mapsTo !== null && AUTOCOMPLETE[field.mapsTo] ? ` autocomplete="${AUTOCOMPLETE[field.mapsTo]}"` : '';
  const maxLength = field.validation.maxLength ? ` maxlength="${field.validation.maxLength}"` : '';
  let control: string;
  if (field.type === 'textarea') {
    control = `<textarea id="${id}" name="${name}" rows="5"${maxLength}${required}${described}>${escapeHtml(value)}</textarea>`;
  } else if (field.type === 'select') {
    const options = (field.validation.options ?? [])
      .map((option) => `<option value="${escapeHtml(option)}"${option === value ? ' selected' : ''}>${escapeHtml(option)}</option>`)
      .join('');
    control = `<select id="${id}" name="${name}"${required}${described}><option value="">Choose…</option>${options}</select>`;
  } else {
    const inputMode = field.type === 'number' ? ' inputmode="decimal"' : '';
    control = `<input type="${INPUT_TYPES[field.type]}" id="${id}" name="${name}" value="${escapeHtml(value)}"${inputMode}${autocomplete}${maxLength}${required}${described}>`;
  }
  return `<div class="field"><label for="${id}">${label}</label>${control}${errorHtml}</div>`;
};

/** The form, for a browser: it posts application/x-www-form-urlencoded to the submissions route. */
export const formPage = (formId: string, form: FormDefinition, state: FormPageState): string => {
  const problems = Object.keys(state.errors).length;
  const summary = problems
    ? `<div role="alert"><p>Please correct ${problems === 1 ? 'the field' : `the ${problems} fields`} marked below.</p></div>`
    : '';
  const pageUrl = state.pageUrl ? `<input type="hidden" name="${PAGE_URL_FIELD}" value="${escapeHtml(state.pageUrl)}">` : '';
  // People never see or reach the honeypot (off screen, out of the tab order, hidden from assistive technology).
  const honeypot = `<div class="hp" aria-hidden="true"><label for="f-${HONEYPOT_FIELD}">Leave this empty</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>`;
  return page(
    form.name,
    `<h1>${escapeHtml(form.name)}</h1>${summary}` +
      `<form method="post" action="/v1/forms/${escapeHtml(formId)}/submissions" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">` +
      `${pageUrl}${honeypot}${form.fields.map((field) => fieldHtml(field, state)).join('')}` +
      `<button type="submit">${escapeHtml(form.settings.submitText)}</button></form>`,
  );
};

export const thankYouPage = (form: FormDefinition): string =>
  page(form.name, `<h1>${escapeHtml(form.name)}</h1><p role="status">${escapeHtml(form.settings.thankYouMessage)}</p>`);

export const redirectPage = (url: string): string => page('Redirecting', `<p>Continue to <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>.</p>`);

export const errorPage = (status: number, message: string): string => {
  const title = status === 404 ? 'Form not found' : status === 429 ? 'Too many submissions' : 'The submission was refused';
  return page(title, `<h1>${title}</h1><p>${escapeHtml(message)}</p>`);
};
