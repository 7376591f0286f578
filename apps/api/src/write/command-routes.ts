// What every write route does once it has parsed and authorised: dispatch the command with the If-Match revision
// and answer with the record's id, its revision, the position and the event types.
import type { CommandBus } from '@nestjs/cqrs';
import type { ExecuteOptions, RequestContext } from '#application';
import type { Command } from '#domain/shared';
import { toResponse, type CommandResponse } from './command-response.js';
import type { ServiceCommand } from './service-command.js';

type Dispatch<R> = new (request: R, context: RequestContext, options?: ExecuteOptions) => ServiceCommand<R>;

/** The command of `type` among the requests R (none when R is a batch). */
type Of<R, T> = Extract<Extract<R, Command>, Readonly<{ type: T }>>;

export class CommandRoutes<R> {
  constructor(
    private readonly bus: CommandBus,
    private readonly dispatchAs: Dispatch<R>,
    /** The record the request acts on, answered as `id`. */
    private readonly idOf: (request: R) => string,
  ) {}

  async dispatch(request: R, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    return toResponse(this.idOf(request), await this.bus.execute(new this.dispatchAs(request, context, { ifMatch })));
  }

  /** The command `type` with `data`, at the request's clock. */
  run<T extends Extract<R, Command>['type']>(type: T, data: Of<R, T>['data'], context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    // A union of command types cannot be narrowed by its `type` from a generic parameter: {type, data} is Of<R, T>.
    const request = { type, data, metadata: { now: context.now } } as unknown as R;
    return this.dispatch(request, context, ifMatch);
  }
}
