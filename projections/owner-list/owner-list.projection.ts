// The owners list, the pure part: one row per owner as its profile stands now, with what the list sorts and
// searches by. Other lists show an owner's name by joining this table.
import type { OwnerEvent, OwnerRole } from '#domain/owner';
import { assertNever, withFieldChanges } from '#domain/shared';
import { searchKey } from '#read-models';

export const OWNER_LIST_EVENT_TYPES = ['OwnerCreated', 'OwnerUpdated'] as const satisfies readonly OwnerEvent['type'][];

export type OwnerListRow = Readonly<{
  ownerId: string;
  name: string;
  email: string;
  team: string | null;
  role: OwnerRole;
  /** Business time of OwnerCreated, ISO (UTC, milliseconds). */
  createdAt: string;
}>;

export type TimedOwnerEvent = Readonly<{ event: OwnerEvent; occurredAt: string }>;

/** What `q` matches, folded here (searchKey) so that case folding is the same on every database. */
export const ownerSearchText = (owner: OwnerListRow): string => searchKey([owner.name, owner.email, owner.team ?? ''].join(' '));

/** The owner after one event; an update of an owner never created leaves nothing (its stream always starts so). */
export const evolveOwner = (owner: OwnerListRow | undefined, { event, occurredAt }: TimedOwnerEvent): OwnerListRow | undefined => {
  switch (event.type) {
    case 'OwnerCreated': {
      if (owner) return owner;
      const { ownerId, name, email, team, role } = event.data;
      return { ownerId, name, email, team, role, createdAt: new Date(occurredAt).toISOString() };
    }
    case 'OwnerUpdated':
      return owner && { ...owner, ...withFieldChanges({ name: owner.name, email: owner.email, team: owner.team, role: owner.role }, event.data.changes) };
    default:
      return assertNever(event);
  }
};

/** A batch applied in order to the owners it touches; answers the rows it changed, each once. */
export const reduceOwnerList = (owners: ReadonlyMap<string, OwnerListRow>, events: readonly TimedOwnerEvent[]): OwnerListRow[] => {
  const state = new Map(owners);
  const changed = new Set<string>();
  for (const timed of events) {
    const { ownerId } = timed.event.data;
    const before = state.get(ownerId);
    const after = evolveOwner(before, timed);
    if (after === undefined || after === before) continue;
    state.set(ownerId, after);
    changed.add(ownerId);
  }
  return [...changed].map((id) => state.get(id)!);
};
