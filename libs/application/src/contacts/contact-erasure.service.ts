// Erasure of a person (GDPR Art. 17) in an immutable log: record ContactErased, then shred the person's data key,
// so every event that names them reads back redacted. The log is the source of truth for the erasure: the key
// store treats a contact with a recorded ContactErased as destroyed, so a crash between the append and destroy()
// cannot leave the data readable, and a re-run of the remaining steps is harmless.
import {
  contactDecider,
  contactStream,
  type ContactState,
  type EraseContact,
  type ErasureLegalBasis,
} from '#domain/contact';
import type { PropertyValues } from '#domain/shared';
import type { EventStore } from '#event-store';
import type { CommandExecutor } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';
import { releaseUniqueValue } from './unique-value-claims.js';

/** Destroys a contact's data key (crypto-shredding); idempotent. */
export type DataKeyShredder = Readonly<{ destroy(contactId: string): Promise<void>; destroyAll(contactIds: readonly string[]): Promise<void> }>;

/**
 * Removes the person's values from the stores outside the log and the read models (idempotency keys, webhook
 * deliveries, workflow tables). request() is made before the erasure is recorded, so a crash leaves a pending purge
 * that resumes at start-up; run() finishes it.
 */
export type PersonalDataPurgePort = Readonly<{
  request(contactId: string, values: readonly string[]): Promise<void>;
  run(contactId: string): Promise<void>;
}>;

export type ErasureRequest = Readonly<{ contactId: string; legalBasis: ErasureLegalBasis; reason: string }>;

/** The audit record of an erasure: who, when, why; nothing personal. */
export type ErasureRecord = Readonly<{
  contactId: string;
  erasedBy: string;
  erasedAt: string;
  legalBasis: ErasureLegalBasis;
  reason: string;
  position: string | null;
}>;

const textValues = (properties: PropertyValues): string[] =>
  Object.values(properties).flatMap((value) => (typeof value === 'string' ? [value] : []));

/** The person's values as the stream holds them in clear, for the purge of stores that copied them. */
const personalValues = (state: ContactState): string[] => {
  switch (state.status) {
    case 'active': {
      const { email, firstName, lastName, phone, jobTitle, country } = state.profile;
      const values = [email, firstName, lastName, phone, jobTitle, country, ...textValues(state.properties)];
      return values.filter((value): value is string => value !== null && value.trim() !== '');
    }
    case 'merged':
      return [state.email];
    case 'absent':
    case 'erased':
      return [];
  }
};

export class ContactErasureService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly keys: DataKeyShredder,
    private readonly purge: PersonalDataPurgePort,
  ) {}

  async erase({ contactId, legalBasis, reason }: ErasureRequest, context: RequestContext): Promise<ErasureRecord> {
    const stream = contactStream(contactId);
    const command: EraseContact = {
      type: 'EraseContact',
      data: { contactId, erasedBy: context.actor, legalBasis, reason },
      metadata: { now: context.now },
    };
    const { state, revision } = await this.executor.load(stream, contactDecider);
    // Decided before anything is written: an unknown or erased contact (404, 409) or a blank reason touches nothing.
    const [erased] = contactDecider.decide(command, state);
    await this.purge.request(contactId, personalValues(state));
    // Pinned to the state read: an update between the read and the append (a new email) must not escape the purge.
    const result = await this.executor.execute(stream, contactDecider, command, context, { ifMatch: revision });
    if (state.status === 'active') await releaseUniqueValue(this.executor, 'contact-email', state.profile.email, contactId, context);
    await this.keys.destroy(contactId);
    await this.purge.run(contactId);
    if (erased?.type !== 'ContactErased') throw new Error(`contact ${contactId}: the erasure decided no ContactErased`);
    return { ...erased.data, erasedAt: context.now, position: result.position };
  }
}

// One statement per this many erasures: start-up time grows with the pages of the log's erasures, not with each one.
const SWEEP_BATCH = 1_000;

/**
 * Destroys the key of every contact the log records as erased (idempotent): run at start-up, it finishes an erasure
 * that a crash stopped between its append and destroy(). Answers how many erasures the log holds.
 */
export const destroyErasedKeys = async (store: Pick<EventStore, 'readAll'>, keys: DataKeyShredder): Promise<number> => {
  let erased = 0;
  let batch: string[] = [];
  for await (const event of store.readAll({ filter: { streamCategories: ['contact'], eventTypes: ['ContactErased'] } })) {
    batch.push((event.data as Readonly<{ contactId: string }>).contactId);
    erased++;
    if (batch.length === SWEEP_BATCH) {
      await keys.destroyAll(batch);
      batch = [];
    }
  }
  await keys.destroyAll(batch);
  return erased;
};
