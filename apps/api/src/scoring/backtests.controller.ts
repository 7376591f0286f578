import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { BacktestReport } from '#scoring';
import { FormulasService } from './formulas.service.js';
import { BacktestView } from './scoring.dto.js';
import { ApiRoutes } from '../http/routes.js';

export class BacktestDto {
  @ApiProperty({ description: 'One saved formula, or two to compare side by side', type: [String], minItems: 1, maxItems: 2 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @Matches(/^[0-9a-f]{64}$/, { each: true, message: 'each formulaId must be a formula id (64 hex characters)' })
  formulaIds!: string[];

  @ApiPropertyOptional({ description: 'Score each contact this many days before its deal closed', default: 30, minimum: 0, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  horizonDays?: number;
}

@ApiRoutes('scoring', 'v1/scoring/backtests')
export class BacktestsController {
  constructor(@Inject(FormulasService) private readonly formulas: FormulasService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Scores every contact of every closed deal as it stood horizonDays before the close, per formula (one fold of ' +
      'the log): AUC, deciles, win rates by qualification, won deals below MQL',
  })
  @ApiOkResponse({ type: BacktestView })
  async run(@Body() body: BacktestDto): Promise<{ horizonDays: number; data: BacktestReport[] }> {
    const horizonDays = body.horizonDays ?? 30;
    return { horizonDays, data: await this.formulas.backtest(body.formulaIds, horizonDays) };
  }
}
