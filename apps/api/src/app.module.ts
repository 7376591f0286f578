import { Inject, Injectable, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard.js';
import { RateLimitGuard } from './auth/rate-limit.guard.js';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '#runtime';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { PROVIDERS, CONTROLLERS } from './modules.js';
import { ReadModelGate } from './read-models/read-model-gate.js';
import { openReadModels } from '#read-models';
import { API_KEYS, AUTH_MODE, DATABASE, EVENT_STORE, RATE_LIMIT, READ_MODELS, RUNTIME } from './tokens.js';
import { appendSignalProvider, commandExecutorProvider } from './write/command-executor.provider.js';
import { OperationsModule } from './metrics/operations.module.js';
import type { RequestLogOptions } from './logging/request-log.js';

@Injectable()
class ReadModelsCloser implements OnModuleDestroy {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}
  async onModuleDestroy(): Promise<void> {
    await this.readModels.destroy();
  }
}

@Module({})
export class AppModule {
  static register(runtime: Runtime, log: RequestLogOptions = { level: 'info' }): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), OperationsModule.register(runtime, log)],
      controllers: CONTROLLERS,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: DATABASE, useValue: runtime.db },
        { provide: API_KEYS, useValue: runtime.apiKeys },
        { provide: AUTH_MODE, useValue: runtime.config.auth },
        // Authenticate first, then count the request against its key's rate limit.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: RATE_LIMIT, useValue: runtime.config.rateLimitPerMinute },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // The read-model connection (SQL over the stable views, through preparedQuery); closed with the app.
        {
          provide: READ_MODELS,
          useFactory: () => openReadModels(runtime.db.url, [], { preparedStatements: !runtime.db.embedded }),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        appendSignalProvider,
        commandExecutorProvider,
        ReadModelsCloser,
        ReadModelGate,
        ...PROVIDERS,
      ],
    };
  }
}
