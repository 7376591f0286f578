// What operators use, beside the API: /metrics, /health/live and /health/ready, and the JSON request log.
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Runtime } from '#runtime';
import { HealthController } from '../health/health.controller.js';
import { ReadinessIndicators } from '../health/readiness.indicators.js';
import { requestLogParams, type RequestLogOptions } from '../logging/request-log.js';
import { RUNTIME } from '../tokens.js';
import { MetricsController } from './metrics.controller.js';
import { metricsProvider, MetricsWiring } from './metrics.providers.js';

@Module({})
export class OperationsModule {
  static register(runtime: Runtime, log: RequestLogOptions): DynamicModule {
    return {
      module: OperationsModule,
      // Terminus logs a failed check itself; the 503 answer (and its request line) already says it.
      imports: [TerminusModule.forRoot({ logger: false }), LoggerModule.forRoot(requestLogParams(log))],
      controllers: [MetricsController, HealthController],
      providers: [{ provide: RUNTIME, useValue: runtime }, metricsProvider, MetricsWiring, ReadinessIndicators],
      exports: [metricsProvider],
    };
  }
}
