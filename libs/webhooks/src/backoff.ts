// Exponential back-off with full jitter: the wait before retry n is uniform in [0, min(cap, base * 2^(n-1))), so
// many subscriptions failing at once against one receiver spread their retries instead of arriving together.
export type BackoffPolicy = Readonly<{ baseMs: number; capMs: number }>;

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 300_000 };

/** The upper bound of the wait after the `failedAttempts`-th failure (1-based). */
export const backoffCeiling = (failedAttempts: number, policy: BackoffPolicy): number => {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long after it passes any cap, so Math.min stays finite.
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
};

/** `random` returns a number in [0, 1), like Math.random; injected so schedules can be replayed in tests. */
export const backoffDelay = (failedAttempts: number, policy: BackoffPolicy, random: () => number): number =>
  Math.floor(random() * backoffCeiling(failedAttempts, policy));
