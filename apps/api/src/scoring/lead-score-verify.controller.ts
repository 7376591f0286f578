import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { verifyLeadScores, type VerifyReport } from '#application';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';
import { VerifyReportDto } from '../read-models/read-model-rows.dto.js';

@ApiTags('audit')
@Controller('v1/audit/lead-scores')
export class LeadScoreVerifyController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get('verify')
  @ApiOperation({
    summary:
      "Re-derives every stored lead score from the event log alone with the active build's formula, each as of its " +
      'stored as-of instant, and lists every field that differs',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  async verifyAll(): Promise<VerifyReport> {
    return verifyLeadScores(this.runtime.projections, this.runtime.db.pool);
  }
}
