import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, Matches, ValidateBy, ValidateNested } from 'class-validator';
import {
  MAX_PROPERTY_LABEL_LENGTH,
  MAX_PROPERTY_OPTIONS,
  MAX_PROPERTY_TEXT_LENGTH,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  type ObjectType,
  type PropertyType,
} from '#domain/property-definition';
import { OneOf, OptionalNonEmptyText, stacked, Text } from '../http/dto-fields.js';
import { IsOmittable } from '../http/validators.js';

const MAX_PROPERTY_VALUES = 200;

// The shape only: whether each name is defined and each value fits its type is checked against the definitions
// (400 naming `properties.<name>`).
const isPropertyValues = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_PROPERTY_VALUES &&
  Object.values(value).every(
    (entry) =>
      entry === null ||
      typeof entry === 'boolean' ||
      (typeof entry === 'number' && Number.isFinite(entry)) ||
      (typeof entry === 'string' && entry.length <= MAX_PROPERTY_TEXT_LENGTH),
  );

const propertiesSchema: ApiPropertyOptions = {
  type: 'object',
  // null clears a property; OpenAPI 3.0 lets only a typed schema be nullable.
  additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
  example: { advertiser_id: 'ADV-1042', seats: 12, renewal_on: '2027-01-31' },
};

/** Custom property values of a record's body: each must be defined for the type (GET /v1/properties/{type}). */
export const PropertyValuesField = (description: string) =>
  stacked(
    ApiPropertyOptional({ ...propertiesSchema, description }),
    IsOmittable(),
    ValidateBy({
      name: 'isPropertyValues',
      validator: {
        validate: isPropertyValues,
        defaultMessage: () =>
          `properties must be a flat object (up to ${MAX_PROPERTY_VALUES} names) of string, number, boolean or null values`,
      },
    }),
  );

/** The plural in the path, as URLs name types. */
export const OBJECT_TYPE_PATHS: Readonly<Record<string, ObjectType>> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  tickets: 'ticket',
};

const NAME_RULE = 'must start with a lower-case letter, then up to 63 lower-case letters, digits or _';

export class PropertyOptionDto {
  @Text(MAX_PROPERTY_LABEL_LENGTH, { example: 'gold', description: 'The value records carry' })
  value!: string;

  @Text(MAX_PROPERTY_LABEL_LENGTH, { example: 'Gold' })
  label!: string;
}

const Options = () =>
  stacked(
    ApiPropertyOptional({ type: [PropertyOptionDto], description: 'The choices of an enum (at least one, values unique); nothing else has options' }),
    IsOmittable(),
    IsArray(),
    ArrayMaxSize(MAX_PROPERTY_OPTIONS),
    ValidateNested({ each: true }),
    Type(() => PropertyOptionDto),
  );

export class DefinePropertyDto {
  @ApiProperty({ example: 'advertiser_id', pattern: PROPERTY_NAME_PATTERN.source, description: 'Unique per type; never a built-in field' })
  @Matches(PROPERTY_NAME_PATTERN, { message: `name ${NAME_RULE}` })
  name!: string;

  @Text(MAX_PROPERTY_LABEL_LENGTH, { example: 'Advertiser ID' })
  label!: string;

  @OneOf(PROPERTY_TYPES, { description: 'Fixed once defined: a different type is a new property' })
  type!: PropertyType;

  @Options()
  options?: PropertyOptionDto[];

  @ApiPropertyOptional({ default: false, description: 'No two records of the type may hold the same value (string and number only)' })
  @IsOmittable()
  @IsBoolean()
  unique?: boolean;
}

export class ChangePropertyDto {
  @OptionalNonEmptyText(MAX_PROPERTY_LABEL_LENGTH, { example: 'Advertiser' })
  label?: string;

  @Options()
  options?: PropertyOptionDto[];

  @ApiPropertyOptional({ description: 'May be turned off; turning it on after the definition is refused (422): define a new unique property' })
  @IsOmittable()
  @IsBoolean()
  unique?: boolean;
}

export class PropertyListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'List removed properties too' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  includeRemoved?: 'true' | 'false';
}

export class PropertyOptionView {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

export class PropertyDefinitionView {
  @ApiProperty({ enum: ['contact', 'company', 'deal', 'ticket'] }) objectType!: ObjectType;
  @ApiProperty({ example: 'advertiser_id' }) name!: string;
  @ApiProperty({ example: 'Advertiser ID' }) label!: string;
  @ApiProperty({ enum: PROPERTY_TYPES }) type!: PropertyType;
  @ApiProperty({ type: [PropertyOptionView] }) options!: PropertyOptionView[];
  @ApiProperty() unique!: boolean;
  @ApiProperty({ description: 'Removed: writes naming it are refused; values written before stay in the log' }) removed!: boolean;
}

export class PropertyDefinitionList {
  @ApiProperty({ type: [PropertyDefinitionView] }) items!: PropertyDefinitionView[];
}
