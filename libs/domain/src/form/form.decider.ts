// Decides form definitions. Every rule on a definition is here (checkForm), so the api and an import refuse the same
// forms; a refusal names each field at fault (`fields[2].validation.pattern`).
import { alreadyExists, assertNever, decideByType, MAX_URL_LENGTH, notFound, ruleViolated, type Decider } from '../shared/index.js';
import { PROPERTY_NAME_PATTERN } from '../property-definition/property-definition.events.js';
import type { CreateForm, FormCommand, FormInput, UpdateForm } from './form.commands.js';
import {
  FORM_CONSENT_POLICIES,
  FORM_CONTACT_FIELDS,
  FORM_FIELD_TYPES,
  FORM_NAME_PATTERN,
  MAX_FIELD_LENGTH,
  MAX_FORM_FIELDS,
  MAX_OPTIONS,
  type FormConsentPolicy,
  type FormDefinition,
  type FormEvent,
  type FormField,
  type FormFieldType,
  type FormSettings,
} from './form.events.js';

export type FormState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'active'; formId: string; version: number; definition: FormDefinition }>;

export type FormProblem = Readonly<{ field: string; reason: string }>;
export type FormCheck = Readonly<{ ok: true; value: FormDefinition }> | Readonly<{ ok: false; problems: readonly FormProblem[] }>;

export const DEFAULT_FORM_SETTINGS: FormSettings = {
  submitText: 'Submit',
  thankYouMessage: 'Thank you: we received your submission.',
  redirectUrl: null,
  allowedOrigins: [],
  consentPolicy: 'policy',
};

/** The longest value a text-like field takes when its definition names none. */
export const DEFAULT_MAX_LENGTH: Readonly<Record<FormFieldType, number>> = {
  text: 500,
  email: 254,
  phone: 40,
  number: 30,
  textarea: 5000,
  select: 200,
  checkbox: 5,
  consent: 5,
  hidden: 2000,
};

const TEXT_TYPES: readonly FormFieldType[] = ['text', 'textarea', 'hidden'];
// `property.<name>`, the name as custom properties spell it.
const PROPERTY_NAME = new RegExp(`^property\\.${PROPERTY_NAME_PATTERN.source.slice(1)}`);
const NAME = new RegExp(FORM_NAME_PATTERN);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** `https://shop.example` or `http://localhost:8080`: what a browser sends as Origin. */
export const isOrigin = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
};

export const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The contact field or custom property a field fills in when its definition names none: its own name, if a contact field. */
const defaultMapping = (name: string): string | null => ((FORM_CONTACT_FIELDS as readonly string[]).includes(name) ? name : null);

const checkValidation = (at: string, type: FormFieldType, input: unknown, problems: FormProblem[]): FormField['validation'] => {
  const validation = input === undefined || input === null ? {} : input;
  if (!isObject(validation)) {
    problems.push({ field: at, reason: 'must be an object with maxLength, pattern or options' });
    return { maxLength: null, pattern: null, options: null };
  }
  for (const key of Object.keys(validation)) {
    if (!['maxLength', 'pattern', 'options'].includes(key)) problems.push({ field: `${at}.${key}`, reason: 'is not a validation rule (maxLength, pattern, options)' });
  }
  let maxLength: number | null = null;
  if (validation.maxLength !== undefined && validation.maxLength !== null) {
    if (!TEXT_TYPES.includes(type)) problems.push({ field: `${at}.maxLength`, reason: 'applies to text, textarea and hidden fields only' });
    else if (!Number.isSafeInteger(validation.maxLength) || (validation.maxLength as number) < 1 || (validation.maxLength as number) > MAX_FIELD_LENGTH) {
      problems.push({ field: `${at}.maxLength`, reason: `must be a whole number from 1 to ${MAX_FIELD_LENGTH}` });
    } else maxLength = validation.maxLength as number;
  }
  let pattern: string | null = null;
  if (validation.pattern !== undefined && validation.pattern !== null) {
    if (!TEXT_TYPES.includes(type)) problems.push({ field: `${at}.pattern`, reason: 'applies to text, textarea and hidden fields only' });
    else if (!isText(validation.pattern, 200)) problems.push({ field: `${at}.pattern`, reason: 'must be a regular expression of 1 to 200 characters' });
    else {
      try {
        new RegExp(validation.pattern, 'u');
        pattern = validation.pattern;
      } catch {
        problems.push({ field: `${at}.pattern`, reason: 'is not a valid regular expression' });
      }
    }
  }
  let options: readonly string[] | null = null;
  if (type === 'select') {
    const given = validation.options;
    if (!Array.isArray(given) || given.length === 0 || given.length > MAX_OPTIONS || !given.every((option) => isText(option, 200))) {
      problems.push({ field: `${at}.options`, reason: `a select needs 1 to ${MAX_OPTIONS} options, each 1 to 200 characters` });
    } else if (new Set(given.map((option: string) => option.trim())).size !== given.length) {
      problems.push({ field: `${at}.options`, reason: 'must not repeat an option' });
    } else options = given.map((option: string) => option.trim());
  } else if (validation.options !== undefined && validation.options !== null) {
    problems.push({ field: `${at}.options`, reason: 'applies to select fields only' });
  }
  return { maxLength, pattern, options };
};

