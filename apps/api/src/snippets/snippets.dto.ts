// Snippets' bodies and answers. The DTOs check shapes; the rules (the shortcut's spelling, known variables, braces
// that close) are the domain's (checkSnippet) and answer 400 naming the field.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { MAX_SNIPPET_BODY_LENGTH, MAX_SNIPPET_NAME_LENGTH, SHORTCUT_RULE, SNIPPET_VARIABLES } from '#domain/snippet';
import { NullableText, OptionalNonEmptyText, OptionalUuid } from '../http/dto-fields.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

// A lookup takes what a person types after # (any case): a value no shortcut can have is a 400, not an empty answer.
const TYPED_SHORTCUT = /^#?[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const TYPED_PREFIX = /^#?[A-Za-z0-9_-]{0,64}$/;

const VARIABLES = `Variables: ${Object.keys(SNIPPET_VARIABLES).map((v) => `{{${v}}}`).join(', ')}, and {{contact.properties.<name>}} for a defined contact property. An unknown variable is a 400 naming it.`;

export class CreateSnippetDto {
  @ApiProperty({ example: 'hello', description: `Called as #hello: ${SHORTCUT_RULE}; unique (409 naming the snippet that holds it)` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(65)
  shortcut!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Warm hello', description: 'Default: the shortcut' })
  @ValidateIf((_: object, value: unknown) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(MAX_SNIPPET_NAME_LENGTH)
  name?: string | null;

  @ApiProperty({ example: 'Hi {{contact.firstName}}, this is {{owner.name}}.', description: `Plain text with {{variables}}. ${VARIABLES}` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_SNIPPET_BODY_LENGTH)
  body!: string;
}

/** Omitted fields stay as they are. */
export class UpdateSnippetDto {
  @OptionalNonEmptyText(65, { example: 'hi', description: SHORTCUT_RULE })
  shortcut?: string;

  @NullableText(MAX_SNIPPET_NAME_LENGTH, 'Warm hello')
  name?: string | null;

  @OptionalNonEmptyText(MAX_SNIPPET_BODY_LENGTH, { example: 'Hi {{contact.firstName}}', description: VARIABLES })
  body?: string;
}

export class SnippetLookupDto extends ReadModelQuery {
  @ApiPropertyOptional({ example: 'hello', description: 'The one snippet called by this shortcut (with or without its #, any case), read from its claim: no wait for the read model' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(65)
  @Matches(TYPED_SHORTCUT, { message: `shortcut must be ${SHORTCUT_RULE}; any case` })
  shortcut?: string;

  @ApiPropertyOptional({ example: 'he', description: 'Without shortcut: the snippets whose shortcut starts with this (what a typed # completes)' })
  @IsOptional()
  @IsString()
  @MaxLength(65)
  @Matches(TYPED_PREFIX, { message: 'prefix must be the start of a shortcut: letters, digits, _ and -, with or without its #' })
  prefix?: string;
}

export class RenderSnippetDto {
  @OptionalUuid({ description: 'The contact whose values fill {{contact.*}}; its owner fills {{owner.*}} and its company {{company.*}}' })
  contactId?: string;

  @OptionalUuid({ description: "The company for {{company.*}} (default: the contact's)" })
  companyId?: string;

  @OptionalUuid({ description: 'The deal for {{deal.*}}; its owner fills {{owner.*}} when no contact is named' })
  dealId?: string;

  @OptionalUuid({ description: 'The ticket for {{ticket.*}}' })
  ticketId?: string;
}

export class SnippetDto {
  @ApiProperty({ format: 'uuid' }) snippetId!: string;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty({ example: 'hello', description: 'Stored without #, lower-case' }) shortcut!: string;
  @ApiProperty() name!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String], description: 'The variables the body uses, in order of first use' }) variables!: string[];
}

export class SnippetListItemDto {
  @ApiProperty({ format: 'uuid' }) snippetId!: string;
  @ApiProperty({ example: 'hello', description: 'Stored without #, lower-case' }) shortcut!: string;
  @ApiProperty() name!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String], description: 'The variables the body uses, in order of first use' }) variables!: string[];
  @ApiPropertyOptional({ format: 'date-time', description: 'List only: when it last changed' }) updatedAt?: string;
}

export class RenderedSnippetDto {
  @ApiProperty({ format: 'uuid' }) snippetId!: string;
  @ApiProperty() shortcut!: string;
  @ApiProperty({
    example: 'Hi Ada, this is {{owner.name}}.',
    description: 'The body with each value inserted as plain text (never escaped or interpreted); a variable with no value keeps its {{placeholder}} in the text, visibly',
  })
  text!: string;
  @ApiProperty({ type: [String], example: ['owner.name'], description: 'The variables with no value for these records, in order of first use; [] when all were filled' })
  missing!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, description: 'Each variable the body uses and the value inserted (null: missing)' })
  values!: Record<string, string | null>;
}
