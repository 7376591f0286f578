// A seeded PRNG (sfc32) and the draws the synthetic history needs. Same seed, same sequence, on every platform:
// only 32-bit integer arithmetic and IEEE doubles, never Math.random.

const DAY_MS = 86_400_000;

/** FNV-1a over the text, then a murmur3 finalizer: a 32-bit seed from any label. */
export const hashSeed = (...parts: readonly (string | number)[]): number => {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
};

// splitmix32 spreads one 32-bit seed over sfc32's four words of state.
const splitmix32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
};

// Two hex digits per byte, looked up: number-to-string conversion dominated uuid() otherwise.
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex4 = (word: number): string => HEX_BYTES[(word >>> 8) & 0xff] + HEX_BYTES[word & 0xff];
const hex8 = (word: number): string => hex4(word >>> 16) + hex4(word);

export type Weighted<T> = readonly (readonly [T, number])[];

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent generator for a labelled part of the history (a contact, a company). */
  static of(...parts: readonly (string | number)[]): Prng {
    return new Prng(hashSeed(...parts));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal (Box-Muller), scaled. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal by its median: half the draws are below `median`; sigma is the spread of its logarithm. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** A lognormal duration in milliseconds, given its median in days. */
  days(medianDays: number, sigma: number): number {
    return Math.max(60_000, Math.round(this.lognormal(medianDays, sigma) * DAY_MS));
  }

  /** Heavy-tailed whole count >= min: Pareto with shape alpha (smaller is heavier), capped at max. */
  pareto(min: number, alpha: number, max: number): number {
    const draw = min / Math.pow(1 - this.next(), 1 / alpha);
    return Math.min(max, Math.floor(draw));
  }

  /** Number of failures before the first success: 0 with probability p. */
  geometric(p: number, max: number): number {
    let count = 0;
    while (count < max && !this.chance(p)) count++;
    return count;
  }

  /** An RFC 4122 version 4 UUID made of this generator's bits. */
  uuid(): string {
    const w0 = this.nextUint32();
    const w1 = this.nextUint32();
    const w2 = this.nextUint32();
    const w3 = this.nextUint32();
    // Version nibble 4, variant bits 10.
    const version = ((w1 & 0x0fff) | 0x4000) >>> 0;
    const variant = (((w2 >>> 16) & 0x3fff) | 0x8000) >>> 0;
    return `${hex8(w0)}-${hex4(w1 >>> 16)}-${hex4(version)}-${hex4(variant)}-${hex4(w2)}${hex8(w3)}`;
  }
}
