import { DeciderSpecification } from '../shared/decider-specification.js';
import { DomainError } from '../shared/index.js';
import { checkPageUrl, checkSubmission, formDecider, utmOf, type CreateForm, type FormCreated, type FormDefinition } from './index.js';

const metadata = { now: '2026-12-01T10:00:00.000Z' };
const given = DeciderSpecification.for(formDecider);
const noRules = { maxLength: null, pattern: null, options: null };

// The minimal body.
const createForm = (data: Partial<CreateForm['data']> = {}): CreateForm => ({
  type: 'CreateForm',
  data: { formId: 'f1', name: 'Demo', fields: [{ name: 'email', type: 'email', required: true }, { name: 'firstName', type: 'text' }], ...data },
  metadata,
});
const created: FormCreated = {
  type: 'FormCreated',
  data: {
    formId: 'f1',
    name: 'Demo',
    fields: [
      { name: 'email', type: 'email', label: 'email', required: true, validation: noRules, mapsTo: 'email' },
      { name: 'firstName', type: 'text', label: 'firstName', required: false, validation: noRules, mapsTo: 'firstName' },
    ],
    settings: { submitText: 'Submit', thankYouMessage: 'Thank you: we received your submission.', redirectUrl: null, allowedOrigins: [], consentPolicy: 'policy' },
  },
};

/** The fields a refused command names, in order. */
const fieldsOf = (data: Partial<CreateForm['data']>): string[] => {
  try {
    formDecider.decide(createForm(data), formDecider.initialState());
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.rule).toBe('form-invalid');
    return ((error as DomainError).details.fields as { field: string }[]).map((problem) => problem.field);
  }
  throw new Error('the command was accepted');
};

describe('form decider', () => {
  it('creates a form from the minimal body, mapping fields named like contact fields to them', () => {
    given([]).when(createForm()).then([created]);
  });

  it('refuses a second create of the same form', () => {
    given([created]).when(createForm()).thenThrows('ALREADY_EXISTS');
  });

  it.each([
    ['no name', { name: '  ' }, ['name']],
    ['no fields', { fields: [] }, ['fields']],
    ['no email field', { fields: [{ name: 'firstName', type: 'text' }] }, ['fields']],
    ['an optional email', { fields: [{ name: 'email', type: 'email' }] }, ['fields[0].required']],
    ['an unknown type', { fields: [{ name: 'email', type: 'email', required: true }, { name: 'x', type: 'date' }] }, ['fields[1].type']],
    ['a name with a leading underscore', { fields: [{ name: 'email', type: 'email', required: true }, { name: '_hp', type: 'text' }] }, ['fields[1].name']],
    ['a field twice', { fields: [{ name: 'email', type: 'email', required: true }, { name: 'email', type: 'text', mapsTo: null }] }, ['fields[1].name']],
    ['a select without options', { fields: [{ name: 'email', type: 'email', required: true }, { name: 's', type: 'select' }] }, ['fields[1].validation.options']],
    ['a broken pattern', { fields: [{ name: 'email', type: 'email', required: true }, { name: 't', type: 'text', validation: { pattern: '(' } }] }, ['fields[1].validation.pattern']],
    ['an unknown mapping', { fields: [{ name: 'email', type: 'email', required: true }, { name: 't', type: 'text', mapsTo: 'salary' }] }, ['fields[1].mapsTo']],
    ['an unknown field setting', { fields: [{ name: 'email', type: 'email', required: true, colour: 'red' }] }, ['fields[0].colour']],
    ['an origin with a path', { settings: { allowedOrigins: ['https://shop.test/page'] } }, ['settings.allowedOrigins[0]']],
    ['a javascript: redirect', { settings: { redirectUrl: 'javascript:alert(1)' } }, ['settings.redirectUrl']],
    ['a consent policy without a consent field', { settings: { consentPolicy: 'consent' } }, ['settings.consentPolicy']],
    ['an unknown setting', { settings: { theme: 'dark' } }, ['settings.theme']],
  ])('refuses %s, naming the field', (_, data, fields) => {
    expect(fieldsOf(data as Partial<CreateForm['data']>)).toEqual(fields);
  });

  it('updates to a new version holding the whole definition, and writes nothing for no change', () => {
    const update = { type: 'UpdateForm', data: { formId: 'f1', settings: { submitText: 'Send' } }, metadata } as const;
    given([created])
      .when(update)
      .then([{ type: 'FormUpdated', data: { ...created.data, version: 2, settings: { ...created.data.settings, submitText: 'Send' } } }]);
    given([created]).when({ ...update, data: { formId: 'f1', name: 'Demo' } }).then([]);
    given([]).when(update).thenThrows('NOT_FOUND');
  });
});

describe('a submission checked against its form', () => {
  const form: FormDefinition = {
    ...created.data,
    fields: [
      ...created.data.fields,
      { name: 'seats', type: 'number', label: 'Seats', required: false, validation: noRules, mapsTo: 'property.seats' },
      { name: 'plan', type: 'select', label: 'Plan', required: false, validation: { ...noRules, options: ['free', 'pro'] }, mapsTo: null },
      { name: 'news', type: 'consent', label: 'News', required: false, validation: noRules, mapsTo: null },
    ],
  };

  it('normalizes the email, types the mapped values and reads the consent box', () => {
    expect(checkSubmission(form, { email: ' Ada@Example.COM ', firstName: 'Ada', seats: '12', plan: 'pro', news: 'on' })).toEqual({
      ok: true,
      value: {
        values: { email: 'ada@example.com', firstName: 'Ada', seats: '12', plan: 'pro', news: 'true' },
        contact: { email: 'ada@example.com', firstName: 'Ada' },
        properties: { seats: 12 },
        consent: true,
      },
    });
  });

  it('names every field at fault: unknown, missing, malformed, filled honeypot', () => {
    const check = checkSubmission(form, { firstName: 'a\u0000b', seats: 'many', plan: 'gold', news: 'maybe', _hp: 'http://spam', admin: true });
    expect(check.ok ? [] : check.problems.map((problem) => problem.field)).toEqual([
      'fields._hp',
      'fields.admin',
      'fields.email',
      'fields.firstName',
      'fields.seats',
      'fields.plan',
      'fields.news',
    ]);
  });

  it('refuses a wrong type and an address that is no email', () => {
    expect(checkSubmission(form, { email: ['a@b.test'] }).ok).toBe(false);
    expect(checkSubmission(form, { email: 'not-an-email' }).ok).toBe(false);
    expect(checkSubmission(form, { email: '<script>@x.com' }).ok).toBe(false);
    expect(checkSubmission(form, { email: 'ådå+news@exämple.com' }).ok).toBe(true);
  });

  it('reads UTM parameters from the page URL', () => {
    expect(utmOf('https://x.test/p?utm_source=ads&utm_medium=%20cpc%20&utm_term=')).toEqual({ source: 'ads', medium: 'cpc', campaign: null, term: null, content: null });
    expect(checkPageUrl('javascript:alert(1)').ok).toBe(false);
    expect(checkPageUrl(undefined)).toEqual({ ok: true, value: null });
  });
});
