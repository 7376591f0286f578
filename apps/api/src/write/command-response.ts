import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CommandResult } from '#application';

/** What every command answers: the record, its stream revision (for If-Match) and the global position. */
export class CommandResponse {
  @ApiProperty({ description: 'The id of the record the command acted on' }) id!: string;
  @ApiProperty({ description: 'The stream revision after the command; send it back as If-Match' }) revision!: number;
  @ApiPropertyOptional({
    description: 'Global position of the last event written (null when nothing changed); pass as minPosition to read your write',
    nullable: true,
    type: String,
  })
  position!: string | null;
  @ApiProperty({ description: 'The types of the events the command appended', type: [String] }) events!: string[];
}

export const toResponse = (id: string, result: CommandResult): CommandResponse => ({
  id,
  revision: result.revision,
  position: result.position,
  events: result.events.map((e) => e.type),
});
