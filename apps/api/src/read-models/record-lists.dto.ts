// What the record lists (GET /v1/contacts, /v1/companies, ...) take and answer. Their fixed query parameters are
// DTOs (an unknown one is a 400 naming it); `property.<name>` parameters, which no DTO can list, are taken out of
// the query before validation and checked against the object type's property definitions instead.
import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { validationFailed } from '#application';
import { isValidDomain, normalizeDomain } from '#domain/company';
import { LIFECYCLE_STAGES } from '#domain/contact';
import { CONTACT_SOURCES, MARKETING_STATUSES } from '#domain/marketing-policy';
import { PROPERTY_NAME_PATTERN } from '#domain/property-definition';
import { CALENDAR_DATE_RULE, INSTANT_RULE, isCalendarDate, isInstant } from '#domain/shared';
import { PROPERTY_FILTER_PREFIX, propertyFiltersOf, sortValues, type PropertyFilter, type PropertyFilterDefinition, type SortKey } from '#read-models';
import { CONTACT_LIST_SORT_KEYS } from '#projections/contact-list';
import { COMPANY_LIST_SORT_KEYS } from '#projections/company-list';
import { PageCursor, PageLimit, stacked } from '../http/dto-fields.js';
import { hostileShape } from '../http/validation.js';
import { ReadModelQuery } from './read-model.dto.js';

const PROPERTY_FILTERS = Symbol('property filters');
type ListRequest = Request & { [PROPERTY_FILTERS]?: Record<string, unknown> };

const wantsCsv = (request: Request): boolean => {
  const accept = request.header('Accept') ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
};

type Answer = { data?: unknown };

/**
 * For a list route: moves the `property.<name>` parameters aside (PropertyFilterParams reads them) so the DTO sees
 * only its own, and, for a CSV answer, names each row's custom properties `property.<name>` like their filters.
 */
@Injectable()
export class RecordListInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ListRequest>();
    const entries = Object.entries(request.query);
    request[PROPERTY_FILTERS] = Object.fromEntries(entries.filter(([name]) => name.startsWith(PROPERTY_FILTER_PREFIX)));
    // Express computes req.query on each read: an own property of this request shadows it.
    const rest = Object.fromEntries(entries.filter(([name]) => !name.startsWith(PROPERTY_FILTER_PREFIX)));
    Object.defineProperty(request, 'query', { value: rest, configurable: true, enumerable: true, writable: true });
    if (!wantsCsv(request)) return next.handle();
    return next.handle().pipe(
      map((body: Answer) => {
        if (!Array.isArray(body?.data)) return body;
        const data = (body.data as Record<string, unknown>[]).map(({ properties, ...row }) => ({ ...row, property: properties }));
        return { ...body, data };
      }),
    );
  }
}

/** The `property.<name>` parameters of the request, as RecordListInterceptor set them aside. */
export const PropertyFilterParams = createParamDecorator(
  (_: unknown, context: ExecutionContext): Record<string, unknown> => context.switchToHttp().getRequest<ListRequest>()[PROPERTY_FILTERS] ?? {},
);

/**
 * The filters of `params` under the object type's definitions; a 400 names each parameter refused. The definitions
 * are read only when a `property.<name>` parameter asks for them: most list requests have none.
 */
export const propertyFilters = async (
  params: Record<string, unknown>,
  definitions: () => Promise<ReadonlyMap<string, PropertyFilterDefinition>>,
): Promise<PropertyFilter[]> => {
  if (Object.keys(params).length === 0) return [];
  const hostile = hostileShape(params);
  if (hostile) throw validationFailed([hostile]);
  const { filters, problems } = propertyFiltersOf(params, await definitions(), PROPERTY_NAME_PATTERN);
  if (problems.length > 0) throw validationFailed(problems);
  return filters;
};

