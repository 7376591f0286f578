import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ImportReport } from '#application';
import { progressBar, type Progress } from '../progress.js';
import type { ServerClient } from '../server-client.js';

/** Prints an import's outcome; exit code 2 when a line was rejected. */
export const reportImport = (report: ImportReport, bar: Progress): number => {
  bar.finish(`accepted ${report.accepted}, duplicates ${report.duplicates}, rejected ${report.rejected}`);
  for (const rejection of report.rejections) console.error(`  line ${rejection.line}: ${rejection.reason}`);
  console.log(JSON.stringify(report, null, 2));
  return report.rejected > 0 ? 2 : 0;
};

/**
 * `tally import FILE` beside a running server: the file streamed to POST /v1/import, the same import as in
 * process; the server records its super-admin key as the actor.
 */
export const importThroughServer = async (server: ServerClient, file: string): Promise<number> => {
  const { size } = await stat(file);
  const input = createReadStream(file);
  const bar = progressBar('import', size);
  const counted = Readable.from(
    (async function* () {
      for await (const chunk of input) {
        yield chunk as Buffer;
        bar.update(input.bytesRead, `sent to the server at ${server.url}`);
      }
    })(),
  );
  const response = await server.request('POST', '/v1/import', {
    body: Readable.toWeb(counted) as ReadableStream<Uint8Array>,
    contentType: 'application/x-ndjson',
  });
  return reportImport((await response.json()) as ImportReport, bar);
};
