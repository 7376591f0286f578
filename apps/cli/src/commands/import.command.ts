import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { importNdjson, randomIds } from '../../../../libs/application/src/index.js';
import { eventCatalog } from '../../../../libs/domain/src/catalog/event-catalog.js';
import { EventValidator } from '../../../../libs/domain/src/catalog/event-validator.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { progressBar } from '../progress.js';

/** `tally import FILE`: the same import as POST /v1/import, with a progress bar over the file's bytes. */
export const importCommand = async (runtime: Runtime, file: string, actor: string): Promise<number> => {
  const { size } = await stat(file);
  const input = createReadStream(file);
  const bar = progressBar('import', size);
  const report = await importNdjson(createInterface({ input, crlfDelay: Infinity }), {
    store: runtime.eventStore,
    catalog: eventCatalog,
    validator: new EventValidator(eventCatalog),
    context: {
      actor,
      correlationId: `import:${file}`,
      causationId: null,
      now: new Date().toISOString(),
      source: 'import',
      ids: randomIds(),
    },
    onProgress: (r) => bar.update(input.bytesRead, `accepted ${r.accepted} duplicates ${r.duplicates} rejected ${r.rejected}`),
  });
  bar.finish(`accepted ${report.accepted}, duplicates ${report.duplicates}, rejected ${report.rejected}`);
  for (const rejection of report.rejections) console.error(`  line ${rejection.line}: ${rejection.reason}`);
  console.log(JSON.stringify(report, null, 2));
  return report.rejected > 0 ? 2 : 0;
};
