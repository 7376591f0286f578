// Email addresses identify contacts; mailboxes are case-insensitive in practice, so compare them lower-cased.
export const normalizeEmail = (input: string): string => input.trim().toLowerCase();

// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the mail provider's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isValidEmail = (normalizedEmail: string): boolean => EMAIL_PATTERN.test(normalizedEmail);
