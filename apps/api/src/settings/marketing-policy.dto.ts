import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable } from '../http/validators.js';
import {
  CONTACT_SOURCES,
  LOCKED_SOURCES,
  MARKETING_STATUSES,
  type ContactSource,
  type MarketingPolicy,
  type MarketingStatus,
} from '#domain/marketing-policy';

const Status = () => applyDecorators(ApiPropertyOptional({ enum: MARKETING_STATUSES }), IsOmittable(), IsIn(MARKETING_STATUSES));

/** Only the sources to change; the others keep their status. */
export class MarketingPolicyChangesDto implements Partial<MarketingPolicy> {
  @Status() form?: MarketingStatus;
  @Status() import?: MarketingStatus;
  @Status() integration?: MarketingStatus;
  @Status() conversation?: MarketingStatus;
  @Status() manual?: MarketingStatus;
  @Status() mobile?: MarketingStatus;
  @Status() 'email-logging'?: MarketingStatus;
  @Status() meeting?: MarketingStatus;
  @Status() api?: MarketingStatus;
}

export class ChangeMarketingPolicyDto {
  @ApiProperty({ type: MarketingPolicyChangesDto, description: `Locked to non-marketing: ${LOCKED_SOURCES.join(', ')}` })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MarketingPolicyChangesDto)
  policy!: MarketingPolicyChangesDto;

  @ApiPropertyOptional({ example: 'Imported lists are opted in from now on' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class MarketingPolicyRecord {
  @ApiProperty({ description: 'The settings stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty({ type: MarketingPolicyChangesDto, description: 'The marketing status new contacts get, by source', example: { form: 'marketing' } })
  policy!: MarketingPolicy;
  @ApiProperty({ enum: CONTACT_SOURCES, isArray: true, description: 'Sources whose status cannot change' })
  lockedSources!: readonly ContactSource[];
}
