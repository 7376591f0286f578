import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional } from 'class-validator';
import { RATE_RULE } from '#domain/exchange-rates';
import { CALENDAR_DATE_RULE, CURRENCY_RULE } from '#domain/shared';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { IsCalendarDate, IsCurrencyCode } from '../http/validators.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

// The rules themselves are the domain's (checkPublication): the service names every bad field (`rates.JPY`).
export class PublishExchangeRatesDto {
  @ApiProperty({ type: String, example: 'USD', description: `The base currency: ${CURRENCY_RULE}` })
  @IsDefined()
  base!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { EUR: '0.92', JPY: '149.235' },
    description: `Units of each quote currency per 1 base; each rate ${RATE_RULE}. Replaces the set published for this date and base.`,
  })
  @IsDefined()
  rates!: Readonly<Record<string, unknown>>;
}

export class SetReportingCurrencyDto {
  @ApiProperty({ example: 'EUR', description: CURRENCY_RULE })
  @IsDefined()
  @IsCurrencyCode()
  currency!: string;
}

export class ReportingCurrencyRecord {
  @ApiProperty({ description: 'The settings stream revision (-1: never set); send it back as If-Match' }) revision!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The reporting currency; null until one is set', example: 'EUR' })
  currency!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The one before it', example: null }) previous!: string | null;
}

export class ExchangeRateDto {
  @ApiProperty({ description: 'The publication date of the rate', example: '2026-01-15' }) date!: string;
  @ApiProperty({ example: 'USD' }) base!: string;
  @ApiProperty({ example: 'JPY' }) quote!: string;
  @ApiProperty({ description: 'Units of quote per 1 base, a decimal string', example: '149.235' }) rate!: string;
  @ApiProperty({ format: 'uuid', description: 'The ExchangeRatesPublished event' }) eventId!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class RatesOnDateDto {
  @ApiProperty({ description: 'The date asked for', example: '2026-01-20' }) date!: string;
  @ApiProperty({
    type: [ExchangeRateDto],
    description: 'For each base and quote, the latest rate published on or before the date; its `date` is the publication it comes from',
  })
  rates!: ExchangeRateDto[];
}

export class RatesOnDateQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: 'Only the rates of this base currency', example: 'USD' })
  @IsOptional()
  @IsCurrencyCode()
  base?: string;
}

export class ListExchangeRatesQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ description: `First publication date, inclusive: ${CALENDAR_DATE_RULE}` })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: `Last publication date, inclusive: ${CALENDAR_DATE_RULE}` })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Only the rates of this base currency', example: 'USD' })
  @IsOptional()
  @IsCurrencyCode()
  base?: string;

  @PageLimit(5000, 1000)
  limit?: number;

  @PageCursor(500)
  cursor?: string;
}

export class ImportedPublicationDto {
  @ApiProperty({ example: '2026-01-15' }) date!: string;
  @ApiProperty({ example: 'USD' }) base!: string;
  @ApiProperty({ description: 'How many quotes the publication holds' }) quotes!: number;
  @ApiProperty({ description: 'false when that day\'s set for that base already was this one (nothing appended)' }) published!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of the event written; null when nothing was' })
  position!: string | null;
}

export class RatesImportDto {
  @ApiProperty({ description: 'Rows read (rates, not lines)' }) rows!: number;
  @ApiProperty({ type: [ImportedPublicationDto], description: 'One per date and base, by date then base' })
  publications!: ImportedPublicationDto[];
}
