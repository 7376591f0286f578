// GET /v1/search: records of every type the key's role may read, ranked (see #projections/search).
import { Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ROLES, isAllowed, type Role } from '#auth';
import { search, SEARCH_PROJECTION, type SearchAnswer, type SearchObjectType } from '#projections/search';
import { ApplicationError } from '#application';
import type { AuthMode } from '../auth/auth.guard.js';
import type { TallyRequest } from '../http/request-context.decorator.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from '../read-models/read-model-controller.js';
import { AUTH_MODE } from '../tokens.js';
import { SEARCH_TYPES, SearchHitDto, SearchQueryDto, type SearchType } from './search.dto.js';

const OBJECT_TYPE: Readonly<Record<SearchType, SearchObjectType>> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

@ReadModelRoutes('v1/search')
export class SearchController extends ReadModelController {
  @Inject(AUTH_MODE) private readonly authMode!: AuthMode;

  @Get()
  @ApiOperation({
    summary: 'Contacts, companies, deals and tickets matching q, best first',
    description:
      'Exact email, domain or phone (digits compared, at least 5) first, then a word starting with q, then q anywhere, ' +
      "then deals and tickets whose pipeline's name contains q, then (Latin text) similar words for typos. Only the " +
      "types the key's role may read are searched.",
  })
  @ReadModelAnswer({ row: SearchHitDto, many: true })
  async search(@Query() query: SearchQueryDto, @Req() request: TallyRequest): Promise<SearchAnswer> {
    const readable = SEARCH_TYPES.filter((type) => isAllowed(this.roleOf(request), `${type}:read`));
    const types = (query.types ?? SEARCH_TYPES).filter((type) => readable.includes(type)).map((type) => OBJECT_TYPE[type]);
    await this.gate.reach(SEARCH_PROJECTION, query.minPosition);
    return search(this.readModels, { q: query.q, types, limit: query.limit ?? 20 });
  }

  /** The key's role, set by the AuthGuard; with authentication off (local development) every caller reads all. */
  private roleOf(request: TallyRequest): Role {
    if (this.authMode === 'disabled') return 'super-admin';
    const role = ROLES.find((r) => r === request.tallyRole);
    if (!role) throw new ApplicationError('FORBIDDEN', 'the request carries no role');
    return role;
  }
}
