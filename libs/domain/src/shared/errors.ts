// Typed domain errors, each with a stable code; the API maps them to HTTP once (404, 409, 410, 422).
export type DomainErrorCode = 'NOT_FOUND' | 'ALREADY_EXISTS' | 'RULE_VIOLATED' | 'GONE';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable detail for clients (the rule broken, the existing id). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, { id });

export const alreadyExists = (what: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('ALREADY_EXISTS', `${what} already exists`, details);

export const ruleViolated = (rule: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('RULE_VIOLATED', message, { rule, ...details });

/** The record existed and was removed for good (an erased contact): no command may bring it back. */
export const gone = (what: string, id: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('GONE', `${what} ${id} was erased`, { id, ...details });
