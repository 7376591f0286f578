// Exchange rates and the reporting currency: check, load the date's (or the setting's) stream, decide, append.
// Bad input is a 400 naming the field before any stream is read; an import appends nothing unless every row is good.
import {
  checkPublication,
  exchangeRatesDecider,
  exchangeRatesStream,
  REPORTING_CURRENCY_STREAM,
  reportingCurrencyDecider,
  type ExchangeRatesCommand,
  type ReportingCurrencyCommand,
} from '#domain/exchange-rates';
import { CURRENCY_RULE, isCurrencyCode } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { ApplicationError, validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { readRatesImport, type UnreadableLine } from './exchange-rates-import.js';

export type RatesImportOutcome = Readonly<{
  rows: number;
  /** One per date and base in the file; `published` false when that day's set for that base was already this one. */
  publications: readonly Readonly<{ date: string; base: string; quotes: number; published: boolean; position: string | null }>[];
}>;

/** Publications of exchange rates, one stream per date. */
export class ExchangeRatesService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(command: ExchangeRatesCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const checked = checkPublication(command.data);
    if (!checked.ok) throw validationFailed(checked.problems);
    return this.executor.execute(exchangeRatesStream(checked.publication.date), exchangeRatesDecider, command, context, options);
  }

  /** Every line checked first: a bad row refuses the whole import (400 listing the rows), nothing appended. */
  async importRates(lines: AsyncIterable<string | UnreadableLine> | Iterable<string | UnreadableLine>, context: RequestContext): Promise<RatesImportOutcome> {
    const read = await readRatesImport(lines);
    if (!read.ok) {
      const listed = read.badRows.map(({ line, field, reason }) => `line ${line}: ${field} ${reason}`);
      const more = read.badRowCount > read.badRows.length ? `; and ${read.badRowCount - read.badRows.length} more` : '';
      throw new ApplicationError('VALIDATION_FAILED', `${read.badRowCount} bad row(s), nothing imported: ${listed.slice(0, 5).join('; ')}${more}`, {
        fields: read.badRows.map(({ line, field, reason }) => ({ field: `line ${line}: ${field}`, reason })),
        badRows: read.badRows,
        badRowCount: read.badRowCount,
      });
    }
    const publications: RatesImportOutcome['publications'][number][] = [];
    for (const publication of read.publications) {
      const result = await this.executor.execute(
        exchangeRatesStream(publication.date),
        exchangeRatesDecider,
        { type: 'PublishExchangeRates', data: publication, metadata: { now: context.now } },
        context,
      );
      publications.push({
        date: publication.date,
        base: publication.base,
        quotes: Object.keys(publication.rates).length,
        published: result.events.length > 0,
        position: result.position,
      });
    }
    return { rows: read.rows, publications };
  }
}

/** The workspace's reporting currency, on its own settings stream. */
export class ReportingCurrencyService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(command: ReportingCurrencyCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    if (!isCurrencyCode(command.data.currency)) throw validationFailed([{ field: 'currency', reason: `must be ${CURRENCY_RULE}` }]);
    return this.executor.execute(REPORTING_CURRENCY_STREAM, reportingCurrencyDecider, command, context, options);
  }
}
