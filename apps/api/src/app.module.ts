import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '../../../libs/runtime/src/index.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { COMMAND_HANDLERS, CONTROLLERS } from './modules.js';
import { ReadModelGate } from './read-models/read-model-gate.js';
import { DATABASE, EVENT_STORE, RUNTIME } from './tokens.js';
import { commandExecutorProvider } from './write/command-executor.provider.js';

@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: CONTROLLERS,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: DATABASE, useValue: runtime.db },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        commandExecutorProvider,
        ReadModelGate,
        ...COMMAND_HANDLERS,
      ],
    };
  }
}
