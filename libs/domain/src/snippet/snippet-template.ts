// A snippet's body is plain text with `{{variable}}` placeholders. The variables are a fixed vocabulary (what the
// records hold) plus a contact's custom properties; an unknown one is refused when the snippet is written, so a
// typo never reaches a customer. Rendering inserts plain text: nothing is escaped or interpreted as HTML.
import { hasLoneSurrogate } from '../shared/index.js';

/** Every variable a snippet may use besides `contact.properties.<name>`, with what it reads. */
export const SNIPPET_VARIABLES = {
  'contact.firstName': "the contact's first name",
  'contact.lastName': "the contact's last name",
  'contact.fullName': "the contact's first and last name (either alone when only one is set)",
  'contact.email': "the contact's email",
  'contact.phone': "the contact's phone",
  'contact.jobTitle': "the contact's job title",
  'contact.country': "the contact's country",
  'contact.lifecycleStage': "the contact's lifecycle stage",
  'owner.name': "the name of the record's owner (the contact's, else the deal's, else the ticket's)",
  'owner.email': "the email of the record's owner",
  'company.name': "the company's name (the one named, else the contact's primary company)",
  'company.domain': "the company's domain",
  'deal.name': "the deal's name",
  'deal.amount': "the deal's amount and currency, such as 1500.00 USD",
  'deal.closeDate': "the deal's expected close date, YYYY-MM-DD",
  'ticket.subject': "the ticket's subject",
  'ticket.priority': "the ticket's priority",
} as const;
export type SnippetVariable = keyof typeof SNIPPET_VARIABLES;

/** A contact's custom property: `contact.properties.<name>`, the name as property definitions spell it. */
export const CUSTOM_PROPERTY_VARIABLE = /^contact\.properties\.([a-z][a-z0-9_]{0,63})$/;

export const MAX_SNIPPET_BODY_LENGTH = 10_000;
export const MAX_SNIPPET_VARIABLES = 100;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type TemplateProblem = Readonly<{ field: string; reason: string }>;

const isKnown = (variable: string, customProperties: readonly string[]): boolean => {
  if (Object.hasOwn(SNIPPET_VARIABLES, variable)) return true;
  const custom = CUSTOM_PROPERTY_VARIABLE.exec(variable);
  return custom !== null && customProperties.includes(custom[1]);
};

/** The variables a body uses, each once in order of first use. */
export const variablesOf = (body: string): readonly string[] => [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))];

/**
 * Why `body` cannot be a snippet's body, as problems naming `body`: blank, too long, text PostgreSQL cannot store,
 * a brace left open, or a variable that is neither in SNIPPET_VARIABLES nor a defined contact property
 * (`customProperties`: the names defined for contacts when the snippet is written).
 */
export const checkTemplate = (body: unknown, customProperties: readonly string[]): readonly TemplateProblem[] => {
  if (typeof body !== 'string' || body.trim() === '') return [{ field: 'body', reason: 'must be non-blank text' }];
  if ([...body].length > MAX_SNIPPET_BODY_LENGTH) return [{ field: 'body', reason: `must be at most ${MAX_SNIPPET_BODY_LENGTH} characters` }];
  if (body.includes('\u0000') || hasLoneSurrogate(body)) return [{ field: 'body', reason: 'must be text without NUL characters or lone surrogates' }];
  // What is left once every well-formed placeholder is taken out must hold no brace pair half-open.
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) return [{ field: 'body', reason: 'has a {{ or }} that does not enclose a variable: write {{contact.firstName}}' }];
  const variables = variablesOf(body);
  if (variables.length > MAX_SNIPPET_VARIABLES) return [{ field: 'body', reason: `uses more than ${MAX_SNIPPET_VARIABLES} variables` }];
  const unknown = variables.filter((variable) => !isKnown(variable, customProperties));
  if (unknown.length === 0) return [];
  return [
    {
      field: 'body',
      reason: `unknown variables: ${unknown.map((v) => `{{${v}}}`).join(', ')}; use ${Object.keys(SNIPPET_VARIABLES).join(', ')} or contact.properties.<a defined contact property>`,
    },
  ];
};

export type Rendered = Readonly<{ text: string; missing: readonly string[] }>;

/**
 * The body with each variable replaced by its value as plain text. A variable without a value is never blanked: its
 * placeholder stays in the text as written (`{{contact.firstName}}`, visible to whoever sends it) and is listed in
 * `missing`, once, in order of first use.
 */
export const renderTemplate = (body: string, valueOf: (variable: string) => string | null): Rendered => {
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER, (placeholder, variable: string) => {
    const value = valueOf(variable);
    if (value !== null && value !== '') return value;
    if (!missing.includes(variable)) missing.push(variable);
    return placeholder;
  });
  return { text, missing };
};
