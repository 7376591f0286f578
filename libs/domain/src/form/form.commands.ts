import type { Command } from '../shared/index.js';

/** A field as a client sends it; checkForm fills in the defaults and refuses what is wrong, naming the field. */
export type FormFieldInput = Readonly<{
  name?: unknown;
  type?: unknown;
  label?: unknown;
  required?: unknown;
  validation?: unknown;
  mapsTo?: unknown;
}>;

export type FormInput = Readonly<{ name?: unknown; fields?: unknown; settings?: unknown }>;

export type CreateForm = Command<'CreateForm', Readonly<{ formId: string } & FormInput>>;
/** Only what changes: a given `fields` replaces the list, a given `settings` is merged into the current ones. */
export type UpdateForm = Command<'UpdateForm', Readonly<{ formId: string } & FormInput>>;

export type FormCommand = CreateForm | UpdateForm;
