import { ROLES, type Role } from '../../../../libs/auth/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';

/** `tally keys create --name NAME --role ROLE | list | revoke KEY_ID`: for operators at the machine. */
export const keysCommand = async (
  runtime: Runtime,
  args: readonly string[],
  options: { name?: string; role?: string; actor: string },
): Promise<number> => {
  const [action = 'list', target] = args;
  if (action === 'create') {
    if (!options.name || !options.role) throw new Error(`usage: tally keys create --name NAME --role ${ROLES.join('|')}`);
    if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const key = await runtime.apiKeys.create(options.name, options.role as Role, options.actor);
    console.error(`created ${key.role} key ${key.keyId} (${key.name}); the secret is printed once, on stdout:`);
    console.log(key.secret);
    return 0;
  }
  if (action === 'list') {
    for (const key of await runtime.apiKeys.list()) {
      console.log(`${key.keyId}  ${key.role.padEnd(11)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  ${key.name}`);
    }
    return 0;
  }
  if (action === 'revoke') {
    if (!target) throw new Error('usage: tally keys revoke KEY_ID');
    const key = await runtime.apiKeys.revoke(target);
    if (!key) throw new Error(`no key ${target}`);
    console.log(`revoked ${key.keyId}`);
    return 0;
  }
  throw new Error(`unknown action ${action}: create, list, revoke`);
};
