import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import type { PropertyValues } from '#domain/shared';
import { OneOf, OptionalUuid, OptionalUuids, OwnerIdOrNull, Text } from '../http/dto-fields.js';
import { PropertyValuesField } from '../properties/properties.dto.js';
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

  @OptionalUuid({ description: 'One contact; the same as contactIds: [contactId]' })
  contactId?: string;

  @OptionalUuid({ description: 'One deal; the same as dealIds: [dealId]' })
  dealId?: string;

  @OptionalUuids()
  contactIds?: string[];

  @OptionalUuids()
  companyIds?: string[];

  @OptionalUuids()
  dealIds?: string[];

  @PropertyValuesField('Custom properties, each defined for tickets (GET /v1/properties/tickets); a unique one must be free')
  properties?: PropertyValues;
}

export class UpdateTicketDto {
  @PropertyValuesField('Only the custom properties to set; null clears one')
  @IsDefined()
  properties!: PropertyValues;
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
  @ApiProperty({ nullable: true, type: String, description: 'The first of contactIds' }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The first of dealIds' }) dealId!: string | null;
  @ApiProperty({ type: [String] }) contactIds!: string[];
  @ApiProperty({ type: [String] }) companyIds!: string[];
  @ApiProperty({ type: [String] }) dealIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Custom properties with a value' }) properties!: PropertyValues;
  @ApiProperty() revision!: number;
}
