// Decides the lifecycle of an owner (a rep): created once, then profile updates.
import { normalizeEmail as normalizeContactEmail } from '../contact/email-address.js';
import { alreadyExists, assertNever, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { CreateOwner, OwnerCommand, UpdateOwner } from './owner.commands.js';
import type { OwnerEvent, OwnerField, OwnerFieldChange, OwnerProfile } from './owner.events.js';

export type OwnerState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'active'; ownerId: string; profile: OwnerProfile }>;

const OWNER_FIELDS: readonly OwnerField[] = ['name', 'email', 'team', 'role'];

const normalizeName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '') throw ruleViolated('name-required', 'an owner needs a name');
  return trimmed;
};

const normalizeTeam = (team: string | null | undefined): string | null => {
  const trimmed = team?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
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
  ...(changes.team === undefined ? {} : { team: normalizeTeam(changes.team) }),
});

const changedFields = (current: OwnerProfile, requested: Partial<OwnerProfile>): readonly OwnerFieldChange[] =>
  OWNER_FIELDS.flatMap((field) => {
    const value = requested[field];
    if (value === undefined || value === current[field]) return [];
    // Each field pairs with its own value type; TypeScript cannot follow that through the loop variable.
    return [{ field, previous: current[field], value } as OwnerFieldChange];
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
        team: normalizeTeam(data.team),
        role: data.role,
      },
    },
  ];
};

const update = ({ data }: UpdateOwner, state: OwnerState): readonly OwnerEvent[] => {
  if (state.status === 'absent') throw notFound('owner', data.ownerId);
  const changes = changedFields(state.profile, normalizeChanges(data.changes));
  return changes.length === 0 ? [] : [{ type: 'OwnerUpdated', data: { ownerId: data.ownerId, changes } }];
};

export const ownerDecider: Decider<OwnerCommand, OwnerEvent, OwnerState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateOwner':
        return create(command, state);
      case 'UpdateOwner':
        return update(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'OwnerCreated': {
        const { ownerId, ...profile } = event.data;
        return { status: 'active', ownerId, profile };
      }
      case 'OwnerUpdated':
        if (state.status === 'absent') return state;
        return {
          ...state,
          profile: event.data.changes.reduce<OwnerProfile>(
            (profile, change) => ({ ...profile, [change.field]: change.value }),
            state.profile,
          ),
        };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
