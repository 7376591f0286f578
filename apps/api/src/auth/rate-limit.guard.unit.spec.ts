import { FixedWindowLimiter } from './rate-limit.guard.js';

describe('the fixed one-minute window of every rate limit', () => {
  it('lets an address answer its limit per minute, then asks it to wait until the window ends', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('ip:10.0.0.1'))).toEqual([null, null, null]);
    now += 15_000;
    expect(limiter.take('ip:10.0.0.1')).toBe(45);
    // Another address has its own window.
    expect(limiter.take('ip:10.0.0.2')).toBeNull();
    now += 45_000;
    expect(limiter.take('ip:10.0.0.1')).toBeNull();
  });
});
