import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TallyMetrics } from '#runtime';

// Prometheus' exposition format, for a scraper with a key that may read the system area (reporting, auditor, ...).
// Left out of the OpenAPI document on purpose: it is an operator's endpoint in Prometheus' own contract, not part of
// the API the generated client speaks (README: Operations).
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(TallyMetrics) private readonly metrics: TallyMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
