// The api's dispatch of a use case over @nestjs/cqrs: a command carries the request with its context and If-Match,
// and its handler hands them to the framework-free service of libs/application that owns the use case.
import { Command, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult, ExecuteOptions, RequestContext } from '#application';

export type CommandService<R> = Readonly<{ handle(request: R, context: RequestContext, options: ExecuteOptions): Promise<CommandResult> }>;

export abstract class ServiceCommand<R> extends Command<CommandResult> {
  constructor(
    readonly request: R,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

export abstract class ServiceCommandHandler<R> implements ICommandHandler<ServiceCommand<R>> {
  constructor(private readonly service: CommandService<R>) {}

  execute({ request, context, options }: ServiceCommand<R>): Promise<CommandResult> {
    return this.service.handle(request, context, options);
  }
}
