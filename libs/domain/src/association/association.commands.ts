import type { Command } from '../shared/index.js';
import type { RecordRef } from './association.events.js';

/** Decided on associationStream(from, to); either order. label null: a plain association. */
export type AssociateRecords = Command<'AssociateRecords', Readonly<{ from: RecordRef; to: RecordRef; label: string | null }>>;
/** label undefined: every label of the pair; null: the plain association only. */
export type DissociateRecords = Command<'DissociateRecords', Readonly<{ from: RecordRef; to: RecordRef; label?: string | null }>>;

export type AssociationCommand = AssociateRecords | DissociateRecords;
