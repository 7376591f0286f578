import { ROLES, type ApiKey, type ApiKeys, type CreatedKey, type Role } from '#auth';
import { ownerDecider, ownerStream, type OwnerEvent } from '#domain/owner';
import type { EventStore } from '#event-store';
import type { ServerClient } from '../server-client.js';

/** What `tally keys` needs: the store's ApiKeys when this process owns the database, or the running server. */
export type KeyAdmin = Readonly<{
  /** `ownerId` binds the key to that owner; an owner that does not exist is refused (UnknownOwner). */
  create(name: string, role: Role, actor: string, ownerId?: string): Promise<CreatedKey>;
  list(): Promise<readonly ApiKey[]>;
  revoke(keyId: string): Promise<ApiKey | null>;
}>;

/** A key may only be bound to an owner that exists. */
export class UnknownOwner extends Error {
  constructor(readonly ownerId: string) {
    super(`no owner ${ownerId}: --owner takes the id of an existing owner (GET /v1/owners lists them)`);
  }
}

/**
 * Keys in this process's own store. As POST /v1/keys does, the owner's stream is the authority: a key is never
 * bound to an owner the read models have not seen yet.
 */
export const keysInProcess = (runtime: Readonly<{ apiKeys: ApiKeys; eventStore: Pick<EventStore, 'readStream'> }>): KeyAdmin => ({
  create: async (name, role, actor, ownerId) => {
    if (ownerId !== undefined) {
      let state = ownerDecider.initialState();
      for await (const event of runtime.eventStore.readStream(ownerStream(ownerId))) {
        state = ownerDecider.evolve(state, { type: event.type, data: event.data } as OwnerEvent);
      }
      if (state.status === 'absent') throw new UnknownOwner(ownerId);
    }
    return runtime.apiKeys.create(name, role, actor, { ownerId });
  },
  list: () => runtime.apiKeys.list(),
  revoke: (keyId) => runtime.apiKeys.revoke(keyId),
});

/** Keys through the server's HTTP API; the server records its super-admin key as the actor. */
export const keysThroughServer = (server: ServerClient): KeyAdmin => ({
  create: async (name, role, _actor, ownerId) => {
    // 404 is the server's answer for an owner that does not exist (400 for an id that is no uuid stays an error).
    const response = await server.request('POST', '/v1/keys', { json: { name, role, ownerId }, allow: [404] });
    if (response.status === 404) throw new UnknownOwner(ownerId ?? '');
    return (await response.json()) as CreatedKey;
  },
  list: async () => (await server.json<{ data: ApiKey[] }>('GET', '/v1/keys')).data,
  revoke: async (keyId) => {
    const response = await server.request('DELETE', `/v1/keys/${encodeURIComponent(keyId)}`, { allow: [404] });
    return response.status === 404 ? null : ((await response.json()) as ApiKey);
  },
});

/** `tally keys create --name NAME --role ROLE [--owner OWNER_ID] | list | revoke KEY_ID`: for operators at the machine. */
export const keysCommand = async (
  keys: KeyAdmin,
  args: readonly string[],
  options: { name?: string; role?: string; owner?: string; actor: string },
): Promise<number> => {
  const [action = 'list', target] = args;
  if (action === 'create') {
    if (!options.name || !options.role) throw new Error(`usage: tally keys create --name NAME --role ${ROLES.join('|')} [--owner OWNER_ID]`);
    if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const key = await keys.create(options.name, options.role as Role, options.actor, options.owner);
    const bound = key.ownerId === null ? '' : `, bound to owner ${key.ownerId}`;
    console.error(`created ${key.role} key ${key.keyId} (${key.name})${bound}; the secret is printed once, on stdout:`);
    console.log(key.secret);
    return 0;
  }
  if (action === 'list') {
    // The owner comes last: names have spaces, and scripts read the columns before them.
    for (const key of await keys.list()) {
      const owner = key.ownerId === null ? '' : `  owner ${key.ownerId}`;
      console.log(`${key.keyId}  ${key.role.padEnd(11)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  ${key.name}${owner}`);
    }
    return 0;
  }
  if (action === 'revoke') {
    if (!target) throw new Error('usage: tally keys revoke KEY_ID');
    const key = await keys.revoke(target);
    if (!key) throw new Error(`no key ${target}`);
    console.log(`revoked ${key.keyId}`);
    return 0;
  }
  throw new Error(`unknown action ${action}: create, list, revoke`);
};
