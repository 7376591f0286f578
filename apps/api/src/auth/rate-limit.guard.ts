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

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(@Inject(RATE_LIMIT) private readonly perMinute: number) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<TallyRequest>();
    const caller = request.tallyActor && request.tallyActor !== 'anonymous' ? request.tallyActor : `ip:${request.ip}`;
    const now = Date.now();
    let window = this.windows.get(caller);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count++;
    if (window.count <= this.perMinute) return true;
    const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new RateLimited(retryAfter);
  }

  private sweep(now: number): void {
    for (const [caller, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(caller);
  }
}
