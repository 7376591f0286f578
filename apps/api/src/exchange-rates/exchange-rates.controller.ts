import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Req, UseInterceptors, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApplicationError, CommandExecutor, ExchangeRatesService, validationFailed, type RatesImportOutcome, type RequestContext } from '#application';
import { type ExchangeRatesCommand } from '#domain/exchange-rates';
import { CALENDAR_DATE_RULE, DomainError, isCalendarDate } from '#domain/shared';
import { EXCHANGE_RATES, publishedRates, ratesInForce, type ExchangeRateRow } from '#projections/exchange-rates';
import { Ctx, IfMatch, type TallyRequest } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute } from '../http/routes.js';
import { utf8Lines } from '../http/utf8-lines.js';
import { CsvInterceptor } from '../read-models/csv.interceptor.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelGate } from '../read-models/read-model-gate.js';
import { READ_MODELS } from '../tokens.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import {
  ExchangeRateDto,
  ListExchangeRatesQueryDto,
  PublishExchangeRatesDto,
  RatesImportDto,
  RatesOnDateDto,
  RatesOnDateQueryDto,
} from './exchange-rates.dto.js';
import { ExecuteExchangeRatesCommand } from './exchange-rates.handler.js';

/** The {date} parameter: a calendar day that exists, or a 400 naming `date`. */
class CalendarDateParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isCalendarDate(value)) return value;
    const reason = `date must be ${CALENDAR_DATE_RULE}`;
    throw validationFailed([{ field: 'date', reason }], reason);
  }
}

const IMPORT_MEDIA_TYPES = /^(text\/csv|text\/plain|application\/(x-)?ndjson)\b/;

@ApiRoutes('exchange-rates', 'v1/exchange-rates')
@UseInterceptors(CsvInterceptor)
export class ExchangeRatesController {
  private readonly publications: CommandRoutes<ExchangeRatesCommand>;
  private readonly rates: ExchangeRatesService;

  constructor(
    @Inject(CommandBus) commands: CommandBus,
    @Inject(CommandExecutor) executor: CommandExecutor,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
  ) {
    this.publications = new CommandRoutes(commands, ExecuteExchangeRatesCommand, (request) => request.data.date);
    this.rates = new ExchangeRatesService(executor);
  }

  @CommandRoute(Put(':date'), 'Publish the rates of one base currency on a date; the same set again appends nothing')
  @ApiParam({ name: 'date', description: CALENDAR_DATE_RULE, example: '2026-01-15' })
  publish(
    @Param('date', new CalendarDateParam()) date: string,
    @Body() { base, rates }: PublishExchangeRatesDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.publications.run('PublishExchangeRates', { date, base, rates }, context, ifMatch);
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({
    description:
      'CSV with the header `date,base,quote,rate` then one rate per row, and/or NDJSON lines {"date", "base", "quote", "rate"} or ' +
      '{"date", "base", "rates": {...}}. The rows of one date and base become one publication, which replaces that day\'s set for that base.',
  })
  @ApiOperation({
    summary: 'Import the rates of many dates at once; every row is checked first, and one bad row imports nothing',
    description: 'A bad file answers 400 with `badRows`: each bad row\'s line (1-based, the header is line 1), field and reason.',
  })
  @ApiOkResponse({ type: RatesImportDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv or application/x-ndjson in UTF-8' })
  importRates(@Req() request: TallyRequest, @Ctx() context: RequestContext): Promise<RatesImportOutcome> {
    const contentType = request.header('Content-Type') ?? '';
    const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1].toLowerCase() ?? 'utf-8';
    if (!IMPORT_MEDIA_TYPES.test(contentType) || (charset !== 'utf-8' && charset !== 'utf8')) {
      throw new ApplicationError('UNSUPPORTED_MEDIA_TYPE', 'send the rates as Content-Type: text/csv or application/x-ndjson, in UTF-8');
    }
    return this.rates.importRates(utf8Lines(request), context);
  }

  @Get()
  @ApiOperation({ summary: 'The rates published from `from` to `to` (publication dates, inclusive), by date, base and quote' })
  @ReadModelAnswer({ row: ExchangeRateDto, many: true, paged: true })
  async list(@Query() query: ListExchangeRatesQueryDto): Promise<{ position: string | null; data: ExchangeRateRow[]; nextCursor: string | null }> {
    if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
      throw validationFailed([{ field: 'to', reason: `to (${query.to}) is before from (${query.from})` }]);
    }
    const position = await this.gate.positionFor(EXCHANGE_RATES, query.minPosition);
    const page = await publishedRates(this.readModels, { from: query.from, to: query.to, base: query.base, limit: query.limit ?? 1000, cursor: query.cursor });
    return { position, data: page.rows, nextCursor: page.nextCursor };
  }

  @Get(':date')
  @ApiOperation({ summary: 'The rates in force on a date: for each base and quote the latest published on or before it, with its publication date' })
  @ApiParam({ name: 'date', description: CALENDAR_DATE_RULE, example: '2026-01-20' })
  @ReadModelAnswer({ row: RatesOnDateDto })
  @ApiNotFoundResponse({ description: 'No rate was published on or before the date' })
  async onDate(
    @Param('date', new CalendarDateParam()) date: string,
    @Query() query: RatesOnDateQueryDto,
  ): Promise<{ position: string | null; data: { date: string; rates: ExchangeRateRow[] } }> {
    const position = await this.gate.positionFor(EXCHANGE_RATES, query.minPosition);
    const rates = await ratesInForce(this.readModels, date, query.base);
    if (rates.length === 0) {
      throw new DomainError('NOT_FOUND', `no ${query.base === undefined ? '' : `${query.base} `}exchange rate was published on or before ${date}`, { date });
    }
    return { position, data: { date, rates } };
  }
}
