import { ApiProperty } from '@nestjs/swagger';

export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: String, nullable: true, description: 'The last position of the event log (null: no event yet)', example: '1042' })
  headPosition!: string | null;
}
