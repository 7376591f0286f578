import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  ContactErasureService,
  PersonalDataPurge,
  type DataKeyShredder,
  type ErasureRecord,
  type ErasureRequest,
  type RequestContext,
} from '#application';
import { DATA_KEY_SHREDDER } from '../tokens.js';

export class EraseContactCommand extends Command<ErasureRecord> {
  constructor(
    readonly request: ErasureRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

// The api's dispatch of an erasure; the use case is ContactErasureService in libs/application (framework-free).
@CommandHandler(EraseContactCommand)
export class EraseContactHandler implements ICommandHandler<EraseContactCommand> {
  private readonly service: ContactErasureService;

  constructor(
    @Inject(CommandExecutor) executor: CommandExecutor,
    @Inject(DATA_KEY_SHREDDER) keys: DataKeyShredder,
    @Inject(PersonalDataPurge) purge: PersonalDataPurge,
  ) {
    this.service = new ContactErasureService(executor, keys, {
      request: (contactId, values) => purge.request(contactId, values),
      run: async (contactId) => {
        await purge.run(contactId);
      },
    });
  }

  execute({ request, context }: EraseContactCommand): Promise<ErasureRecord> {
    return this.service.erase(request, context);
  }
}
