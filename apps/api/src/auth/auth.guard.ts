// Every request is authenticated by an API key (`Authorization: Bearer tly_...`) and authorised by the key's role
// against the permission matrix. The actor recorded in events is the key, taken from here and nowhere else.
import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { isAllowed, type ApiKeys } from '#auth';
import type { TallyRequest } from '../http/request-context.decorator.js';
import { API_KEYS, AUTH_MODE } from '../tokens.js';
import { areaOf } from './route-areas.js';

export type AuthMode = 'enabled' | 'disabled';

const BEARER = /^Bearer\s+(\S+)$/i;

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(API_KEYS) private readonly keys: ApiKeys,
    @Inject(AUTH_MODE) private readonly mode: AuthMode,
  ) {}

  // A matched route's area, by method and route pattern: the rules are tried in order once per route, not per
  // request. Only matched routes are kept; a path without a route (any string a client sends) is not.
  private readonly areas = new Map<string, ReturnType<typeof areaOf>>();

  private areaOfRequest(request: TallyRequest): ReturnType<typeof areaOf> {
    const routePath: string | undefined = request.route?.path;
    if (routePath === undefined) return areaOf(request.path, request.method);
    const key = `${request.method} ${routePath}`;
    let area = this.areas.get(key);
    if (area === undefined) {
      area = areaOf(routePath, request.method);
      this.areas.set(key, area);
    }
    return area;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TallyRequest>();
    const routePath: string = request.route?.path ?? request.path;
    const area = this.areaOfRequest(request);
    if (area === 'public') return true;
    if (this.mode === 'disabled') {
      request.tallyActor = 'anonymous';
      return true;
    }
    const header = request.header('Authorization') ?? '';
    const match = BEARER.exec(header);
    if (!match) {
      throw new UnauthorizedException({
        error: 'UNAUTHENTICATED',
        message: 'send an API key as Authorization: Bearer <key> (tally keys create, or POST /v1/keys)',
      });
    }
    const key = await this.keys.verify(match[1]);
    if (!key) {
      throw new UnauthorizedException({ error: 'UNAUTHENTICATED', message: 'the API key is unknown, malformed or revoked' });
    }
    const access = request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write';
    if (!area || !isAllowed(key.role, `${area}:${access}`)) {
      throw new ForbiddenException({
        error: 'FORBIDDEN',
        message: `the ${key.role} role may not ${access} ${area ?? routePath}`,
        role: key.role,
      });
    }
    request.tallyActor = `key:${key.keyId}`;
    request.tallyRole = key.role;
    if (key.ownerId !== null) request.tallyOwnerId = key.ownerId;
    return true;
  }
}
