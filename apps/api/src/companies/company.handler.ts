import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  CompanyService,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
  type UpdateCompanyRequest,
} from '#application';
import type { CreateCompany } from '#domain/company';

// The api's dispatch of company commands; the use cases are CompanyService in libs/application (framework-free).
const companyService = (executor: CommandExecutor): CompanyService => {
  const logger = new Logger('unique-values');
  return new CompanyService(executor, (message) => logger.warn(message));
};

export class CreateCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly command: CreateCompany,
    readonly context: RequestContext,
  ) {
    super();
  }
}

export class UpdateCompanyCommand extends Command<CommandResult> {
  constructor(
    readonly command: UpdateCompanyRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(CreateCompanyCommand)
export class CreateCompanyHandler implements ICommandHandler<CreateCompanyCommand> {
  private readonly service: CompanyService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = companyService(executor);
  }

  execute({ command, context }: CreateCompanyCommand): Promise<CommandResult> {
    return this.service.create(command, context);
  }
}

@CommandHandler(UpdateCompanyCommand)
export class UpdateCompanyHandler implements ICommandHandler<UpdateCompanyCommand> {
  private readonly service: CompanyService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = companyService(executor);
  }

  execute({ command, context, options }: UpdateCompanyCommand): Promise<CommandResult> {
    return this.service.update(command, context, options);
  }
}
