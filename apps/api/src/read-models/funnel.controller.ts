// GET the funnel from first touch to won, as of any date: per original source or cohort month the contacts reaching
// each lifecycle stage, the conversion and median/p90 time between stages, and first- and last-touch attribution of
// deals; and the drill-downs, the contacts and deals and events behind every figure.
import { Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { resolveDayRange, type DayRange } from '#read-models';
import { FUNNEL, FUNNEL_GROUP_BYS, funnelAttribution, funnelContactDrill, funnelDealDrill, funnelReport, type FunnelRange } from '#projections/funnel';
import { ReadModelAnswer } from './read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from './read-model-controller.js';
import { DAY_RANGE_SCHEMA, MAX_REPORT_DAYS } from './rep-activity.controller.js';
import {
  FunnelAttributionRowDto,
  FunnelContactDto,
  FunnelContactsQueryDto,
  FunnelDealDto,
  FunnelDealsQueryDto,
  FunnelGroupDto,
  FunnelQueryDto,
  FunnelRangeQuery,
} from './funnel.dto.js';

const DEFAULT_FUNNEL_DAYS = 365;
const AS_OF: SchemaObject = { type: 'string', format: 'date-time' };
const GROUP_BY: SchemaObject = { type: 'string', enum: [...FUNNEL_GROUP_BYS] };

const HOW =
  'Contacts are those created in [from, to] (UTC days), merged duplicates counted through their primary; deals those created in ' +
  '[from, to]. Everything stands as of asOf: stage changes, touches, associations and outcomes after it are left out. A contact ' +
  'counts at every stage up to the furthest it reached (a skipped stage counts as passed; evangelist is past customer); times ' +
  'between stages are over contacts that entered both. Touches: the contact\'s creation (its source), page views with a ' +
  'utm_source or from another site (the referring host; direct without a referrer), forms with a utm_source field, email ' +
  'clicks (utm_source or email). First touch: the earliest touch of the deal\'s contacts at or before its creation; last ' +
  'touch: the latest. Drill-downs: GET /v1/read-models/funnel/contacts?stage=&group= (the contacts counted, with the events by ' +
  'which they reached each stage) and GET /v1/read-models/funnel/deals?model=&source= (each deal, its credited touch and outcome events).';

@ReadModelRoutes('v1/read-models/funnel')
export class FunnelReadModelController extends ReadModelController {
  // The range defaults from the caller's present; the read model itself never reads the clock.
  private rangeOf(query: FunnelRangeQuery): { range: DayRange; asOf: string; facts: FunnelRange } {
    const asOf = new Date(query.asOf ?? Date.now()).toISOString();
    const range = resolveDayRange(query, asOf, { defaultDays: DEFAULT_FUNNEL_DAYS, maxDays: MAX_REPORT_DAYS });
    return { range, asOf, facts: { ...range, asOf } };
  }

  @Get()
  @ApiOperation({ summary: 'The lifecycle funnel per original source or cohort month, with first- and last-touch attribution', description: HOW })
  @ApiExtraModels(FunnelAttributionRowDto)
  @ReadModelAnswer({
    row: FunnelGroupDto,
    many: true,
    keys: { stages: ['stage'] },
    extra: {
      range: DAY_RANGE_SCHEMA,
      asOf: AS_OF,
      groupBy: GROUP_BY,
      attribution: { type: 'array', items: { $ref: getSchemaPath(FunnelAttributionRowDto) }, description: 'As GET /v1/read-models/funnel/attribution' },
    },
  })
  async funnel(@Query() query: FunnelQueryDto) {
    const { range, asOf, facts } = this.rangeOf(query);
    const groupBy = query.groupBy ?? 'source';
    await this.gate.reach(FUNNEL, query.minPosition);
    const { position, groups, attribution } = await funnelReport(this.readModels, facts, groupBy);
    return { position, range, asOf, groupBy, attribution, data: groups };
  }

  @Get('attribution')
  @ApiOperation({ summary: 'Per attribution model and source: deals created in the range, deals won as of asOf, won amount per currency', description: HOW })
  @ReadModelAnswer({ row: FunnelAttributionRowDto, many: true, keys: { won: ['currency'] }, extra: { range: DAY_RANGE_SCHEMA, asOf: AS_OF } })
  async attribution(@Query() query: FunnelRangeQuery) {
    const { range, asOf, facts } = this.rangeOf(query);
    await this.gate.reach(FUNNEL, query.minPosition);
    const { position, rows } = await funnelAttribution(this.readModels, facts);
    return { position, range, asOf, data: rows };
  }

  @Get('contacts')
  @ApiOperation({ summary: 'Drill-down: the contacts counted at a stage (in one group), with the events behind their counts and times', description: HOW })
  @ReadModelAnswer({ row: FunnelContactDto, many: true, extra: { range: DAY_RANGE_SCHEMA, asOf: AS_OF, groupBy: GROUP_BY } })
  async contacts(@Query() query: FunnelContactsQueryDto) {
    const { range, asOf, facts } = this.rangeOf(query);
    const groupBy = query.groupBy ?? 'source';
    await this.gate.reach(FUNNEL, query.minPosition);
    const { position, rows } = await funnelContactDrill(this.readModels, facts, { groupBy, stage: query.stage ?? 'subscriber', group: query.group });
    return { position, range, asOf, groupBy, data: rows };
  }

  @Get('deals')
  @ApiOperation({ summary: 'Drill-down: the deals behind an attribution row, each with its credited touch and outcome events', description: HOW })
  @ReadModelAnswer({ row: FunnelDealDto, many: true, extra: { range: DAY_RANGE_SCHEMA, asOf: AS_OF } })
  async deals(@Query() query: FunnelDealsQueryDto) {
    const { range, asOf, facts } = this.rangeOf(query);
    await this.gate.reach(FUNNEL, query.minPosition);
    const { position, rows } = await funnelDealDrill(this.readModels, facts, { model: query.model ?? 'first-touch', source: query.source });
    return { position, range, asOf, data: rows };
  }
}
