import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsOmittable } from '../http/validators.js';
import { isDeliverableUrl, isEventTypePattern } from '#webhooks';

@ValidatorConstraint({ name: 'deliverableUrl' })
class DeliverableUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isDeliverableUrl(value);
  }
  defaultMessage(): string {
    return 'url must be an http or https URL (without user or password)';
  }
}

@ValidatorConstraint({ name: 'eventTypePattern' })
class EventTypePattern implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isEventTypePattern(value);
  }
  defaultMessage(): string {
    return "each event type must be a type (DealCreated), a prefix ending in '*' (Deal*), or '*' for every type";
  }
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.com/tally-hooks' })
  @IsString()
  @MaxLength(2_000)
  @Validate(DeliverableUrl)
  url!: string;

  @ApiProperty({ example: ['DealStageChanged', 'Ticket*'], description: "Event types; a trailing '*' makes a prefix; '*' alone is every type" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Validate(EventTypePattern, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ description: 'The signing secret; generated when absent. Returned once, in this answer.' })
  @IsOmittable()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  secret?: string;
}

export class ReplayWebhookDto {
  @ApiProperty({ example: '-1', description: 'Deliver every matching event after this position (exclusive); -1 for the whole log' })
  @IsString()
  @Matches(/^(-1|\d{1,20})(:\d{1,20})?$/, { message: 'from must be a position: digits, or commit:prepare' })
  from!: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ParkedDeliveryView {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Position of the parked event; resume delivers again from it' }) position!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() error!: string;
  @ApiProperty() parkedAt!: string;
}

export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ enum: ['active', 'paused'] }) status!: 'active' | 'paused';
  @ApiProperty({ nullable: true, type: String, description: 'Last position delivered' }) position!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: ParkedDeliveryView }) parked!: ParkedDeliveryView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'The signing secret: shown only now' }) secret!: string;
}

export class DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status!: 'succeeded' | 'failed';
  @ApiProperty({ description: 'Attempt number for this batch (1 = first try)' }) attempt!: number;
  @ApiProperty() eventCount!: number;
  @ApiProperty() firstEventId!: string;
  @ApiProperty() firstPosition!: string;
  @ApiProperty() lastPosition!: string;
  @ApiProperty({ nullable: true, type: Number }) responseStatus!: number | null;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() attemptedAt!: string;
}
