// Forms, reduced: each form's current name, version and size, and the submissions each form id received. Pure: the
// persistence loads the rows a batch touches and writes back what this returns.
import type { FormSubmitted } from '#domain/contact';
import type { FormCreated, FormUpdated } from '#domain/form';

export const FORMS_EVENT_TYPES = ['FormCreated', 'FormUpdated', 'FormSubmitted'] as const;

export type FormsEvent = FormCreated | FormUpdated | FormSubmitted;
export type FormsSourceEvent = Readonly<{ occurredAt: string; event: FormsEvent }>;

export type FormRow = Readonly<{
  formId: string;
  name: string;
  version: number;
  fieldCount: number;
  consentPolicy: string;
  createdAt: string;
  updatedAt: string;
}>;
export type SubmissionCountRow = Readonly<{ formId: string; submissions: number; lastSubmittedAt: string }>;

export type FormsRows = Readonly<{ forms: ReadonlyMap<string, FormRow>; submissions: ReadonlyMap<string, SubmissionCountRow> }>;

/** The form ids a batch touches, to load their rows. */
export const touchedFormIds = (events: readonly FormsEvent[]): string[] => [...new Set(events.map((event) => event.data.formId))];

/** The rows after the batch: only those it changed. */
export const reduceForms = (loaded: FormsRows, events: readonly FormsSourceEvent[]): FormsRows => {
  const forms = new Map<string, FormRow>();
  const submissions = new Map<string, SubmissionCountRow>();
  for (const { occurredAt, event } of events) {
    const { formId } = event.data;
    switch (event.type) {
      case 'FormCreated':
      case 'FormUpdated': {
        const current = forms.get(formId) ?? loaded.forms.get(formId);
        const version = event.type === 'FormCreated' ? 1 : event.data.version;
        forms.set(formId, {
          formId,
          name: event.data.name,
          version,
          fieldCount: event.data.fields.length,
          consentPolicy: event.data.settings.consentPolicy,
          createdAt: current?.createdAt ?? occurredAt,
          updatedAt: occurredAt,
        });
        break;
      }
      case 'FormSubmitted': {
        const current = submissions.get(formId) ?? loaded.submissions.get(formId);
        const last = current === undefined || occurredAt > current.lastSubmittedAt ? occurredAt : current.lastSubmittedAt;
        submissions.set(formId, { formId, submissions: (current?.submissions ?? 0) + 1, lastSubmittedAt: last });
        break;
      }
    }
  }
  return { forms, submissions };
};
