import { Body, Controller, Inject, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../../../../libs/application/src/index.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { CreateOwnerDto, UpdateOwnerDto } from './owners.dto.js';
import { ExecuteOwnerCommand } from './owner.handler.js';

@ApiTags('owners')
@Controller('v1/owners')
export class OwnersController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Create an owner (a rep) with a role' })
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() body: CreateOwnerDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const ownerId = context.ids.next('owner');
    const result = await this.commands.execute(
      new ExecuteOwnerCommand({ type: 'CreateOwner', data: { ownerId, ...body }, metadata: { now: context.now } }, context),
    );
    return toResponse(ownerId, result);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an owner's name, email, team or role" })
  @ApiOkResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'If-Match names a revision the owner has moved past' })
  async update(
    @Param('id', new ParseUUIDPipe()) ownerId: string,
    @Body() changes: UpdateOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(
      new ExecuteOwnerCommand(
        { type: 'UpdateOwner', data: { ownerId, changes }, metadata: { now: context.now } },
        context,
        { ifMatch },
      ),
    );
    return toResponse(ownerId, result);
  }
}
