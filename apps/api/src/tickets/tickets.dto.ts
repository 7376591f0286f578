import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '../http/validators.js';
import { TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from '#domain/ticket';
import { PIPELINE_ID, PIPELINE_ID_RULE, STAGE_ID, STAGE_ID_RULE } from '../pipelines/id-param.pipe.js';

export class CreateTicketDto {
  @ApiProperty({ example: 'Cannot export invoices' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  subject!: string;

  @ApiPropertyOptional({ example: 'support', description: "The ticket pipeline; default 'support'" })
  @IsOmittable()
  @Matches(PIPELINE_ID, { message: `pipelineId must be ${PIPELINE_ID_RULE}` })
  pipelineId?: string;

  @ApiPropertyOptional({ example: 'new', description: "Default: the pipeline's first open stage" })
  @IsOmittable()
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId?: string;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  dealId?: string;
}

export class MoveTicketToStageDto {
  @ApiProperty({ example: 'closed' })
  @Matches(STAGE_ID, { message: `stageId must be ${STAGE_ID_RULE}` })
  stageId!: string;
}

export class AssignTicketOwnerDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null unassigns' })
  // Required, but null is a value: only undefined fails.
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  ownerId!: string | null;
}

export class ChangeTicketPriorityDto {
  @ApiProperty({ enum: TICKET_PRIORITIES })
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;
}

/** A ticket folded from its stream, with the revision to send back as If-Match. */
export class TicketView {
  @ApiProperty() ticketId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: TicketStatus;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: TicketPriority;
  @ApiProperty({ nullable: true, type: String }) ownerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String }) dealId!: string | null;
  @ApiProperty() revision!: number;
}
