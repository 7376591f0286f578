import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, MinLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { PageLimit } from '../http/dto-fields.js';
import { IsOmittable } from '../http/validators.js';
import { isDeliverableUrl, isEventTypePattern } from '#webhooks';

const stringRule = (name: string, isValid: (value: string) => boolean, message: string, options?: ValidationOptions) =>
  ValidateBy({ name, validator: { validate: (value) => typeof value === 'string' && isValid(value), defaultMessage: () => message } }, options);

const IsDeliverableUrl = () => stringRule('deliverableUrl', isDeliverableUrl, 'url must be an http or https URL (without user or password)');

const AreEventTypePatterns = () =>
  stringRule(
    'eventTypePattern',
    isEventTypePattern,
    "each event type must be a type (DealCreated), a prefix ending in '*' (Deal*), or '*' for every type",
    { each: true },
  );

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.com/tally-hooks' })
  @IsString()
  @MaxLength(2_000)
  @IsDeliverableUrl()
  url!: string;

  @ApiProperty({ example: ['DealStageChanged', 'Ticket*'], description: "Event types; a trailing '*' makes a prefix; '*' alone is every type" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @AreEventTypePatterns()
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
  @PageLimit(500, 50)
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
