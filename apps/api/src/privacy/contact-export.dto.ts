// The export document as the OpenAPI document shows it: the shape a client can rely on (format version 1).
import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_EXPORT_FORMAT, CONTACT_EXPORT_FORMAT_VERSION } from '#application';

export class ExportedEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ContactCreated' }) type!: string;
  @ApiProperty({ example: 'contact-6f1c…' }) streamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Position in the log, as /v1/streams gives it' }) position!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As the store reads it: decrypted, or redacted once the contact is erased' })
  data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
}

export class ContactExportReadModelsDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The score (null when never scored) and its explanation' })
  leadScore!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'GET /v1/contacts/:id/timeline, every page' })
  timeline!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'GET /v1/timelines/contact/:id, every page' })
  recordTimeline!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'GET /v1/engagements?contactId=, every page' })
  engagements!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'GET /v1/contacts/:id/associations, every page' })
  associations!: Record<string, unknown>[];
}

export class ContactExportDocument {
  @ApiProperty({ enum: [CONTACT_EXPORT_FORMAT] }) format!: string;
  @ApiProperty({ enum: [CONTACT_EXPORT_FORMAT_VERSION], description: 'Bumped when a field changes meaning or goes away' }) formatVersion!: number;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ description: 'The API key that asked' }) exportedBy!: string;
  @ApiProperty({ description: 'The contact was erased: personal fields read redacted' }) erased!: boolean;
  @ApiProperty({ type: ExportedEventDto, nullable: true, description: 'The ContactErased event, when erased' }) erasure!: ExportedEventDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The contact as its stream folds it (status active, merged or erased)' })
  contact!: Record<string, unknown>;
  @ApiProperty({
    type: [ExportedEventDto],
    description:
      "The contact's own streams (contact-, activity-, and those of contacts merged into it), then every deal, ticket, engagement, association, survey, workflow-run and email-claim event that names it, in log order",
  })
  events!: ExportedEventDto[];
  @ApiProperty({ type: ContactExportReadModelsDto }) readModels!: ContactExportReadModelsDto;
}
