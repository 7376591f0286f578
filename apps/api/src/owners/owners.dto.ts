import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { OWNER_ROLES, type OwnerRole } from '#domain/owner';
import { OneOf, OptionalNonEmptyText, Text } from '../http/dto-fields.js';
import { IsEmailAddress, IsOmittable } from '../http/validators.js';

export class CreateOwnerDto {
  @Text(200, { example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @IsEmailAddress()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ type: String, example: 'EMEA sales', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string | null;

  @OneOf(OWNER_ROLES)
  role!: OwnerRole;
}

export class UpdateOwnerDto {
  @OptionalNonEmptyText(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsEmail()
  @IsEmailAddress()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears the team' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(200)
  team?: string | null;

  @ApiPropertyOptional({ enum: OWNER_ROLES })
  @IsOmittable()
  @IsIn(OWNER_ROLES)
  role?: OwnerRole;
}
