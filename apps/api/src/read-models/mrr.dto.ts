// What the recurring-revenue routes take and answer. Amounts are decimal strings with the currency's digits.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { MRR_DRILL_KINDS, MRR_GROUP_BYS, MRR_MONTH, type MrrDrillKind, type MrrGroupBy } from '#projections/mrr';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { OptionalPipelineId, ReadModelQuery } from './read-model.dto.js';

const AMOUNT = { type: 'string', example: '1000.00', description: 'Decimal string with the currency\'s minor-unit digits' } as const;

// The years every other date parameter takes (1900..2199), so a month is one the read model can hold.
const isMonth = (value: unknown): boolean => {
  const match = typeof value === 'string' ? MRR_MONTH.exec(value) : null;
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2199;
};

const IsMonth = () =>
  ValidateBy({ name: 'isMonth', validator: { validate: isMonth, defaultMessage: () => 'month must be a month YYYY-MM between 1900-01 and 2199-12' } });

class MrrMonthQuery extends ReadModelQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'The UTC month (YYYY-MM); default: the current one' })
  @IsOptional()
  @IsMonth()
  month?: string;
}

export class MrrQueryDto extends MrrMonthQuery {
  @ApiPropertyOptional({ enum: MRR_GROUP_BYS, description: "Per currency and the deal's current owner or pipeline" })
  @IsOptional()
  @IsIn(MRR_GROUP_BYS)
  groupBy?: MrrGroupBy;
}

export class MrrDrillQueryDto extends MrrMonthQuery {
  @ApiProperty({ enum: MRR_DRILL_KINDS, description: 'The figure to explain: a movement of the month, or total (the MRR in force)' })
  @IsIn(MRR_DRILL_KINDS)
  kind!: MrrDrillKind;

  @ApiPropertyOptional({ example: 'EUR', description: 'Only this currency (ISO 4217)' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: "Only deals this owner currently owns (a row of groupBy=owner)" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'ownerId must be an owner id: 1-100 letters, digits, - or _' })
  @IsString()
  ownerId?: string;

  @OptionalPipelineId('Only deals in this pipeline (a row of groupBy=pipeline)')
  pipelineId?: string;

  @PageLimit(1000, 200)
  limit?: number;

  @PageCursor(1000)
  cursor?: string;
}

export class MrrRowDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'With groupBy=owner: the owner (null: deals without one)' }) ownerId?: string | null;
  @ApiPropertyOptional({ description: 'With groupBy=pipeline' }) pipelineId?: string;
  @ApiProperty({ ...AMOUNT, description: 'MRR of recurring deals won in the month (not renewals)' }) new!: string;
  @ApiProperty({ ...AMOUNT, description: 'MRR added to won contracts in the month: raised amounts, shorter terms, renewals above the renewed MRR' })
  expansion!: string;
  @ApiProperty({ ...AMOUNT, description: 'MRR taken off won contracts in the month (as a positive amount)' }) contraction!: string;
  @ApiProperty({ ...AMOUNT, description: 'MRR of contracts whose term ended the month before without renewal (positive)' }) churn!: string;
  @ApiProperty({ ...AMOUNT, description: 'new + expansion - contraction - churn' }) netNew!: string;
  @ApiProperty({ ...AMOUNT, description: 'The MRR in force in the month' }) total!: string;
  @ApiProperty({ ...AMOUNT, description: 'total × 12' }) arr!: string;
}

export class MrrDrillRowDto {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    enum: ['new', 'expansion', 'contraction', 'churn', 'renewal', 'in-force'],
    description: "The movement's kind; renewal: one side of a renewal (the renewed contract's MRR out, the renewing one's in); in-force for kind=total",
  })
  movement!: string;
  @ApiProperty({ ...AMOUNT, example: '-250.00', description: "Signed change to the deal's MRR; for kind=total the deal's MRR in force" }) mrr!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The event behind it: the win, the change, the renewing win; for churn the win or term change that set the term; for total the latest movement',
  })
  eventId!: string;
  @ApiProperty({ type: 'string', nullable: true }) ownerId!: string | null;
  @ApiProperty() pipelineId!: string;
}
