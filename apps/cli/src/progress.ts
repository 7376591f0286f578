// A one-line progress bar on stderr (only when it is a terminal; otherwise a line every few seconds).
export type Progress = Readonly<{ update(done: number, detail?: string): void; finish(detail?: string): void }>;

export const progressBar = (label: string, total: number | null): Progress => {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastPrint = 0;
  const render = (done: number, detail = '') => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    if (total) {
      const ratio = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(ratio * width);
      const eta = rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : 0;
      return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}% ${done}/${total} ${rate}/s eta ${eta}s ${detail}`;
    }
    return `${label} ${done} (${rate}/s) ${detail}`;
  };
  return {
    update: (done, detail) => {
      const now = Date.now();
      if (tty && now - lastPrint > 100) {
        process.stderr.write(`\r${render(done, detail)}\u001b[K`);
        lastPrint = now;
      } else if (!tty && now - lastPrint > 5_000) {
        process.stderr.write(`${render(done, detail)}\n`);
        lastPrint = now;
      }
    },
    finish: (detail) => {
      process.stderr.write(`${tty ? '\r' : ''}${label} done in ${((Date.now() - started) / 1000).toFixed(1)}s ${detail ?? ''}\u001b[K\n`);
    },
  };
};
