// A key bound to an owner acts as that owner: its engagements are theirs and its task queue is theirs. The body can
// repeat the key's owner but never name someone else.
import { ApplicationError, validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';

/** The alias a query uses for the key's own owner (`GET /v1/tasks?ownerId=me`). */
export const ME = 'me';

const notYours = (field: string, ownerId: string): ApplicationError =>
  new ApplicationError('FORBIDDEN', `${field}: this key is bound to owner ${ownerId} and acts for no one else`, {
    fields: [{ field, reason: `must be the key's owner ${ownerId}, or omitted` }],
  });

/**
 * The owner a write acts for: the key's owner when it is bound to one (the body may only repeat it), else the
 * `requested` one, which must then be given.
 */
export const actingOwner = (context: RequestContext, requested: string | undefined, field: string): string => {
  if (context.ownerId !== undefined) {
    if (requested !== undefined && requested !== context.ownerId) throw notYours(field, context.ownerId);
    return context.ownerId;
  }
  if (requested === undefined) throw validationFailed([{ field, reason: `${field} is required unless the API key is bound to an owner` }]);
  return requested;
};

/**
 * Whose records a query asks for: `me`, or nothing with a bound key, is the key's owner; nothing with an unbound key
 * is everyone (undefined).
 */
export const ownerFilter = (context: RequestContext, requested: string | undefined, field = 'ownerId'): string | undefined => {
  if (requested === ME) {
    if (context.ownerId === undefined) throw validationFailed([{ field, reason: `${field}=${ME} needs an API key bound to an owner` }]);
    return context.ownerId;
  }
  return requested ?? context.ownerId;
};
