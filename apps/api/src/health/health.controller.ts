import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ReadinessIndicators } from './readiness.indicators.js';

// For an orchestrator or a load balancer: public (they carry no key), and left out of the OpenAPI document on purpose
// (README: Operations). Live: the process answers. Ready: it can serve, so traffic may come (database, migrations,
// no build parked). GET /v1/health, the api's own, stays as it was.
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(ReadinessIndicators) private readonly indicators: ReadinessIndicators,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.indicators.database(), () => this.indicators.migrations(), () => this.indicators.builds()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus' answer ({ status, info, error, details }) under the api's one error body: a code and a message.
      const result = error.getResponse() as HealthCheckResult;
      const failing = Object.keys(result.error ?? {});
      throw new ServiceUnavailableException({
        error: 'NOT_READY',
        message: `not ready: ${failing.join(', ')}`,
        status: result.status,
        info: result.info,
        failing: result.error,
        details: result.details,
      });
    }
  }
}
