import type { Provider } from '@nestjs/common';
import { CommandExecutor } from '../../../../libs/application/src/index.js';
import { eventCatalog } from '../../../../libs/domain/src/catalog/event-catalog.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { RUNTIME } from '../tokens.js';

export const commandExecutorProvider: Provider = {
  provide: CommandExecutor,
  inject: [RUNTIME],
  // Each append pokes the in-process projections, so read models follow within milliseconds.
  useFactory: (runtime: Runtime) => new CommandExecutor(runtime.eventStore, eventCatalog, () => runtime.projections.poke()),
};
