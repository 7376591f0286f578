import { nextPageSize, READ_AHEAD_BYTES } from './event-stream.js';

describe('the page a stream reads next', () => {
  it('holds about READ_AHEAD_BYTES of frames: few large events, many small ones, never none', () => {
    expect(nextPageSize(16 * 4_000, 16, 16)).toBe(Math.floor(READ_AHEAD_BYTES / 4_000));
    expect(nextPageSize(100 * 200, 100, 16)).toBe(Math.floor(READ_AHEAD_BYTES / 200));
    expect(nextPageSize(2_000_000, 1, 16)).toBe(1);
    expect(nextPageSize(10 * 20, 10, 16)).toBe(1_000);
  });

  it('keeps the size after an empty page, which says nothing about event sizes', () => {
    expect(nextPageSize(0, 0, 37)).toBe(37);
  });
});
