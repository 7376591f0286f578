import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Formula } from '#scoring';
import { stacked } from '../http/dto-fields.js';

/** A saved formula to score with, by its id. */
export const OptionalFormulaId = (description: string) =>
  stacked(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Matches(/^[0-9a-f]{64}$/, { message: 'formulaId must be a formula id (64 hex characters)' }),
  );

const FORMULA_ID = {
  description: 'SHA-256 of the canonical JSON of the formula',
  example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
} as const;

export class FormulaIssueView {
  @ApiProperty({ description: 'JSON Pointer into the formula document ("" for the whole)', example: '/fit/0/points' }) path!: string;
  @ApiProperty() reason!: string;
}

export class SavedFormulaView {
  @ApiProperty(FORMULA_ID) id!: string;
  @ApiProperty({ description: 'Revision of the formula registry stream' }) revision!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Position of the event written (null: saved already)' }) position!: string | null;
  @ApiProperty({ type: [FormulaIssueView], description: 'What is allowed but probably not meant' }) warnings!: FormulaIssueView[];
}

export class FormulaSummaryView {
  @ApiProperty(FORMULA_ID) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Lead scores are built with it' }) active!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The formula document as saved' }) formula!: Formula;
}

export class FormulaList {
  @ApiProperty({ type: [FormulaSummaryView] }) data!: FormulaSummaryView[];
}

export class DecileView {
  @ApiProperty({ minimum: 1, maximum: 10 }) decile!: number;
  @ApiProperty() samples!: number;
  @ApiProperty() won!: number;
  @ApiProperty() winRate!: number;
  @ApiProperty() minScore!: number;
  @ApiProperty() maxScore!: number;
}

/** Share of won deals among the samples of each qualification (null: no sample). */
export class WinRateView {
  @ApiProperty({ type: Number, nullable: true }) mql!: number | null;
  @ApiProperty({ type: Number, nullable: true }) sql!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'MQL or SQL' }) qualified!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Neither' }) rest!: number | null;
}

export class MissedWinView {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

export class BacktestReportView {
  @ApiProperty(FORMULA_ID) formulaId!: string;
  @ApiProperty() formulaName!: string;
  @ApiProperty() horizonDays!: number;
  @ApiProperty() samples!: number;
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Probability that a won sample outscored a lost one; 0.5 is a coin toss' })
  auc!: number | null;
  @ApiProperty({ type: [DecileView] }) deciles!: DecileView[];
  @ApiProperty({ type: WinRateView }) winRate!: WinRateView;
  @ApiProperty({ type: [MissedWinView], description: 'Contacts of won deals that scored below the MQL threshold' }) wonBelowMql!: MissedWinView[];
}

export class BacktestView {
  @ApiProperty() horizonDays!: number;
  @ApiProperty({ type: [BacktestReportView], description: 'One report per formula, in the order asked' }) data!: BacktestReportView[];
}