const IsInstantOrDay = () =>
  ValidateBy({
    name: 'isInstantOrDay',
    validator: {
      validate: (value) => isInstant(value) || isCalendarDate(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be ${CALENDAR_DATE_RULE}, or ${INSTANT_RULE}`,
    },
  });

/** The instant a `from` bound starts at: a bare day from its midnight UTC. */
export const fromInstant = (value: string): string => new Date(isCalendarDate(value) ? `${value}T00:00:00.000Z` : value).toISOString();

/** The last instant a `to` bound takes in: a bare day up to its last millisecond (UTC). */
export const toInstant = (value: string): string =>
  isCalendarDate(value) ? new Date(Date.parse(`${value}T00:00:00.000Z`) + 86_400_000 - 1).toISOString() : new Date(value).toISOString();

// Records and owners get uuids from every route that creates them: any other value cannot name one.
export const OptionalUuidFilter = (description: string) => stacked(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID());

const IsDomain = () =>
  ValidateBy({
    name: 'isDomain',
    validator: {
      validate: (value) => typeof value === 'string' && isValidDomain(normalizeDomain(value)),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a web domain such as acme.com`,
    },
  });

/** A list's `sort`: one of its keys' sort values, `fallback` when absent. */
export const Sort = (keys: readonly SortKey[], fallback: string, description: string) =>
  stacked(ApiPropertyOptional({ enum: sortValues(keys), default: fallback, description }), IsOptional(), IsIn(sortValues(keys)));

/** For a list route's description: how its custom properties filter. */
export const PROPERTY_FILTER_DOC =
  'Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property\'s type).';

/** What every record list takes: paging, sort, `q`. */
export class RecordListQuery extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'A case-insensitive substring of the names, email, domain or phone (digits match however spaced)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500, 'nextCursor of the previous page, with the same sort and filters')
  cursor?: string;
}

export class ContactListQueryDto extends RecordListQuery {
  @OptionalUuidFilter('Contacts this owner owns') ownerId?: string;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  lifecycleStage?: string;

  @ApiPropertyOptional({ enum: MARKETING_STATUSES })
  @IsOptional()
  @IsIn(MARKETING_STATUSES)
  marketingStatus?: string;

  @ApiPropertyOptional({ enum: CONTACT_SOURCES })
  @IsOptional()
  @IsIn(CONTACT_SOURCES)
  source?: string;

  @OptionalUuidFilter('Contacts associated with this company, or whose primary company it is') companyId?: string;

  @ApiPropertyOptional({ description: 'Created at or after: an ISO date-time, or a day (from its midnight UTC)' })
  @IsOptional()
  @IsInstantOrDay()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Created at or before: an ISO date-time, or a day (through its end, UTC)' })
  @IsOptional()
  @IsInstantOrDay()
  createdTo?: string;

  @Sort(CONTACT_LIST_SORT_KEYS, '-createdAt', '- for descending; score is the lead score total (unscored contacts last)')
  sort?: string;
}

export class CompanyListQueryDto extends RecordListQuery {
  @ApiPropertyOptional({ description: 'A web domain, normalized as companies store it (`https://www.Acme.com/x` is acme.com)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsDomain()
  domain?: string;

  @ApiPropertyOptional({ description: 'An industry, case-insensitively' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  industry?: string;

  @Sort(COMPANY_LIST_SORT_KEYS, '-createdAt', '- for descending')
  sort?: string;
}

/** A nullable string field of a list row. */
export const nullable = (description?: string) => ({ type: 'string', nullable: true, ...(description ? { description } : {}) }) as const;

/** A list row's owner name, as every list joins it. */
export const OWNER_NAME = nullable("The owner's name, from the owners list");

/** A list row's custom property values. */
export const PROPERTIES: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  description: 'Custom properties with a value; in CSV, one `property.<name>` column each',
};

export class ContactListItemDto {
  @ApiProperty() contactId!: string;
  @ApiProperty({ description: 'First and last name, else the email' }) name!: string;
  @ApiProperty(nullable()) firstName!: string | null;
  @ApiProperty(nullable()) lastName!: string | null;
  @ApiProperty(nullable()) email!: string | null;
  @ApiProperty(nullable()) phone!: string | null;
  @ApiProperty(nullable()) jobTitle!: string | null;
  @ApiProperty(nullable()) country!: string | null;
  @ApiProperty(nullable()) ownerId!: string | null;
  @ApiProperty(OWNER_NAME) ownerName!: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES }) lifecycleStage!: string;
  @ApiProperty({ enum: MARKETING_STATUSES }) marketingStatus!: string;
  @ApiProperty({ enum: CONTACT_SOURCES }) source!: string;
  @ApiProperty(nullable('The primary company')) companyId!: string | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'The current lead score total; null before it is scored' }) leadScore!: number | null;
  @ApiProperty({ type: 'string', enum: ['none', 'mql', 'sql', null], nullable: true }) qualification!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Latest page view, form submission, marketing email opened or clicked, unsubscribe, engagement, or deal or ticket naming the contact',
  })
  lastActivityAt!: string | null;
  @ApiProperty(PROPERTIES) properties!: Record<string, string | number | boolean>;
}

export class CompanyListItemDto {
  @ApiProperty() companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(nullable()) domain!: string | null;
  @ApiProperty(nullable()) industry!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) employees!: number | null;
  @ApiProperty(nullable()) country!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(PROPERTIES) properties!: Record<string, string | number | boolean>;
}
