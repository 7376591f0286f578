import { Body, Get, Inject, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { MARKETING_POLICY_STREAM, type MarketingPolicyCommand } from '#domain/marketing-policy';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute } from '../http/routes.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteMarketingPolicyCommand, GetMarketingPolicy } from './marketing-policy.handler.js';
import { ChangeMarketingPolicyDto, MarketingPolicyRecord } from './marketing-policy.dto.js';
import { type ReportingCurrencyCommand, REPORTING_CURRENCY_STREAM } from '#domain/exchange-rates';
import { ReportingCurrencyRecord, SetReportingCurrencyDto } from '../exchange-rates/exchange-rates.dto.js';
import { ExecuteReportingCurrencyCommand, GetReportingCurrency } from '../exchange-rates/exchange-rates.handler.js';

@ApiRoutes('settings', 'v1/settings')
export class SettingsController {
  private readonly policy: CommandRoutes<MarketingPolicyCommand>;

  constructor(@Inject(CommandBus) commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {
    this.policy = new CommandRoutes(commands, ExecuteMarketingPolicyCommand, () => MARKETING_POLICY_STREAM);
  }

  @Get('marketing-policy')
  @ApiOperation({ summary: 'The marketing status new contacts get, by source' })
  @ApiOkResponse({ type: MarketingPolicyRecord })
  marketingPolicy(): Promise<MarketingPolicyRecord> {
    return this.queries.execute(new GetMarketingPolicy());
  }

  @CommandRoute(Put('marketing-policy'), 'Change the marketing status new contacts get for some sources; existing contacts keep theirs')
  @ApiUnprocessableEntityResponse({ description: 'rule locked-source: that source is always non-marketing' })
  @ApiConflictResponse({ description: 'If-Match names a revision the policy has moved past' })
  changeMarketingPolicy(
    @Body() { policy, reason }: ChangeMarketingPolicyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.policy.run('ChangeMarketingPolicy', { policy, reason }, context, ifMatch);
  }

  // The reporting currency's routes: the bus comes by property injection so the constructor above stays as it is.
  @Inject(CommandBus) private readonly commandBus!: CommandBus;

  @Get('reporting-currency')
  @ApiOperation({ summary: 'The currency converted figures are reported in (null until one is set)' })
  @ApiOkResponse({ type: ReportingCurrencyRecord })
  reportingCurrency(): Promise<ReportingCurrencyRecord> {
    return this.queries.execute(new GetReportingCurrency());
  }

  @CommandRoute(Put('reporting-currency'), 'Set the workspace\'s reporting currency; setting the current one again appends nothing')
  @ApiConflictResponse({ description: 'If-Match names a revision the setting has moved past' })
  setReportingCurrency(
    @Body() { currency }: SetReportingCurrencyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const routes = new CommandRoutes<ReportingCurrencyCommand>(this.commandBus, ExecuteReportingCurrencyCommand, () => REPORTING_CURRENCY_STREAM);
    return routes.run('SetReportingCurrency', { currency }, context, ifMatch);
  }
}
