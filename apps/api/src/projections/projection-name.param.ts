import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ProjectionNameParam {
  @ApiProperty({ example: 'lead-score' })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'name must be a projection name such as lead-score' })
  name!: string;
}
