// Decides the lifecycle of an owner (a rep): created once, then profile updates.
import { normalizeEmail as normalizeContactEmail } from '../contact/email-address.js';
import { alreadyExists, assertNever, changedFields, decideByType, notFound, optionalText, ruleViolated, withFieldChanges, type Decider } from '../shared/index.js';
import type { CreateOwner, OwnerCommand, UpdateOwner } from './owner.commands.js';
import type { OwnerEvent, OwnerField, OwnerProfile } from './owner.events.js';

export type OwnerState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'active'; ownerId: string; profile: OwnerProfile }>;

const OWNER_FIELDS: readonly OwnerField[] = ['name', 'email', 'team', 'role'];

const normalizeName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '') throw ruleViolated('name-required', 'an owner needs a name');
  return trimmed;
};

// Owners are matched to mailboxes and logins by email, compared as contacts' emails are.
const normalizeEmail = (email: string): string => {
  const normalized = normalizeContactEmail(email);
  if (normalized === '') throw ruleViolated('email-required', 'an owner needs an email');
  return normalized;
};

const normalizeChanges = (changes: Partial<OwnerProfile>): Partial<OwnerProfile> => ({
  ...changes,
  ...(changes.name === undefined ? {} : { name: normalizeName(changes.name) }),
  ...(changes.email === undefined ? {} : { email: normalizeEmail(changes.email) }),
  ...(changes.team === undefined ? {} : { team: optionalText(changes.team) }),
});

const create = ({ data }: CreateOwner, state: OwnerState): readonly OwnerEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('owner', { id: data.ownerId });
  return [
    {
      type: 'OwnerCreated',
      data: {
        ownerId: data.ownerId,
        name: normalizeName(data.name),
        email: normalizeEmail(data.email),
        team: optionalText(data.team),
        role: data.role,
      },
    },
  ];
};

const update = ({ data }: UpdateOwner, state: OwnerState): readonly OwnerEvent[] => {
  if (state.status === 'absent') throw notFound('owner', data.ownerId);
  const changes = changedFields(OWNER_FIELDS, state.profile, normalizeChanges(data.changes));
  return changes.length === 0 ? [] : [{ type: 'OwnerUpdated', data: { ownerId: data.ownerId, changes } }];
};

export const ownerDecider: Decider<OwnerCommand, OwnerEvent, OwnerState> = {
  decide: decideByType({ CreateOwner: create, UpdateOwner: update }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'OwnerCreated': {
        const { ownerId, ...profile } = event.data;
        return { status: 'active', ownerId, profile };
      }
      case 'OwnerUpdated':
        return state.status === 'absent' ? state : { ...state, profile: withFieldChanges(state.profile, event.data.changes) };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
