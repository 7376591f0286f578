// The process's metrics, wired from outside the code they measure: the store's appends and the executor's commands
// are wrapped where the app is composed; projections, webhooks, the pool and SSE streams are read at scrape time.
import { Inject, Injectable, type OnModuleInit, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandExecutor } from '#application';
import { TallyMetrics, type Runtime } from '#runtime';
import { StreamsController } from '../streams/streams.controller.js';
import { RUNTIME } from '../tokens.js';

export const metricsProvider: Provider = {
  provide: TallyMetrics,
  inject: [RUNTIME],
  useFactory: (runtime: Runtime) => {
    const metrics = new TallyMetrics();
    metrics.meterAppends(runtime.eventStore);
    metrics.observeProjections(runtime.projections);
    metrics.observeWebhooks(runtime.db.pool);
    metrics.observePool(runtime.db.pool);
    return metrics;
  },
};

/** Counts the commands of the app's executor and the open event streams, once the app's providers exist. */
@Injectable()
export class MetricsWiring implements OnModuleInit {
  constructor(
    @Inject(TallyMetrics) private readonly metrics: TallyMetrics,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.metrics.meterCommands(this.modules.get(CommandExecutor, { strict: false }));
    const streams = this.modules.get(StreamsController, { strict: false });
    this.metrics.countSseClientsWith(() => streams.openStreams);
  }
}
