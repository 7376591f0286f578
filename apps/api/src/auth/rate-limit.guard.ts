// Requests per minute per API key (per address without one), answered 429 with Retry-After past the limit.
// A fixed one-minute window per caller, in memory: limits are per process, which is what protects the process.
// (@nestjs/throttler is CommonJS and cannot load Nest 12's ES modules under Jest on Node 20.)
import { HttpException, HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { TallyRequest } from '../http/request-context.decorator.js';
import { RATE_LIMIT } from '../tokens.js';

const WINDOW_MS = 60_000;

export class RateLimited extends HttpException {
  constructor(retryAfterSeconds: number) {
    super(
      { error: 'RATE_LIMITED', message: `too many requests for this key; retry in ${retryAfterSeconds} s`, retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Requests per minute per caller in a fixed one-minute window; every limit of the api counts with it. */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** null when the caller may go on; else the seconds to wait. */
  take(caller: string): number | null {
    const now = this.clock();
    let window = this.windows.get(caller);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) for (const [key, old] of this.windows) if (now - old.start >= WINDOW_MS) this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count++;
    return window.count <= this.perMinute ? null : Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(RATE_LIMIT) perMinute: number) {
    this.limiter = new FixedWindowLimiter(perMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<TallyRequest>();
    const caller = request.tallyActor && request.tallyActor !== 'anonymous' ? request.tallyActor : `ip:${request.ip}`;
    const retryAfter = this.limiter.take(caller);
    if (retryAfter === null) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new RateLimited(retryAfter);
  }
}
