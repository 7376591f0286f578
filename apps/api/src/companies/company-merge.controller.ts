// POST /v1/companies/:id/merge {duplicateId}: shaped like the contacts' merge, the company in the path survives and
// answers as the record acted on (its revision, for If-Match); `duplicateId` is merged away into it. Dispatched
// through the CommandBus like every command.
import { Body, Inject, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CommandExecutor, CompanyMergeService, type CommandResult, type RequestContext } from '#application';
import { Uuid } from '../http/dto-fields.js';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, IdParam } from '../http/routes.js';
import { CommandResponse, toResponse } from '../write/command-response.js';

export class MergeCompanyDto {
  @Uuid({ description: 'The company merged away into the one in the path; it becomes a pointer there' })
  duplicateId!: string;
}

export class MergeCompaniesCommand extends Command<CommandResult> {
  constructor(
    readonly survivorId: string,
    readonly duplicateId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(MergeCompaniesCommand)
export class MergeCompaniesHandler implements ICommandHandler<MergeCompaniesCommand> {
  private readonly service: CompanyMergeService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new CompanyMergeService(executor);
  }

  execute({ survivorId, duplicateId, context }: MergeCompaniesCommand): Promise<CommandResult> {
    return this.service.merge(survivorId, duplicateId, context);
  }
}

@ApiRoutes('companies', 'v1/companies')
export class CompanyMergeController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @CommandRoute(
    Post(':id/merge'),
    "Merge a duplicate into this company; the duplicate becomes a pointer here, and its domain comes here if this company has none",
  )
  @ApiNotFoundResponse({ description: 'Either company does not exist' })
  @ApiUnprocessableEntityResponse({ description: 'Merging into itself, or either company was merged already' })
  async merge(@IdParam() id: string, @Body() { duplicateId }: MergeCompanyDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return toResponse(id, await this.commands.execute(new MergeCompaniesCommand(id, duplicateId, context)));
  }
}
