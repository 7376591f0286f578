import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { stacked } from '../http/dto-fields.js';
import { PIPELINE_ID, PIPELINE_ID_RULE } from '../pipelines/id-param.pipe.js';

export const POSITION_PATTERN = /^(-1|\d{1,20})(:\d{1,20})?$/;

/** Query parameters every read-model endpoint takes. */
export class ReadModelQuery {
  @ApiPropertyOptional({ description: 'Wait (up to 5 s) until the read model reflects this position; 503 if not' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a position, as returned by a command' })
  minPosition?: string;
}

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
