// Decides who holds a unique value. Claims and releases are idempotent for their owner so a handler can retry.
import { alreadyExists, assertNever, decideByType, ruleViolated, type Decider } from '../shared/index.js';
import type { ClaimUniqueValue, ReleaseUniqueValue, UniqueValueCommand } from './unique-value.commands.js';
import { normalizeUniqueValue, type UniqueValueEvent } from './unique-value.events.js';

export type UniqueValueState = Readonly<{ claimedBy: string | null }>;

const claim = ({ data }: ClaimUniqueValue, state: UniqueValueState): readonly UniqueValueEvent[] => {
  const value = normalizeUniqueValue(data.kind, data.value);
  // Every blank value would share one stream: blanks are "no value", never a claim.
  if (value === '') throw ruleViolated('blank-value', `a blank ${data.kind} cannot be claimed`);
  if (state.claimedBy === data.ownerId) return [];
  if (state.claimedBy !== null) throw alreadyExists(`${data.kind} ${value}`, { existingId: state.claimedBy });
  return [{ type: 'UniqueValueClaimed', data: { kind: data.kind, value, ownerId: data.ownerId } }];
};

const release = ({ data }: ReleaseUniqueValue, state: UniqueValueState): readonly UniqueValueEvent[] => {
  if (state.claimedBy === null) return [];
  if (state.claimedBy !== data.ownerId) {
    throw ruleViolated('claimed-by-another', `${data.kind} ${data.value} is held by ${state.claimedBy}`, {
      existingId: state.claimedBy,
    });
  }
  const value = normalizeUniqueValue(data.kind, data.value);
  return [{ type: 'UniqueValueReleased', data: { kind: data.kind, value, ownerId: data.ownerId } }];
};

export const uniqueValueDecider: Decider<UniqueValueCommand, UniqueValueEvent, UniqueValueState> = {
  decide: decideByType({ ClaimUniqueValue: claim, ReleaseUniqueValue: release }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'UniqueValueClaimed':
        return { claimedBy: event.data.ownerId };
      case 'UniqueValueReleased':
        return { claimedBy: null };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ claimedBy: null }),
};
