// Answers per minute per address on the public, key-less answer route (TALLY_SURVEY_RATE_LIMIT, 30 by default),
// far below the api's per-key limit: a guessed or leaked token is tried slowly. The api's own fixed one-minute
// window; a request without a key is counted by its address.
import { Inject, Injectable } from '@nestjs/common';
import type { Runtime } from '#runtime';
import { RateLimitGuard } from '../auth/rate-limit.guard.js';
import { RUNTIME } from '../tokens.js';

@Injectable()
export class SurveyResponseRateLimitGuard extends RateLimitGuard {
  constructor(@Inject(RUNTIME) runtime: Runtime) {
    super(runtime.config.surveyResponsesPerMinute);
  }
}
