// Free text as commands send it: surrounding white space is never part of a value.
import { ruleViolated } from './errors.js';

/** Blank text means "not known". */
export const optionalText = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Text a record cannot do without; a non-string counts as blank, as imported lines may send one. */
export const requiredText = (value: string, rule: string, what: string): string => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw ruleViolated(rule, `${what} must not be empty`);
  return trimmed;
};
