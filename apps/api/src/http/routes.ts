// The shapes routes repeat: a tagged controller, a record's id in the path, a command route answering CommandResponse.
import { applyDecorators, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandResponse } from '../write/command-response.js';

/** A record id path parameter: a uuid, or a 400. */
export const IdParam = (name = 'id') => Param(name, new ParseUUIDPipe());

/** A command on an existing record: `route` is Nest's Put(...), Post(...), ...; it answers 200, also as a POST. */
export const CommandRoute = (route: MethodDecorator, summary: string) =>
  applyDecorators(route, HttpCode(200), ApiOperation({ summary }), ApiOkResponse({ type: CommandResponse }));

/** A command that creates a record: POST, 201. */
export const CreateRoute = (summary: string, path?: string) =>
  applyDecorators(Post(path), ApiOperation({ summary }), ApiCreatedResponse({ type: CommandResponse }));

/** A controller's routes under `path`, listed in the document under `tag`. */
export const ApiRoutes = (tag: string, path: string) => applyDecorators(ApiTags(tag), Controller(path));
