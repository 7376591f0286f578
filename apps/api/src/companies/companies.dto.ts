import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { NullableText, OptionalNonEmptyText, OptionalText, Text } from '../http/dto-fields.js';
import { IsOmittable } from '../http/validators.js';
import { PropertyValuesField } from '../properties/properties.dto.js';
import type { PropertyValues } from '#domain/shared';

const MAX_EMPLOYEES = 10_000_000;

export class CreateCompanyDto {
  @Text(200, { example: 'Acme Ltd' })
  name!: string;

  @OptionalText(253, { example: 'acme.com', description: 'Unique across companies; https://www.Acme.com/about counts as acme.com' })
  domain?: string;

  @OptionalText(200, { example: 'Manufacturing' })
  industry?: string;

  @ApiPropertyOptional({ example: 250, minimum: 0 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEES)
  employees?: number;

  @OptionalText(100, { example: 'GB' })
  country?: string;

  @PropertyValuesField('Custom properties, each defined for companies (GET /v1/properties/companies); a unique one must be free')
  properties?: PropertyValues;
}

export class UpdateCompanyDto {
  @OptionalNonEmptyText(200, { example: 'Acme Group' })
  name?: string;

  @NullableText(253, 'acme.com')
  domain?: string | null;

  @NullableText(200, 'Manufacturing')
  industry?: string | null;

  @ApiPropertyOptional({ type: Number, example: 250, minimum: 0, nullable: true, description: 'null clears it' })
  @ValidateIf((_: object, value: unknown) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEES)
  employees?: number | null;

  @NullableText(100, 'GB')
  country?: string | null;

  @PropertyValuesField('Only the custom properties to set; null clears one')
  properties?: PropertyValues;
}
