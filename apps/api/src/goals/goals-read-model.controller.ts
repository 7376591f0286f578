import { Get, Query } from '@nestjs/common';
import { ApiOperation, type SchemaObject } from '@nestjs/swagger';
import { GOALS, goalAttainments, type GoalAttainment } from '#projections/goals';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from '../read-models/read-model-controller.js';
import { GoalAttainmentDto, GoalsQueryDto } from './goals.dto.js';

const AS_OF_SCHEMA: SchemaObject = { type: 'string', format: 'date-time', description: 'The instant pace was measured at' };

@ReadModelRoutes('v1/read-models/goals')
export class GoalsReadModelController extends ReadModelController {
  @Get()
  @ApiOperation({
    summary: 'Goals with target, actual, attainment, remaining and pace at asOf, each with its drill-down',
    description:
      'Each goal answers its drill-down in place: `deals` (won-amount, deals-won) or `engagements` (calls, meetings) list ' +
      'every record counted with the ids of the events behind it, and `goalEventIds` the events that set the goal. A won ' +
      'deal counts for the owner its win names and that owner\'s team at the win, on the UTC day of the win; reopening ' +
      'takes it out. A `reporting` goal converts each deal at its win date and names the rate and its date; a deal with ' +
      'no rate is listed under `gaps` and left out of actual, never counted as 0.',
  })
  @ReadModelAnswer({ row: GoalAttainmentDto, many: true, keys: { deals: ['dealId'], engagements: ['engagementId'], gaps: ['dealId'] }, extra: { asOf: AS_OF_SCHEMA } })
  async list(@Query() query: GoalsQueryDto): Promise<{ position: string | null; asOf: string; data: GoalAttainment[] }> {
    // The one clock read: pace is measured here, never in the projection.
    const asOf = query.asOf === undefined ? new Date().toISOString() : new Date(Date.parse(query.asOf)).toISOString();
    const position = await this.gate.positionFor(GOALS, query.minPosition);
    const data = await goalAttainments(this.readModels, { period: query.period, ownerId: query.ownerId, team: query.team, asOf });
    return { position, asOf, data };
  }
}
