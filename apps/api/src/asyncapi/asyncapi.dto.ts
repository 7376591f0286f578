import { ApiProperty } from '@nestjs/swagger';

/** The top of an AsyncAPI 3.0 document; the rest follows the AsyncAPI specification. */
export class AsyncApiDocumentView {
  @ApiProperty({ example: '3.0.0' }) asyncapi!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) info!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'This server, as the caller reached it' })
  servers!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The SSE streams and the webhook deliveries' })
  channels!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) operations!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "Every event type's message and data schema" })
  components!: Record<string, unknown>;
}
