// Claims on unique values (a contact's email, a company's domain) guard a command on another stream: claim the new
// value first, run the command, then release the old value. The claim stream refuses a second holder.
import { alreadyExists } from '#domain/shared';
import {
  normalizeUniqueValue,
  uniqueValueDecider,
  uniqueValueStream,
  type ClaimUniqueValue,
  type ReleaseUniqueValue,
  type UniqueValueKind,
} from '#domain/unique-value';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import { randomIds, type RequestContext } from '../request-context.js';

// A claim is made moments before its holder's record is written; a younger claim may still be in flight.
export const CLAIM_TAKEOVER_GRACE_MS = 60_000;

/** Whether the record `holderId` currently has `value` (normalized): only then does its claim stand. */
export type HolderHasValue = (holderId: string, value: string) => Promise<boolean>;

export type UniqueValueChange = Readonly<{
  kind: UniqueValueKind;
  ownerId: string;
  /** The value the record holds now (null: none). */
  from: string | null;
  /** The value the command gives it (null: none). */
  to: string | null;
  holderHasValue: HolderHasValue;
}>;

/** Where a claim that could not be given back is reported (the api's logger). */
export type ClaimWarning = (message: string) => void;

// A claim stream is decided by who holds the value now, never by replaying a key: a re-send may find the claim it
// made given back (the first try failed) or its record moved on. Its events therefore get ids of their own.
const claimContext = (context: RequestContext): RequestContext => ({ ...context, ids: randomIds() });

const claimCommand = (kind: UniqueValueKind, value: string, ownerId: string, context: RequestContext): ClaimUniqueValue => ({
  type: 'ClaimUniqueValue',
  data: { kind, value, ownerId },
  metadata: { now: context.now },
});

const releaseCommand = (kind: UniqueValueKind, value: string, ownerId: string, context: RequestContext): ReleaseUniqueValue => ({
  type: 'ReleaseUniqueValue',
  data: { kind, value, ownerId },
  metadata: { now: context.now },
});

/**
 * Claims `value` for `ownerId`; 409 with the holder's id when another record has it. A claim left behind by a
 * crash (older than the grace period, its holder absent, merged away or moved to another value) is taken over:
 * released and claimed again in one append.
 */
export const claimUniqueValue = async (
  executor: CommandExecutor,
  kind: UniqueValueKind,
  value: string,
  ownerId: string,
  holderHasValue: HolderHasValue,
  context: RequestContext,
): Promise<void> => {
  const stream = uniqueValueStream(kind, value);
  const claims = claimContext(context);
  const claim = claimCommand(kind, value, ownerId, claims);
  const { state, revision, recorded } = await executor.load(stream, uniqueValueDecider);
  const holder = state.claimedBy;
  if (holder === null || holder === ownerId) {
    await executor.execute(stream, uniqueValueDecider, claim, claims);
    return;
  }
  const normalized = normalizeUniqueValue(kind, value);
  const claimedAt = Date.parse(recorded[recorded.length - 1].metadata.occurredAt);
  const stale = Date.parse(claims.now) - claimedAt > CLAIM_TAKEOVER_GRACE_MS && !(await holderHasValue(holder, normalized));
  if (!stale) throw alreadyExists(`${kind} ${normalized}`, { existingId: holder });

  const released = uniqueValueDecider.decide(releaseCommand(kind, value, holder, claims), state);
  const claimed = uniqueValueDecider.decide(claim, released.reduce(uniqueValueDecider.evolve, state));
  await executor.append(stream, [...released, ...claimed], claim, claims, { expectedRevision: revision });
};

/** Gives up `value` if `ownerId` holds it; a value held by another record is not ours to release. */
export const releaseUniqueValue = async (
  executor: CommandExecutor,
  kind: UniqueValueKind,
  value: string,
  ownerId: string,
  context: RequestContext,
): Promise<void> => {
  const stream = uniqueValueStream(kind, value);
  const { state } = await executor.load(stream, uniqueValueDecider);
  if (state.claimedBy !== ownerId) return;
  await executor.execute(stream, uniqueValueDecider, releaseCommand(kind, value, ownerId, context), claimContext(context));
};

/**
 * Runs `command` under the claim of `change.to`, then releases `change.from`. Claims follow what the record holds
 * afterwards: a failed command gives its fresh claim back unless its record holds the value (a 500 after the claim
 * leaves no orphan), and a replayed answer (a re-send whose events were stored before) is squared with the record
 * as it is now, which may have moved on since.
 */
export const withUniqueValue = async (
  executor: CommandExecutor,
  change: UniqueValueChange,
  context: RequestContext,
  command: () => Promise<CommandResult>,
  warn: ClaimWarning,
): Promise<CommandResult> => {
  const { kind, ownerId, from, to } = change;
  const normalizedFrom = from === null ? null : normalizeUniqueValue(kind, from);
  const normalizedTo = to === null ? null : normalizeUniqueValue(kind, to);
  if (normalizedFrom === normalizedTo) return command();

  if (normalizedTo !== null) await claimUniqueValue(executor, kind, normalizedTo, ownerId, change.holderHasValue, context);
  let result: CommandResult;
  try {
    result = await command();
  } catch (error) {
    if (normalizedTo !== null) await giveBackUnlessHeld(executor, change, normalizedTo, context, warn);
    throw error;
  }
  if (result.replayed && normalizedTo !== null) await giveBackUnlessHeld(executor, change, normalizedTo, context, warn);
  if (normalizedFrom !== null && !(result.replayed && (await change.holderHasValue(ownerId, normalizedFrom)))) {
    await releaseUniqueValue(executor, kind, normalizedFrom, ownerId, context);
  }
  return result;
};

// The caller's error matters more than a failed give-back; a claim left behind is taken over once stale.
const giveBackUnlessHeld = async (
  executor: CommandExecutor,
  { kind, ownerId, holderHasValue }: UniqueValueChange,
  value: string,
  context: RequestContext,
  warn: ClaimWarning,
): Promise<void> => {
  try {
    if (await holderHasValue(ownerId, value)) return;
    await releaseUniqueValue(executor, kind, value, ownerId, context);
  } catch (error) {
    warn(`could not give back ${kind} claim for ${ownerId}: ${error instanceof Error ? error.message : String(error)}`);
  }
};
