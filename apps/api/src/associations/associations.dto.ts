import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_ASSOCIATION_LABEL_LENGTH, OBJECT_TYPES, type ObjectType } from '#domain/association';
import { PageCursor, PageLimit, stacked } from '../http/dto-fields.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';

export class RecordRefDto {
  @ApiProperty({ enum: OBJECT_TYPES, description: 'The object type, singular' })
  @IsIn(OBJECT_TYPES)
  type!: ObjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

const Ref = (description: string) =>
  stacked(ApiProperty({ type: RecordRefDto, description }), IsDefined(), ValidateNested(), Type(() => RecordRefDto));

export class AssociationDto {
  @Ref('One record')
  from!: RecordRefDto;

  @Ref('The other record, of another object type (the order does not matter)')
  to!: RecordRefDto;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_ASSOCIATION_LABEL_LENGTH,
    example: 'Billing contact',
    description:
      'Free text, trimmed. `primary` is the primary company of a contact or a deal. PUT: omitted or null is a plain ' +
      'association. DELETE: omitted removes every label of the pair, null the plain association only; a deal keeps its primary company (409).',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(MAX_ASSOCIATION_LABEL_LENGTH)
  label?: string | null;
}

export class AssociationsQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ enum: OBJECT_TYPES, description: 'Only associations with records of this object type' })
  @IsOptional()
  @IsIn(OBJECT_TYPES)
  type?: ObjectType;

  @ApiPropertyOptional({ description: 'Only this label (`primary`: the primary company)', maxLength: MAX_ASSOCIATION_LABEL_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ASSOCIATION_LABEL_LENGTH)
  label?: string;

  @PageLimit(500, 50)
  limit?: number;

  @PageCursor(500)
  cursor?: string;
}

export class AssociationEntryDto {
  @ApiProperty({ enum: OBJECT_TYPES }) type!: ObjectType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'null: a plain association; `primary`: the primary company' }) label!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the association with this label was made (business time)' }) associatedAt!: string;
}
