import type { Provider } from '@nestjs/common';
import { CommandExecutor } from '#application';
import { eventCatalog } from '#domain/catalog';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';

export const commandExecutorProvider: Provider = {
  provide: CommandExecutor,
  inject: [RUNTIME],
  // Each append pokes the in-process projections, so read models follow within milliseconds.
  useFactory: (runtime: Runtime) => new CommandExecutor(runtime.eventStore, eventCatalog, () => runtime.projections.poke()),
};
