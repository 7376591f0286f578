import { identityText, mixesScripts } from '../shared/text.js';

// Email addresses identify contacts, so look-alikes must compare equal: mailboxes are case-insensitive in
// practice, `é` may arrive composed or decomposed, and a zero-width space or soft hyphen is invisible.
export const normalizeEmail = (input: string): string => identityText(input);

// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the mail provider's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A normalized address of that shape whose local part and domain labels each keep to one script: `аda@x.com`
 * with a Cyrillic а would otherwise be a second contact that looks exactly like `ada@x.com`.
 */
export const isValidEmail = (normalizedEmail: string): boolean => {
  if (!EMAIL_PATTERN.test(normalizedEmail)) return false;
  const at = normalizedEmail.lastIndexOf('@');
  const words = [normalizedEmail.slice(0, at), ...normalizedEmail.slice(at + 1).split('.')];
  return !words.some(mixesScripts);
};
