import type { Provider } from '@nestjs/common';
import { CommandExecutor } from '#application';
import { eventCatalog } from '#domain/catalog';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';

/** Who wakes after an append in this process, besides the projections (the workflow runner registers here). */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const appendSignalProvider: Provider = { provide: AppendSignal, useValue: new AppendSignal() };

export const commandExecutorProvider: Provider = {
  provide: CommandExecutor,
  inject: [RUNTIME, AppendSignal],
  // Each append pokes the in-process projections and workflow runner, so they follow within milliseconds.
  useFactory: (runtime: Runtime, signal: AppendSignal) =>
    new CommandExecutor(runtime.eventStore, eventCatalog, () => {
      runtime.projections.poke();
      signal.notify();
    }),
};
