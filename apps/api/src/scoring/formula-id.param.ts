import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class FormulaIdParam {
  @ApiProperty({ description: 'SHA-256 of the formula\'s canonical JSON (64 hex characters)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'id must be a formula id: 64 lower-case hex characters' })
  id!: string;
}
