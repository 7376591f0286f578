// What GET /v1/search and GET /v1/duplicates/{contacts|companies} take and answer.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageCursor, PageLimit } from '../http/dto-fields.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

export const SEARCH_TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : value;

export class SearchQueryDto extends ReadModelQuery {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'What to look for (trimmed): words, an email or a fragment, a domain, a phone number', example: '田中' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ description: 'Comma-separated object types to search (default: all the key may read)', example: 'contacts,companies' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMinSize(1)
  @ArrayMaxSize(SEARCH_TYPES.length)
  @IsIn(SEARCH_TYPES, { each: true })
  types?: SearchType[];

  @PageLimit(100, 20)
  limit?: number;
}

export class DuplicatesQueryDto extends ReadModelQuery {
  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500)
  cursor?: string;
}

const MATCHES = ['email', 'domain', 'phone', 'prefix', 'substring', 'pipeline', 'similar'] as const;

export class SearchHitDto {
  @ApiProperty({ enum: ['contact', 'company', 'deal', 'ticket'] }) type!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ description: "A contact's name (or email), a company's or deal's name, a ticket's subject" }) title!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "A contact's email, a company's domain, a deal's or ticket's pipeline and stage" })
  subtitle!: string | null;
  @ApiProperty({ description: '1: an exact email, domain or phone; 0.8 a word starting with q; 0.6 q anywhere; 0.5 the pipeline name; up to 0.4 a similar word' })
  score!: number;
  @ApiProperty({ enum: MATCHES, description: 'What matched' }) matched!: string;
}

export class DuplicateRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "A contact's email, a company's domain" }) subtitle!: string | null;
}

export class DuplicatePairDto {
  @ApiProperty({ type: DuplicateRecordDto, description: 'The record with the smaller id' }) a!: DuplicateRecordDto;
  @ApiProperty({ type: DuplicateRecordDto }) b!: DuplicateRecordDto;
  @ApiProperty({
    type: [String],
    enum: ['email', 'domain', 'phone', 'name'],
    description: 'email: the same address once lower-cased, without +tag and, for Gmail, without dots; domain: the same company domain; phone: the same digits; name: similar names (contacts: at the same company)',
  })
  reasons!: string[];
  @ApiProperty({ type: 'number', nullable: true, description: 'Trigram similarity of the names (0.6 and up), when name is a reason' })
  nameSimilarity!: number | null;
}
