import { Body, Inject, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import type { OwnerCommand } from '#domain/owner';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { CreateOwnerDto, UpdateOwnerDto } from './owners.dto.js';
import { ExecuteOwnerCommand } from './owner.handler.js';

@ApiRoutes('owners', 'v1/owners')
export class OwnersController {
  private readonly owners: CommandRoutes<OwnerCommand>;

  constructor(@Inject(CommandBus) commands: CommandBus) {
    this.owners = new CommandRoutes(commands, ExecuteOwnerCommand, (command) => command.data.ownerId);
  }

  @CreateRoute('Create an owner (a rep) with a role')
  create(@Body() body: CreateOwnerDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return this.owners.run('CreateOwner', { ownerId: context.ids.next('owner'), ...body }, context);
  }

  @CommandRoute(Patch(':id'), "Change an owner's name, email, team or role")
  @ApiConflictResponse({ description: 'If-Match names a revision the owner has moved past' })
  update(
    @IdParam() ownerId: string,
    @Body() changes: UpdateOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.owners.run('UpdateOwner', { ownerId, changes }, context, ifMatch);
  }
}
