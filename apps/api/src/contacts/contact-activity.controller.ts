import { Body, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, IdParam } from '../http/routes.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { metadataAt } from './business-time.js';
import { RecordContactActivityCommand } from './contact-activity.handler.js';
import { RecordEmailEventDto, RecordFormSubmissionDto, RecordPageViewDto } from './contacts.dto.js';

const ACTIVITY_RESPONSE = 'revision is the contact\'s (behaviour goes to its activity stream); position is the event written';

@ApiRoutes('contacts', 'v1/contacts/:id')
export class ContactActivityController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('page-views')
  @ApiOperation({ summary: 'Record that the contact viewed a page' })
  @ApiCreatedResponse({ type: CommandResponse, description: ACTIVITY_RESPONSE })
  async pageView(
    @IdParam() contactId: string,
    @Body() { occurredAt, ...view }: RecordPageViewDto,
    @Ctx() context: RequestContext,
  ): Promise<CommandResponse> {
    const command = { type: 'RecordPageView', data: { contactId, ...view }, metadata: metadataAt(context, occurredAt) } as const;
    return toResponse(contactId, await this.commands.execute(new RecordContactActivityCommand(command, context)));
  }

  @Post('form-submissions')
  @ApiOperation({ summary: 'Record that the contact submitted a form' })
  @ApiCreatedResponse({ type: CommandResponse, description: ACTIVITY_RESPONSE })
  async formSubmission(
    @IdParam() contactId: string,
    @Body() { occurredAt, ...submission }: RecordFormSubmissionDto,
    @Ctx() context: RequestContext,
  ): Promise<CommandResponse> {
    const command = {
      type: 'RecordFormSubmission',
      data: { contactId, ...submission },
      metadata: metadataAt(context, occurredAt),
    } as const;
    return toResponse(contactId, await this.commands.execute(new RecordContactActivityCommand(command, context)));
  }

  @Post('email-events')
  @ApiOperation({ summary: 'Record a marketing email event; an unsubscribe makes the contact non-marketing' })
  @ApiCreatedResponse({ type: CommandResponse, description: ACTIVITY_RESPONSE })
  @ApiUnprocessableEntityResponse({ description: 'rule marketing-email-to-non-marketing-contact: the contact is not a marketing contact' })
  async emailEvent(
    @IdParam() contactId: string,
    @Body() { occurredAt, ...email }: RecordEmailEventDto,
    @Ctx() context: RequestContext,
  ): Promise<CommandResponse> {
    const command = { type: 'RecordEmailEvent', data: { contactId, ...email }, metadata: metadataAt(context, occurredAt) } as const;
    return toResponse(contactId, await this.commands.execute(new RecordContactActivityCommand(command, context)));
  }
}
