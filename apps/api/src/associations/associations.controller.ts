import { Body, Delete, Inject, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { CommandResult, RequestContext } from '#application';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute } from '../http/routes.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
import { ExecuteAssociationCommand } from './association.handler.js';
import { AssociationDto } from './associations.dto.js';

// The answer's id is the pair's stream: one association whichever order the request names the records in.
@ApiRoutes('associations', 'v1/associations')
export class AssociationsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @CommandRoute(Put(), 'Associate two records of different object types, with a label or without (nothing changes when they already are)')
  @ApiNotFoundResponse({ description: 'One of the records does not exist; `field` says which' })
  associate(@Body() body: AssociationDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.run('associate', body, context);
  }

  @CommandRoute(Delete(), 'Remove one label of two associated records, or every label (nothing changes when there is none)')
  @ApiNotFoundResponse({ description: 'One of the records does not exist; `field` says which' })
  @ApiConflictResponse({ description: "PRIMARY_COMPANY_REQUIRED: the company is the deal's primary company; set another one instead" })
  dissociate(@Body() body: AssociationDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.run('dissociate', body, context);
  }

  private async run(action: 'associate' | 'dissociate', { from, to, label }: AssociationDto, context: RequestContext): Promise<CommandResponse> {
    const request = { from: { type: from.type, id: from.id }, to: { type: to.type, id: to.id }, ...(label === undefined ? {} : { label }) };
    const result: CommandResult = await this.commands.execute(new ExecuteAssociationCommand(action, request, context));
    return toResponse(result.streamName, result);
  }
}
