// What a request asks that the DTO rules cannot refuse (a rule across fields, a header, the media type, a caller's
// limit), typed like every module's errors: a code per case, mapped to HTTP with the others in one place
// (apps/api/src/http/error.filter.ts).
export type ApplicationErrorCode = 'VALIDATION_FAILED' | 'INVALID_HEADER' | 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE' | 'TOO_MANY_STREAMS';

export type FieldProblem = Readonly<{ field: string; reason: string }>;

export class ApplicationError extends Error {
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    /** Machine-readable detail for clients (the fields at fault, the limit reached). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Every field at fault with its reason; the message lists them as `field: reason` unless given. */
export const validationFailed = (
  fields: readonly FieldProblem[],
  message: string = fields.map(({ field, reason }) => `${field}: ${reason}`).join('; '),
): ApplicationError => new ApplicationError('VALIDATION_FAILED', message, { fields });

/** A header that is present but malformed. */
export const invalidHeader = (header: string, message: string): ApplicationError =>
  new ApplicationError('INVALID_HEADER', message, { fields: [{ field: header, reason: 'format' }] });
