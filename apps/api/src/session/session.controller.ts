// GET /v1/session: who the key is and what its role may do, so a client (the console) can hide what it may not use.
// Any valid key may ask (area 'system', which every role reads); the answer never contains the secret.
import { Get, Req, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { PERMISSIONS, ROLES, type Role } from '#auth';
import type { TallyRequest } from '../http/request-context.decorator.js';
import { ApiRoutes } from '../http/routes.js';
import { SessionView } from './session.dto.js';

const isRole = (value: string | undefined): value is Role => value !== undefined && (ROLES as readonly string[]).includes(value);

@ApiRoutes('system', 'v1/session')
export class SessionController {
  @Get()
  @ApiOperation({ summary: "The calling key's role, id and permissions" })
  @ApiOkResponse({ type: SessionView })
  session(@Req() request: TallyRequest): SessionView {
    // The guard sets the role for a key; with auth disabled (actor 'anonymous') every request may do everything.
    const role: Role | null = isRole(request.tallyRole) ? request.tallyRole : request.tallyActor === 'anonymous' ? 'super-admin' : null;
    if (role === null) throw new UnauthorizedException({ error: 'UNAUTHENTICATED', message: 'the request carries no role' });
    const keyId = request.tallyActor?.startsWith('key:') ? request.tallyActor.slice('key:'.length) : null;
    return { role, keyId, permissions: [...PERMISSIONS[role]].sort() };
  }
}
