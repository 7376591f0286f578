import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

describe('retry back-off with full jitter', () => {
  const policy = { baseMs: 1_000, capMs: 300_000 };

  it('doubles the ceiling with each failure from the base, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffCeiling(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000,
    ]);
    expect(backoffCeiling(5_000, policy)).toBe(300_000);
  });

  it('waits anywhere from zero up to (not including) the ceiling, as the random source says', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 0.999_999)).toBe(3_999);
    expect(backoffDelay(40, policy, () => 0.999_999)).toBeLessThan(300_000);
  });

  it('stays within [0, ceiling) for every attempt over many random draws', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let attempt = 1; attempt <= 12; attempt++) {
      for (let draw = 0; draw < 200; draw++) {
        const delay = backoffDelay(attempt, DEFAULT_BACKOFF, random);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffCeiling(attempt, DEFAULT_BACKOFF));
      }
    }
  });
});
