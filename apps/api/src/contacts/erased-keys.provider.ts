// Key destruction follows the log: at start-up, every contact with a recorded ContactErased has its key destroyed,
// so an erasure a crash stopped between the append and destroy() is finished before the api serves a read.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import { destroyErasedKeys, type DataKeyShredder } from '#application';
import type { EventStore } from '#event-store';
import type { Runtime } from '#runtime';
import { DATA_KEY_SHREDDER, EVENT_STORE, RUNTIME } from '../tokens.js';

@Injectable()
export class ErasedKeys implements OnApplicationBootstrap {
  private readonly logger = new Logger('privacy');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_KEY_SHREDDER) private readonly keys: DataKeyShredder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const erased = await destroyErasedKeys(this.store, this.keys);
    if (erased > 0) this.logger.log(`checked the keys of ${erased} erased contacts: all destroyed`);
  }
}

/** The erasure's key shredder: the runtime's data-key store (libs/privacy). */
export const dataKeyShredderProvider: Provider = {
  provide: DATA_KEY_SHREDDER,
  useFactory: (runtime: Runtime): DataKeyShredder => runtime.dataKeys,
  inject: [RUNTIME],
};
