// The waits of the workers that hold leases (webhook deliveries, workflow runs): a poll interval cut short by a stop or
// a wake-up, and a request bounded by a stop or a timeout. Not AbortSignal.any: on Node 20 every call leaves a WeakRef
// in the long-lived signal's set of dependants for good (a soak's webhook worker held 27,000 after 9 minutes).

/** Waits `ms`, or less once any of `signals` aborts. Leaves nothing attached to them. */
export const sleepUnlessAborted = async (ms: number, ...signals: readonly AbortSignal[]): Promise<void> => {
  if (signals.some((signal) => signal.aborted)) return;
  let done!: () => void;
  const ended = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(done, ms);
  for (const signal of signals) signal.addEventListener('abort', done, { once: true });
  try {
    await ended;
  } finally {
    clearTimeout(timer);
    for (const signal of signals) signal.removeEventListener('abort', done);
  }
};

/** A signal that aborts when `parent` does or after `ms` (`timedOut` tells which); `release()` detaches it. */
export const abortAfter = (parent: AbortSignal, ms: number): Readonly<{ signal: AbortSignal; timedOut(): boolean; release(): void }> => {
  const controller = new AbortController();
  let timedOut = false;
  const stop = () => controller.abort(parent.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
  }, ms);
  if (parent.aborted) stop();
  else parent.addEventListener('abort', stop, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', stop);
    },
  };
};
