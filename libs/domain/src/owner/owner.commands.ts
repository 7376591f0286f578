import type { Command } from '../shared/index.js';
import type { OwnerProfile, OwnerRole } from './owner.events.js';

export type CreateOwner = Command<
  'CreateOwner',
  Readonly<{ ownerId: string; name: string; email: string; team?: string | null; role: OwnerRole }>
>;
/** changes: only the fields to set; team null clears it. */
export type UpdateOwner = Command<'UpdateOwner', Readonly<{ ownerId: string; changes: Partial<OwnerProfile> }>>;

export type OwnerCommand = CreateOwner | UpdateOwner;
