import { ApiProperty } from '@nestjs/swagger';
import type { JsonSchema } from '#domain/shared';

export class CatalogEntryView {
  @ApiProperty({ example: 'ContactCreated' }) type!: string;
  @ApiProperty({ example: 2 }) schemaVersion!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The JSON Schema of the event's data" }) schema!: JsonSchema;
}

export class EventCatalogView {
  @ApiProperty({ type: [CatalogEntryView] }) data!: CatalogEntryView[];
}
