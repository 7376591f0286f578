import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@nestjs/common';
import type { Runtime } from '#runtime';

/**
 * With no key yet, the first start creates a super-admin key into a file only its owner can read, and says
 * where; the secret is never logged. With authentication disabled it says so loudly.
 */
export const ensureFirstKey = async (runtime: Runtime, logger: Logger): Promise<void> => {
  if (runtime.config.auth === 'disabled') {
    logger.warn('TALLY_AUTH=disabled: every request is anonymous and allowed. For local development only.');
    return;
  }
  if ((await runtime.apiKeys.count()) > 0) return;
  const key = await runtime.apiKeys.create('first super-admin', 'super-admin', 'system');
  await mkdir(runtime.config.dataDir, { recursive: true });
  const file = path.resolve(runtime.config.dataDir, 'super-admin.key');
  await writeFile(file, `${key.secret}\n`, { mode: 0o600 });
  logger.log(`no API key existed: created super-admin key ${key.keyId}; its secret is in ${file} (mode 600)`);
  logger.log(`use it as: curl -H "Authorization: Bearer $(cat ${file})" http://localhost:${runtime.config.port}/v1/health`);
};
