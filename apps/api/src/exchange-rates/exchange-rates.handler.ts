import { Inject } from '@nestjs/common';
import { CommandHandler, Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor, ExchangeRatesService, ReportingCurrencyService } from '#application';
import {
  REPORTING_CURRENCY_STREAM,
  reportingCurrencyDecider,
  type ExchangeRatesCommand,
  type ReportingCurrencyCommand,
} from '#domain/exchange-rates';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';
import type { ReportingCurrencyRecord } from './exchange-rates.dto.js';

export class ExecuteExchangeRatesCommand extends ServiceCommand<ExchangeRatesCommand> {}

// The api's dispatch of rate publications; the use case is ExchangeRatesService in libs/application.
@CommandHandler(ExecuteExchangeRatesCommand)
export class ExchangeRatesCommandHandler extends ServiceCommandHandler<ExchangeRatesCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new ExchangeRatesService(executor));
  }
}

export class ExecuteReportingCurrencyCommand extends ServiceCommand<ReportingCurrencyCommand> {}

@CommandHandler(ExecuteReportingCurrencyCommand)
export class ReportingCurrencyCommandHandler extends ServiceCommandHandler<ReportingCurrencyCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new ReportingCurrencyService(executor));
  }
}

/** The reporting currency, folded from its settings stream (as the marketing policy is): read-your-writes, with the revision. */
export class GetReportingCurrency extends Query<ReportingCurrencyRecord> {}

@QueryHandler(GetReportingCurrency)
export class GetReportingCurrencyHandler implements IQueryHandler<GetReportingCurrency> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute(): Promise<ReportingCurrencyRecord> {
    const { state, revision, recorded } = await this.executor.load(REPORTING_CURRENCY_STREAM, reportingCurrencyDecider);
    const last = recorded[recorded.length - 1]?.data as { previous?: string | null } | undefined;
    return { revision, currency: state.currency, previous: last?.previous ?? null };
  }
}
