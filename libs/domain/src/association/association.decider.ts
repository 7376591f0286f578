// Decides the labels of one pair of records. Both commands are idempotent: what already holds records nothing, so
// a retried request or a repeated import line writes no event.
import { assertNever, decideByType, ruleViolated, type Decider } from '../shared/index.js';
import type { AssociationChange } from './association-changes.js';
import type { AssociateRecords, AssociationCommand, DissociateRecords } from './association.commands.js';
import {
  canonicalPair,
  isObjectType,
  MAX_ASSOCIATION_LABEL_LENGTH,
  PRIMARY_LABEL,
  type AssociationEvent,
  type RecordRef,
} from './association.events.js';

/** The pair's labels; null is the plain association. */
export type AssociationState = Readonly<{ labels: readonly (string | null)[] }>;

export const initialAssociationState = (): AssociationState => ({ labels: [] });

/** A label as stored: trimmed, 1..100 code points, never `primary` (the contact's or deal's primary company). */
export const associationLabel = (label: string | null | undefined): string | null => {
  if (label === null || label === undefined) return null;
  const trimmed = typeof label === 'string' ? label.trim() : '';
  if (trimmed === '') throw ruleViolated('association-label-blank', 'an association label must not be blank; omit it for a plain association');
  if ([...trimmed].length > MAX_ASSOCIATION_LABEL_LENGTH) {
    throw ruleViolated('association-label-too-long', `an association label has at most ${MAX_ASSOCIATION_LABEL_LENGTH} characters`);
  }
  if (trimmed.toLowerCase() === PRIMARY_LABEL) {
    throw ruleViolated('association-label-reserved', `the label ${PRIMARY_LABEL} is the primary company, set through the contact or the deal`);
  }
  return trimmed;
};

/** The pair in canonical order; refuses unknown object types and two records of one type. */
export const associationPair = (from: RecordRef, to: RecordRef): readonly [RecordRef, RecordRef] => {
  for (const record of [from, to]) {
    if (!isObjectType(record.type)) throw ruleViolated('association-object-type', `${String(record.type)} is not an object type`);
  }
  if (from.type === to.type) throw ruleViolated('association-same-type', `two ${from.type} records cannot be associated`);
  const [a, b] = canonicalPair(from, to);
  return [
    { type: a.type, id: a.id },
    { type: b.type, id: b.id },
  ];
};

const associate = ({ data }: AssociateRecords, state: AssociationState): readonly AssociationEvent[] => {
  const [from, to] = associationPair(data.from, data.to);
  const label = associationLabel(data.label);
  return state.labels.includes(label) ? [] : [{ type: 'RecordsAssociated', data: { from, to, label } }];
};

const dissociate = ({ data }: DissociateRecords, state: AssociationState): readonly AssociationEvent[] => {
  const [from, to] = associationPair(data.from, data.to);
  const removed = data.label === undefined ? state.labels : [associationLabel(data.label)].filter((label) => state.labels.includes(label));
  return removed.map((label) => ({ type: 'RecordsDissociated', data: { from, to, label } }));
};

/** One change of the pair's labels; the pair's events and the legacy fields (read as changes) fold alike. */
export const applyAssociationChange = (state: AssociationState, change: AssociationChange): AssociationState => {
  switch (change.kind) {
    case 'added':
      return state.labels.includes(change.label) ? state : { labels: [...state.labels, change.label] };
    case 'removed':
      return { labels: state.labels.filter((label) => label !== change.label) };
    case 'merged':
      return state;
    default:
      return assertNever(change);
  }
};

export const associationDecider: Decider<AssociationCommand, AssociationEvent, AssociationState> = {
  decide: decideByType({ AssociateRecords: associate, DissociateRecords: dissociate }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'RecordsAssociated':
        return applyAssociationChange(state, { kind: 'added', a: event.data.from, b: event.data.to, label: event.data.label });
      case 'RecordsDissociated':
        return applyAssociationChange(state, { kind: 'removed', a: event.data.from, b: event.data.to, label: event.data.label });
      default:
        return assertNever(event);
    }
  },
  initialState: initialAssociationState,
};
