// Read-your-writes for reporting clients: every answer names the position its read model reflects, and a client
// that just wrote can ask (minPosition) to wait, bounded, until the read model has caught up with its write.
import { Inject, Injectable } from '@nestjs/common';
import { formatPosition, parsePosition } from '#event-store';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';

export const MIN_POSITION_WAIT_MS = 5_000;

/** Answered 503 with Retry-After: the read model is healthy but has not reached the asked position yet. */
export class ReadModelBehind extends Error {
  readonly code = 'READ_MODEL_BEHIND';
  constructor(projection: string, minPosition: string) {
    super(`${projection} has not reached position ${minPosition} yet; retry shortly`);
  }
}

@Injectable()
export class ReadModelGate {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  /**
   * Waits until `projection` reflects `minPosition`, if given; 503 when it is not reached. Without one it costs
   * nothing: queries that read their position in their own statement (active-position.ts) call only this.
   */
  async reach(projection: string, minPosition?: string): Promise<void> {
    if (minPosition === undefined) return;
    const reached = await this.runtime.projections.waitFor(projection, parsePosition(minPosition), MIN_POSITION_WAIT_MS);
    if (!reached) throw new ReadModelBehind(projection, minPosition);
  }

  /** The position `projection` reflects, after waiting for `minPosition` if given; 503 when it is not reached. */
  async positionFor(projection: string, minPosition?: string): Promise<string | null> {
    await this.reach(projection, minPosition);
    const position = await this.runtime.projections.activePosition(projection);
    return position ? formatPosition(position) : null;
  }
}
