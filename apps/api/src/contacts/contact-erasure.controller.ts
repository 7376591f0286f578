import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { EraseContactCommand } from './contact-erasure.handler.js';
import { EraseContactDto, ErasureRecordDto } from './contact-erasure.dto.js';

@ApiRoutes('privacy', 'v1/contacts')
export class ContactErasureController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/erasure')
  // Done when it answers: the erasure is recorded and the key destroyed; read models follow from the log.
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a person (GDPR Art. 17): records ContactErased and destroys the person's data key",
    description:
      'The events keep their place in the log with the personal fields redacted; read models purge or redact the person as they catch up (wait with the position). Every later command on the contact answers 410 Gone.',
  })
  @ApiOkResponse({ type: ErasureRecordDto, description: 'The erasure as recorded: who, when, why' })
  @ApiNotFoundResponse({ description: 'No such contact' })
  @ApiConflictResponse({ description: 'The contact was erased already: {error: ALREADY_EXISTS}' })
  erase(@IdParam() contactId: string, @Body() { reason, legalBasis }: EraseContactDto, @Ctx() context: RequestContext): Promise<ErasureRecordDto> {
    return this.commands.execute(new EraseContactCommand({ contactId, reason, legalBasis }, context));
  }
}
