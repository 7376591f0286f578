import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export const POSITION_PATTERN = /^(-1|\d{1,20})(:\d{1,20})?$/;

/** Query parameters every read-model endpoint takes. */
export class ReadModelQuery {
  @ApiPropertyOptional({ description: 'Wait (up to 5 s) until the read model reflects this position; 503 if not' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a position, as returned by a command' })
  minPosition?: string;
}
