// The fields many bodies and queries share, each one validation rule with its OpenAPI description, so that a rule
// and what the document says of it change together.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsOmittable } from './validators.js';

// Listed as they would stand above a property: they apply bottom-up, which keeps the order of the reasons a 400 gives.
export const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

// null stands for "no value" (clear, unassign); omitted leaves the field as it is.
const isPresent = (_: object, value: unknown) => value !== null && value !== undefined;

/** A required string that is not empty. */
export const Text = (maxLength: number, api: ApiPropertyOptions = {}) =>
  stacked(ApiProperty(api), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** A string that may be omitted or empty, never null. */
export const OptionalText = (maxLength: number, api: ApiPropertyOptions = {}) =>
  stacked(ApiPropertyOptional(api), IsOmittable(), IsString(), MaxLength(maxLength));

/** A new value for a required string: omitted keeps it, empty and null are refused. */
export const OptionalNonEmptyText = (maxLength: number, api: ApiPropertyOptions = {}) =>
  stacked(ApiPropertyOptional(api), IsOmittable(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** A new value for an optional string: omitted keeps it, null or blank clears it. */
// In the order the 400 has always listed its reasons: IsString's before MaxLength's.
export const NullableText = (maxLength: number, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, example, nullable: true, description: 'null or blank clears it' }),
    ValidateIf(isPresent),
    IsString(),
    MaxLength(maxLength),
  );

/** One of `values`. */
export const OneOf = (values: readonly string[], api: ApiPropertyOptions = {}) =>
  stacked(ApiProperty({ enum: values, ...api }), IsIn(values));

export const Uuid = (api: ApiPropertyOptions = {}) => stacked(ApiProperty({ format: 'uuid', ...api }), IsUUID());

export const OptionalUuid = (api: ApiPropertyOptions = {}) =>
  stacked(ApiPropertyOptional({ format: 'uuid', ...api }), IsOmittable(), IsUUID());

/** Up to 100 record ids, when sent. */
export const OptionalUuids = () =>
  stacked(
    ApiPropertyOptional({ type: [String], format: 'uuid' }),
    IsOmittable(),
    IsArray(),
    ArrayMaxSize(100),
    IsUUID(undefined, { each: true }),
  );

/** The owner a record is assigned to; null unassigns. `optional`: omitted keeps the current one. */
export const OwnerIdOrNull = ({ optional = false } = {}) => {
  const api: ApiPropertyOptions = { type: String, format: 'uuid', nullable: true, description: 'null unassigns' };
  return optional
    ? stacked(ApiPropertyOptional(api), ValidateIf(isPresent), IsUUID())
    : // Required, but null is a value: only undefined fails.
      stacked(ApiProperty(api), ValidateIf((_, value) => value !== null), IsUUID());
};

/** `limit` of a paged route: 1 to `maximum` rows, `fallback` when omitted (the controller applies it). */
export const PageLimit = (maximum: number, fallback: number) =>
  stacked(
    ApiPropertyOptional({ minimum: 1, maximum, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );

/** `cursor` of a paged route: the nextCursor (JSON) or X-Next-Cursor (CSV) of the previous page. */
export const PageCursor = (maxLength: number, description = 'nextCursor of the previous page') =>
  stacked(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(maxLength));
