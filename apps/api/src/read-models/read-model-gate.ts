// Read-your-writes for reporting clients: every answer names the position its read model reflects, and a client
// that just wrote can ask (minPosition) to wait, bounded, until the read model has caught up with its write.
import { Inject, Injectable } from '@nestjs/common';
import { formatPosition, parsePosition } from '../../../../libs/event-store/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
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

  /** The position `projection` reflects, after waiting for `minPosition` if given; 503 when it is not reached. */
  async positionFor(projection: string, minPosition?: string): Promise<string | null> {
    const engine = this.runtime.projections;
    if (minPosition !== undefined) {
      const reached = await engine.waitFor(projection, parsePosition(minPosition), MIN_POSITION_WAIT_MS);
      if (!reached) throw new ReadModelBehind(projection, minPosition);
    }
    const position = await engine.activePosition(projection);
    return position ? formatPosition(position) : null;
  }
}