const checkMapping = (at: string, name: string, type: FormFieldType, input: unknown, problems: FormProblem[]): string | null => {
  const mapsTo = input === undefined ? defaultMapping(name) : input;
  if (mapsTo === null) return null;
  if (typeof mapsTo !== 'string' || !((FORM_CONTACT_FIELDS as readonly string[]).includes(mapsTo) || PROPERTY_NAME.test(mapsTo))) {
    problems.push({ field: at, reason: `must be null, one of ${FORM_CONTACT_FIELDS.join(', ')}, or property.<name> (a custom contact property)` });
    return null;
  }
  if (mapsTo === 'email' && type !== 'email') problems.push({ field: at, reason: 'only an email field can fill in the contact email' });
  else if ((type === 'checkbox' || type === 'consent') && !mapsTo.startsWith('property.')) {
    problems.push({ field: at, reason: 'a checkbox can fill in a custom property only' });
  }
  return mapsTo;
};

const checkField = (index: number, input: unknown, problems: FormProblem[]): FormField | null => {
  const at = `fields[${index}]`;
  if (!isObject(input)) {
    problems.push({ field: at, reason: 'must be an object with name and type' });
    return null;
  }
  for (const key of Object.keys(input)) {
    if (!['name', 'type', 'label', 'required', 'validation', 'mapsTo'].includes(key)) problems.push({ field: `${at}.${key}`, reason: 'is not a field setting' });
  }
  const before = problems.length;
  const { name, type } = input;
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.push({ field: `${at}.name`, reason: 'must be 1 to 64 letters, digits or _, starting with a letter' });
  }
  if (typeof type !== 'string' || !(FORM_FIELD_TYPES as readonly string[]).includes(type)) {
    problems.push({ field: `${at}.type`, reason: `must be one of ${FORM_FIELD_TYPES.join(', ')}` });
  }
  if (problems.length > before) return null;
  const fieldType = type as FormFieldType;
  if (input.label !== undefined && !isText(input.label, 200)) problems.push({ field: `${at}.label`, reason: 'must be 1 to 200 characters' });
  if (input.required !== undefined && typeof input.required !== 'boolean') problems.push({ field: `${at}.required`, reason: 'must be true or false' });
  if (input.required === true && fieldType === 'hidden') problems.push({ field: `${at}.required`, reason: 'a hidden field cannot be required' });
  const validation = checkValidation(`${at}.validation`, fieldType, input.validation, problems);
  const mapsTo = checkMapping(`${at}.mapsTo`, name as string, fieldType, input.mapsTo, problems);
  return {
    name: name as string,
    type: fieldType,
    label: typeof input.label === 'string' ? input.label.trim() : (name as string),
    required: input.required === true,
    validation,
    mapsTo,
  };
};

const checkSettings = (input: unknown, current: FormSettings, problems: FormProblem[]): FormSettings => {
  if (input === undefined || input === null) return current;
  if (!isObject(input)) {
    problems.push({ field: 'settings', reason: 'must be an object' });
    return current;
  }
  const settings = { ...current } as { -readonly [K in keyof FormSettings]: FormSettings[K] };
  for (const [key, value] of Object.entries(input)) {
    const at = `settings.${key}`;
    switch (key) {
      case 'submitText':
        if (isText(value, 100)) settings.submitText = value.trim();
        else problems.push({ field: at, reason: 'must be 1 to 100 characters' });
        break;
      case 'thankYouMessage':
        if (isText(value, 2000)) settings.thankYouMessage = value.trim();
        else problems.push({ field: at, reason: 'must be 1 to 2000 characters' });
        break;
      case 'redirectUrl':
        if (value === null || isHttpUrl(value)) settings.redirectUrl = value;
        else problems.push({ field: at, reason: `must be null or an http(s) URL of at most ${MAX_URL_LENGTH} characters` });
        break;
      case 'allowedOrigins':
        if (!Array.isArray(value) || value.length > 50) problems.push({ field: at, reason: 'must be a list of at most 50 origins' });
        else {
          const bad = value.findIndex((origin) => !isOrigin(origin));
          if (bad >= 0) problems.push({ field: `${at}[${bad}]`, reason: 'must be an origin such as https://www.example.com (scheme, host and port, no path)' });
          else settings.allowedOrigins = [...new Set(value as string[])];
        }
        break;
      case 'consentPolicy':
        if ((FORM_CONSENT_POLICIES as readonly unknown[]).includes(value)) settings.consentPolicy = value as FormConsentPolicy;
        else problems.push({ field: at, reason: `must be one of ${FORM_CONSENT_POLICIES.join(', ')}` });
        break;
      default:
        problems.push({ field: at, reason: 'is not a form setting (submitText, thankYouMessage, redirectUrl, allowedOrigins, consentPolicy)' });
    }
  }
  return settings;
};

