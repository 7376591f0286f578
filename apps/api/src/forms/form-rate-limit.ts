// Public submissions are counted per address against their own, stricter limit (TALLY_FORM_RATE_LIMIT a minute,
// default 20), on top of the api's limit per caller: a bot at one address cannot flood the contacts.
import { Inject, Injectable } from '@nestjs/common';
import { RateLimitGuard } from '../auth/rate-limit.guard.js';
import { FORM_RATE_LIMIT } from '../tokens.js';

export const DEFAULT_FORM_RATE_LIMIT = 20;

/** TALLY_FORM_RATE_LIMIT as a positive whole number; a bad value stops the start naming the variable. */
export const formRateLimitOf = (env: NodeJS.ProcessEnv): number => {
  const text = env.TALLY_FORM_RATE_LIMIT ?? String(DEFAULT_FORM_RATE_LIMIT);
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new Error(`TALLY_FORM_RATE_LIMIT=${text} is not a positive whole number`);
  return Number(text);
};

export const formRateLimitProvider = { provide: FORM_RATE_LIMIT, useFactory: () => formRateLimitOf(process.env) };

/** The fixed one-minute window of RateLimitGuard; a public request has no key, so it is counted by address. */
@Injectable()
export class FormSubmissionRateLimit extends RateLimitGuard {
  constructor(@Inject(FORM_RATE_LIMIT) perMinute: number) {
    super(perMinute);
  }
}
