import type { TallyConfig } from '#config';
import { openRuntime } from '#runtime';
import { startApiProcess } from '../api-process.js';
import { apiClient } from '../server-client.js';
import { keysThroughServer } from './keys.command.js';
import { importThroughServer } from './import-through-server.js';
import { ALL_PROJECTIONS } from '#projections';

/**
 * `tally import FILE` with no server running: the same import as POST /v1/import (event and command lines, each
 * authorised and validated as its route), through an api this command starts and stops. The CLI imports as a
 * super-admin with a key of its own, named after `actor`, revoked when the import ends.
 */
export const importCommand = async (config: TallyConfig, file: string, actor: string): Promise<number> => {
  const key = config.auth === 'disabled' ? null : await createImportKey(config, actor);
  // The api alone imports, so the projector and webhooks stay off where the topology allows (one process on PGlite).
  const api = await startApiProcess({ TALLY_DEMO_CONTACTS: '0', ...(config.databaseUrl ? { TALLY_ROLE: 'api' } : {}) }, key?.secret ?? null).catch(
    async (error: unknown) => {
      // The api did not start (and has exited): the key is revoked here.
      if (key) await revokeImportKey(config, key.keyId);
      throw error;
    },
  );
  let revoked = key === null;
  try {
    const server = apiClient(api, key?.secret ?? null, { whose: 'started for this import', keyHint: '' });
    try {
      return await importThroughServer(server, file);
    } finally {
      if (key) revoked = (await keysThroughServer(server).revoke(key.keyId).catch(() => null)) !== null;
    }
  } finally {
    await api.stop();
    // The api died before the key could be revoked through it: revoked here, once the store is free again.
    if (key && !revoked) await revokeImportKey(config, key.keyId);
  }
};

const createImportKey = async (config: TallyConfig, actor: string) => {
  // The runtime is closed again (the lock released) before the api opens the store.
  const runtime = await openRuntime(config, ALL_PROJECTIONS);
  try {
    return await runtime.apiKeys.create(`tally import (${actor})`, 'super-admin', actor);
  } finally {
    await runtime.close();
  }
};

const revokeImportKey = async (config: TallyConfig, keyId: string): Promise<void> => {
  const runtime = await openRuntime(config, ALL_PROJECTIONS);
  try {
    await runtime.apiKeys.revoke(keyId);
  } finally {
    await runtime.close();
  }
};
