import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsOmittable } from '../http/validators.js';

const MAX_EMPLOYEES = 10_000_000;

export class CreateCompanyDto {
  @ApiProperty({ example: 'Acme Ltd' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'acme.com', description: 'Unique across companies; https://www.Acme.com/about counts as acme.com' })
  @IsOmittable()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @ApiPropertyOptional({ example: 'Manufacturing' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  industry?: string;

  @ApiPropertyOptional({ example: 250, minimum: 0 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEES)
  employees?: number;

  @ApiPropertyOptional({ example: 'GB' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  country?: string;
}

const Nullable = () => ValidateIf((_: object, value: unknown) => value !== null && value !== undefined);

const NullableText = (maxLength: number, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, example, nullable: true, description: 'null or blank clears it' }),
    Nullable(),
    IsString(),
    MaxLength(maxLength),
  );

export class UpdateCompanyDto {
  @ApiPropertyOptional({ example: 'Acme Group' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @NullableText(253, 'acme.com')
  domain?: string | null;

  @NullableText(200, 'Manufacturing')
  industry?: string | null;

  @ApiPropertyOptional({ type: Number, example: 250, minimum: 0, nullable: true, description: 'null clears it' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEES)
  employees?: number | null;

  @NullableText(100, 'GB')
  country?: string | null;
}