/** The definition `input` asks for on top of `current` (none: a new form), canonical, or every field at fault. */
export const checkForm = (input: FormInput, current: FormDefinition | null): FormCheck => {
  const problems: FormProblem[] = [];
  let name = current?.name ?? '';
  if (input.name !== undefined || current === null) {
    if (isText(input.name, 200)) name = input.name.trim();
    else problems.push({ field: 'name', reason: 'must be 1 to 200 characters' });
  }
  let fields: readonly FormField[] = current?.fields ?? [];
  if (input.fields !== undefined || current === null) {
    if (!Array.isArray(input.fields) || input.fields.length === 0 || input.fields.length > MAX_FORM_FIELDS) {
      problems.push({ field: 'fields', reason: `must be a list of 1 to ${MAX_FORM_FIELDS} fields` });
    } else {
      const checked = input.fields.map((field, index) => checkField(index, field, problems));
      fields = checked.filter((field): field is FormField => field !== null);
      if (fields.length === checked.length) {
        const names = new Set<string>();
        const targets = new Set<string>();
        fields.forEach((field, index) => {
          if (names.has(field.name)) problems.push({ field: `fields[${index}].name`, reason: `${field.name} is on the form twice` });
          names.add(field.name);
          if (field.mapsTo !== null && targets.has(field.mapsTo)) problems.push({ field: `fields[${index}].mapsTo`, reason: `${field.mapsTo} is filled in by another field` });
          if (field.mapsTo !== null) targets.add(field.mapsTo);
        });
        const email = fields.findIndex((field) => field.mapsTo === 'email');
        // A submission finds or creates its contact by email.
        if (email === -1) problems.push({ field: 'fields', reason: 'a form needs an email field that fills in the contact email (named email, or mapsTo "email")' });
        else if (!fields[email].required) problems.push({ field: `fields[${email}].required`, reason: 'the email field must be required: it identifies the contact' });
      }
    }
  }
  const settings = checkSettings(input.settings, current?.settings ?? DEFAULT_FORM_SETTINGS, problems);
  if (settings.consentPolicy === 'consent' && !fields.some((field) => field.type === 'consent')) {
    problems.push({ field: 'settings.consentPolicy', reason: 'consent needs a field of type consent on the form' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { name, fields, settings } };
};

/** The refusal of a form's input: RULE_VIOLATED naming the fields, which the service answers as a 400. */
const invalid = (problems: readonly FormProblem[]) =>
  ruleViolated('form-invalid', problems.map(({ field, reason }) => `${field}: ${reason}`).join('; '), { field: problems[0].field, fields: problems });

const create = ({ data }: CreateForm, state: FormState): readonly FormEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('form', { id: data.formId });
  const checked = checkForm(data, null);
  if (!checked.ok) throw invalid(checked.problems);
  return [{ type: 'FormCreated', data: { formId: data.formId, ...checked.value } }];
};

const sameDefinition = (a: FormDefinition, b: FormDefinition): boolean => JSON.stringify(a) === JSON.stringify(b);

const update = ({ data }: UpdateForm, state: FormState): readonly FormEvent[] => {
  if (state.status !== 'active') throw notFound('form', data.formId);
  const checked = checkForm(data, state.definition);
  if (!checked.ok) throw invalid(checked.problems);
  if (sameDefinition(checked.value, state.definition)) return [];
  return [{ type: 'FormUpdated', data: { formId: data.formId, version: state.version + 1, ...checked.value } }];
};

export const formDecider: Decider<FormCommand, FormEvent, FormState> = {
  decide: decideByType({ CreateForm: create, UpdateForm: update }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'FormCreated': {
        const { formId, ...definition } = event.data;
        return { status: 'active', formId, version: 1, definition };
      }
      case 'FormUpdated': {
        const { formId, version, ...definition } = event.data;
        return { status: 'active', formId, version, definition };
      }
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
