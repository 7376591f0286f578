// What the association routes refuse that no other module's error says; mapped to HTTP in the api's error filter.
export type AssociationErrorCode = 'PRIMARY_COMPANY_REQUIRED';

export class AssociationError extends Error {
  constructor(
    readonly code: AssociationErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
