import { getEventListeners } from 'node:events';
import { abortAfter, sleepUnlessAborted } from './abortable-wait.js';

/** The signals Node keeps for AbortSignal.any on `signal`: what grew without bound in a long-running worker. */
const dependantsOf = (signal: AbortSignal): number => {
  const key = Object.getOwnPropertySymbols(signal).find((symbol) => symbol.description === 'kDependantSignals');
  return key ? ((signal as unknown as Record<symbol, Set<unknown> | undefined>)[key]?.size ?? 0) : 0;
};

describe('the waits of lease-holding workers', () => {
  it('sleeps the whole interval, or returns once a signal aborts, already or meanwhile', async () => {
    const started = performance.now();
    await sleepUnlessAborted(30, new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);

    const stopped = new AbortController();
    stopped.abort();
    const wake = new AbortController();
    setTimeout(() => wake.abort(), 10);
    const before = performance.now();
    await sleepUnlessAborted(60_000, stopped.signal);
    await sleepUnlessAborted(60_000, new AbortController().signal, wake.signal);
    expect(performance.now() - before).toBeLessThan(5_000);
  });

  it('leaves nothing on a long-lived signal, where AbortSignal.any leaves a dependant per call', async () => {
    const control = new AbortController();
    for (let i = 0; i < 100; i++) AbortSignal.any([control.signal, new AbortController().signal]);
    // The probe sees the growth it guards against.
    expect(dependantsOf(control.signal)).toBe(100);

    const stop = new AbortController();
    for (let i = 0; i < 100; i++) {
      const wake = new AbortController();
      if (i % 2) setTimeout(() => wake.abort(), 0);
      await sleepUnlessAborted(i % 2 ? 60_000 : 0, stop.signal, wake.signal);
      abortAfter(stop.signal, 60_000).release();
    }
    expect(dependantsOf(stop.signal)).toBe(0);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('bounds a request by its timeout or by the stop, and tells which; released, it aborts no more', async () => {
    const stop = new AbortController();
    const timed = abortAfter(stop.signal, 10);
    await new Promise((resolve) => timed.signal.addEventListener('abort', resolve));
    expect(timed.timedOut()).toBe(true);
    timed.release();

    const stopped = abortAfter(stop.signal, 60_000);
    stop.abort();
    expect(stopped.signal.aborted).toBe(true);
    expect(stopped.timedOut()).toBe(false);
    stopped.release();

    const released = abortAfter(new AbortController().signal, 10);
    released.release();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(released.signal.aborted).toBe(false);
  });
});
