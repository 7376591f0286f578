import { ROLES, type ApiKey, type CreatedKey, type Role } from '#auth';
import type { ServerClient } from '../server-client.js';

/** What `tally keys` needs: the store's ApiKeys when this process owns the database, or the running server. */
export type KeyAdmin = Readonly<{
  create(name: string, role: Role, actor: string): Promise<CreatedKey>;
  list(): Promise<readonly ApiKey[]>;
  revoke(keyId: string): Promise<ApiKey | null>;
}>;

/** Keys through the server's HTTP API; the server records its super-admin key as the actor. */
export const keysThroughServer = (server: ServerClient): KeyAdmin => ({
  create: (name, role) => server.json<CreatedKey>('POST', '/v1/keys', { name, role }),
  list: async () => (await server.json<{ data: ApiKey[] }>('GET', '/v1/keys')).data,
  revoke: async (keyId) => {
    const response = await server.request('DELETE', `/v1/keys/${encodeURIComponent(keyId)}`, { allow: [404] });
    return response.status === 404 ? null : ((await response.json()) as ApiKey);
  },
});

/** `tally keys create --name NAME --role ROLE | list | revoke KEY_ID`: for operators at the machine. */
export const keysCommand = async (
  keys: KeyAdmin,
  args: readonly string[],
  options: { name?: string; role?: string; actor: string },
): Promise<number> => {
  const [action = 'list', target] = args;
  if (action === 'create') {
    if (!options.name || !options.role) throw new Error(`usage: tally keys create --name NAME --role ${ROLES.join('|')}`);
    if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const key = await keys.create(options.name, options.role as Role, options.actor);
    console.error(`created ${key.role} key ${key.keyId} (${key.name}); the secret is printed once, on stdout:`);
    console.log(key.secret);
    return 0;
  }
  if (action === 'list') {
    for (const key of await keys.list()) {
      console.log(`${key.keyId}  ${key.role.padEnd(11)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  ${key.name}`);
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
