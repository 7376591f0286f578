// The operational stores' purge for the erasure flow to inject, and the start-up step that finishes purges a crash
// interrupted (asked for, not done).
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import { PersonalDataPurge } from '#application';
import type { Database } from '#postgres';
import { DATABASE } from '../tokens.js';

export const personalDataPurgeProvider: Provider = {
  provide: PersonalDataPurge,
  useFactory: async (db: Database) => {
    await PersonalDataPurge.migrate(db.pool);
    return new PersonalDataPurge(db.pool);
  },
  inject: [DATABASE],
};

@Injectable()
export class PendingPurges implements OnApplicationBootstrap {
  private readonly logger = new Logger('privacy');

  constructor(@Inject(PersonalDataPurge) private readonly purge: PersonalDataPurge) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const outcome of await this.purge.resumePending()) {
      this.logger.log(`finished the interrupted purge of contact ${outcome.contactId}: ${outcome.valuesReplaced} values replaced, ${outcome.rowsDeleted} rows deleted`);
    }
  }
}
