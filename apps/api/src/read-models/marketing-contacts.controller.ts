import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import {
  MARKETING_CONTACTS,
  marketingContactChanges,
  marketingContactCount,
  type MarketingContactChangeRow,
} from '#projections/marketing-contacts';
import { CALENDAR_DATE_RULE, INSTANT_RULE, isCalendarDate, isInstant } from '#domain/shared';
import { InvalidDayRange } from '#read-models';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { MarketingContactChangeDto, MarketingContactCountDto } from './read-model-rows.dto.js';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { ReadModelQuery } from './read-model.dto.js';

// A bare day counts from its midnight UTC, as the counts have always read it.
const IsInstantOrDay = () =>
  ValidateBy({
    name: 'isInstantOrDay',
    validator: {
      validate: (value) => isInstant(value) || isCalendarDate(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be ${CALENDAR_DATE_RULE} (midnight UTC), or ${INSTANT_RULE}`,
    },
  });

export class MarketingContactCountQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time (or a day, from its midnight UTC) to count at; default: now' })
  @IsOptional()
  @IsInstantOrDay()
  asOf?: string;
}

export class MarketingContactChangesQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'ISO date-time or day, inclusive' })
  @IsOptional()
  @IsInstantOrDay()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time or day, exclusive' })
  @IsOptional()
  @IsInstantOrDay()
  to?: string;

  @PageLimit(1000, 100)
  limit?: number;

  @PageCursor(500)
  cursor?: string;
}

const instant = (value: string): string => new Date(value).toISOString();

@ReadModelRoutes('v1/read-models/marketing-contacts')
export class MarketingContactsReadModelController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'How many marketing contacts there were at asOf (merged duplicates not counted)' })
  @ReadModelAnswer({ row: MarketingContactCountDto })
  async count(
    @Query() query: MarketingContactCountQueryDto,
  ): Promise<{ position: string | null; data: { asOf: string; marketingContacts: number } }> {
    const asOf = instant(query.asOf ?? new Date().toISOString());
    const position = await this.gate.positionFor(MARKETING_CONTACTS, query.minPosition);
    return { position, data: { asOf, marketingContacts: await marketingContactCount(this.readModels, asOf) } };
  }

  @Get('changes')
  @ApiOperation({ summary: 'Marketing-status changes with their reasons, newest first, effective in [from, to)' })
  @ReadModelAnswer({ row: MarketingContactChangeDto, many: true, paged: true })
  async changes(
    @Query() query: MarketingContactChangesQueryDto,
  ): Promise<{ position: string | null; data: MarketingContactChangeRow[]; nextCursor: string | null }> {
    const from = query.from === undefined ? undefined : instant(query.from);
    const to = query.to === undefined ? undefined : instant(query.to);
    if (from !== undefined && to !== undefined && to < from) {
      throw new InvalidDayRange(`to (${to}) is before from (${from})`);
    }
    const position = await this.gate.positionFor(MARKETING_CONTACTS, query.minPosition);
    const page = await marketingContactChanges(this.readModels, {
      from,
      to,
      limit: query.limit ?? 100,
      cursor: query.cursor,
    });
    return { position, data: page.rows, nextCursor: page.nextCursor };
  }
}
