import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { randomIds } from '../../../../libs/application/src/index.js';
import { migrate } from '../../../../libs/postgres/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { apiMigrations } from '../../../api/src/api.migrations.js';
import { AppModule } from '../../../api/src/app.module.js';
import { utf8Lines } from '../../../api/src/http/utf8-lines.js';
import { CommandImportService } from '../../../api/src/import/command-import.service.js';
import { progressBar } from '../progress.js';
import { reportImport } from './import-through-server.js';

/**
 * `tally import FILE`: the same import as POST /v1/import (event and command lines), with a progress bar over the
 * file's bytes. Command lines run through the api's CommandBus in a Nest context without HTTP.
 */
export const importCommand = async (runtime: Runtime, file: string, actor: string): Promise<number> => {
  const { size } = await stat(file);
  await migrate(runtime.db.pool, 'tally_api_migrations', apiMigrations);
  const app = await NestFactory.createApplicationContext(AppModule.register(runtime), { logger: ['error'] });
  try {
    const input = createReadStream(file);
    const bar = progressBar('import', size);
    const context = {
      actor,
      correlationId: `import:${file}`,
      causationId: null,
      now: new Date().toISOString(),
      source: 'import',
      ids: randomIds(),
    };
    // The operator at the machine, with the files in hand, imports as a super-admin would; lines are strict UTF-8,
    // as through the api.
    const report = await app
      .get(CommandImportService)
      .importLines(utf8Lines(input), context, 'super-admin', (r) =>
        bar.update(input.bytesRead, `accepted ${r.accepted} duplicates ${r.duplicates} rejected ${r.rejected}`),
      );
    return reportImport(report, bar);
  } finally {
    await app.close();
  }
};
