// GET the forecast of a month as it stood at a date, rebuilt from the deals' history (their stage, amount, expected
// close and outcome then, weighted by the stage probabilities of then), optionally converted; its drill-down; and its
// accuracy: what was forecast at chosen dates against what closed won, with the waterfall between them.
import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { validationFailed } from '#application';
import { DEAL_HISTORY, forecastAccuracyOf, forecastAsOf, ReportingCurrencyNotSet } from '#projections/deal-history';
import { EXCHANGE_RATES } from '#projections/exchange-rates';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { ForecastAccuracyDto, ForecastAccuracyQueryDto, ForecastDealDto, ForecastDto, ForecastQueryDto } from './forecast.dto.js';

const FORECAST_DESCRIPTION =
  'The forecast of a month is the open deals whose expected close date falls in it, each weighted by its stage\'s probability, ' +
  'plus the deals won in it (by the UTC date of the win) in full, as the log stood at asOf: a deal moved, re-dated or re-priced ' +
  'since counts as it was then, one created since not at all. Per currency, never added across currencies; with currency= each ' +
  "deal is also converted at the rate in force on its figure's date (expected close when open, close date when won), naming the " +
  'rate and its date; a deal without a rate is listed under converted.gaps and left out of the converted totals, never counted as 0. ' +
  'Drill-down: data.deals (or GET /v1/read-models/forecast/deals for one CSV row per deal) names each deal, the event of the deal ' +
  'version used and of the pipeline version whose probability weighted it.';

// CSV columns name a currency by its code and a deal by its id.
const FORECAST_CSV_KEYS = { currencies: ['currency'], deals: ['dealId'], ratesUsed: ['from', 'to', 'rateDate'] };
const ACCURACY_CSV_KEYS = { currencies: ['currency'], snapshots: ['asOf'], steps: ['to'], moves: ['dealId'] };

// The reporting currency is the workspace's setting: asking for it before it is set is the request's fault.
const withCurrencyChecked = async <T>(answer: Promise<T>): Promise<T> => {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ReportingCurrencyNotSet) throw validationFailed([{ field: 'currency', reason: error.message }]);
    throw error;
  }
};

@ReadModelRoutes('v1/read-models')
export class ForecastController extends ReadModelController {
  // A converted answer reads the rates too: minPosition waits for both read models.
  private async reach(query: Readonly<{ minPosition?: string; currency?: string }>): Promise<void> {
    await this.gate.reach(DEAL_HISTORY, query.minPosition);
    if (query.currency !== undefined) await this.gate.reach(EXCHANGE_RATES, query.minPosition);
  }

  @Get('forecast')
  @ApiOperation({ summary: 'The forecast of a month as it stood at a date: weighted open deals plus won deals, per currency and converted', description: FORECAST_DESCRIPTION })
  @ReadModelAnswer({ row: ForecastDto, keys: FORECAST_CSV_KEYS })
  async forecast(@Query() query: ForecastQueryDto) {
    await this.reach(query);
    // The default is the caller's present; the read model itself never reads the clock.
    const asOf = query.asOf ?? new Date().toISOString();
    const { position, forecast } = await withCurrencyChecked(
      forecastAsOf(this.readModels, { month: query.month, asOf, pipelineId: query.pipelineId, currency: query.currency }),
    );
    return { position, data: forecast };
  }

  @Get('forecast/deals')
  @ApiOperation({ summary: "The forecast's drill-down: one row per deal, with the versions used and its conversion", description: FORECAST_DESCRIPTION })
  @ReadModelAnswer({ row: ForecastDealDto, many: true })
  async forecastDeals(@Query() query: ForecastQueryDto) {
    await this.reach(query);
    const asOf = query.asOf ?? new Date().toISOString();
    const { position, forecast } = await withCurrencyChecked(
      forecastAsOf(this.readModels, { month: query.month, asOf, pipelineId: query.pipelineId, currency: query.currency }),
    );
    return { position, data: forecast.deals };
  }

  @Get('forecast-accuracy')
  @ApiOperation({
    summary: 'Forecast accuracy and waterfall: what was forecast for a month at each date asked against what closed won in it',
    description:
      'For each date in asOf, the forecast of the month as it stood then (see GET /v1/read-models/forecast) and its difference ' +
      'to the actual: the deals won in the month as the history stands now. The steps chain the dates in the order given and ' +
      'end at the actual; each splits the change into deals added to the month, removed from it (lost, moved to another month, ' +
      'not won by the end), won (their amount less their weighted figure) and changed (amount, stage, probability), with every ' +
      "deal's move and the event behind it. With currency= the same in that currency, each figure converted on its own date.",
  })
  @ReadModelAnswer({ row: ForecastAccuracyDto, keys: ACCURACY_CSV_KEYS })
  async accuracy(@Query() query: ForecastAccuracyQueryDto) {
    await this.reach(query);
    const { position, accuracy } = await withCurrencyChecked(
      forecastAccuracyOf(this.readModels, { month: query.month, asOf: query.asOf.split(','), pipelineId: query.pipelineId, currency: query.currency }),
    );
    return { position, data: accuracy };
  }
}
