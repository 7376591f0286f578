// The api's controllers and command handlers, one line each: the data flow reads HTTP -> command -> decider.
import type { Provider, Type } from '@nestjs/common';
import { OwnerCommandHandler } from './owners/owner.handler.js';
import { OwnersController } from './owners/owners.controller.js';
import { SystemController } from './system/system.controller.js';

export const CONTROLLERS: Type[] = [
  SystemController,
  OwnersController,
];

export const COMMAND_HANDLERS: Provider[] = [
  OwnerCommandHandler,
];
