import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { OWNER_ROLES, type OwnerRole } from '#domain/owner';
import { IsEmailAddress, IsOmittable } from '../http/validators.js';

export class CreateOwnerDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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

  @ApiProperty({ enum: OWNER_ROLES })
  @IsIn(OWNER_ROLES)
  role!: OwnerRole;
}

export class UpdateOwnerDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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
