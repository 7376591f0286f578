import type { Command } from '../shared/index.js';
import type { UniqueValueKind } from './unique-value.events.js';

/** Decided on uniqueValueStream(kind, value). */
export type ClaimUniqueValue = Command<'ClaimUniqueValue', Readonly<{ kind: UniqueValueKind; value: string; ownerId: string }>>;
export type ReleaseUniqueValue = Command<'ReleaseUniqueValue', Readonly<{ kind: UniqueValueKind; value: string; ownerId: string }>>;

export type UniqueValueCommand = ClaimUniqueValue | ReleaseUniqueValue;
