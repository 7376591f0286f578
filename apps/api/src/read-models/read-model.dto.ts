import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PIPELINE_ID, PIPELINE_ID_RULE } from '../pipelines/id-param.pipe.js';

export const POSITION_PATTERN = /^(-1|\d{1,20})(:\d{1,20})?$/;

/** Query parameters every read-model endpoint takes. */
export class ReadModelQuery {
  @ApiPropertyOptional({ description: 'Wait (up to 5 s) until the read model reflects this position; 503 if not' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a position, as returned by a command' })
  minPosition?: string;
}

// Listed as they would stand above a property: they apply bottom-up, which keeps the order of the reasons a 400 gives.
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

/** `limit` of a paged route: 1 to `maximum` rows, `fallback` when omitted (the controller applies it). */
export const PageLimit = (maximum: number, fallback: number) =>
  stacked(
    ApiPropertyOptional({ minimum: 1, maximum, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );

/** `cursor` of a paged route: the nextCursor (JSON) or X-Next-Cursor (CSV) of the previous page. */
export const PageCursor = (maxLength: number, description = 'nextCursor of the previous page') =>
  stacked(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(maxLength));

/** An optional deal-pipeline filter. */
export const OptionalPipelineId = (description?: string) =>
  stacked(
    ApiPropertyOptional(description ? { description } : {}),
    IsOptional(),
    Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` }),
    IsString(),
    MinLength(1),
    MaxLength(100),
  );

/** An optional ticket-pipeline filter. */
export const OptionalTicketPipelineId = () =>
  stacked(
    ApiPropertyOptional({ description: 'One ticket pipeline only' }),
    IsOptional(),
    Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` }),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );
