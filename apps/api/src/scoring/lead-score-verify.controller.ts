import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { verifyLeadScores, type LeadScoreReadModel, type VerifyReport } from '#application';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';
import { LEAD_SCORE_READ_MODEL } from '../read-models/lead-score-read-model.provider.js';
import { VerifyReportDto } from '../read-models/read-model-rows.dto.js';
import { ApiRoutes } from '../http/routes.js';

@ApiRoutes('audit', 'v1/audit/lead-scores')
export class LeadScoreVerifyController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(LEAD_SCORE_READ_MODEL) private readonly leadScores: LeadScoreReadModel,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary:
      "Re-derives every stored lead score from the event log alone with the active build's formula, each as of its " +
      'stored as-of instant, and lists every field that differs',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  async verifyAll(): Promise<VerifyReport> {
    return verifyLeadScores(this.runtime.projections, this.leadScores);
  }
}
