import { ApiProperty } from '@nestjs/swagger';
import { OneOf, OptionalUuid, OwnerIdOrNull, Text } from '../http/dto-fields.js';
import { TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from '#domain/ticket';
import { OptionalPipelineIdField, StageIdField } from '../pipelines/pipelines.dto.js';

export class CreateTicketDto {
  @Text(500, { example: 'Cannot export invoices' })
  subject!: string;

  @OptionalPipelineIdField({ example: 'support', description: "The ticket pipeline; default 'support'" })
  pipelineId?: string;

  @StageIdField({ example: 'new', description: "Default: the pipeline's first open stage" }, { optional: true })
  stageId?: string;

  @OneOf(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @OptionalUuid()
  ownerId?: string;

  @OptionalUuid()
  contactId?: string;

  @OptionalUuid()
  dealId?: string;
}

export class MoveTicketToStageDto {
  @StageIdField({ example: 'closed' })
  stageId!: string;
}

export class AssignTicketOwnerDto {
  @OwnerIdOrNull()
  ownerId!: string | null;
}

export class ChangeTicketPriorityDto {
  @OneOf(TICKET_PRIORITIES)
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
