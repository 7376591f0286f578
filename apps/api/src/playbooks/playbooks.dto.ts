// Playbooks' bodies and answers. The DTOs check shapes; the rules (question ids unique, options only on choice
// questions, a mapsTo that names a contact property of a fitting type) are the domain's (checkPlaybook) and answer
// 400 naming the field, such as questions[1].mapsTo.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  MAX_OPTION_LENGTH,
  MAX_OPTIONS,
  MAX_PLAYBOOK_NAME_LENGTH,
  MAX_QUESTION_TEXT_LENGTH,
  MAX_QUESTIONS,
  PLAYBOOK_TEAMS,
  QUESTION_ID_PATTERN,
  QUESTION_TYPES,
  type PlaybookTeam,
  type QuestionType,
} from '#domain/playbook';
import { OptionalUuid, Uuid } from '../http/dto-fields.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';
import { IsOmittable } from '../http/validators.js';

const isPresent = (_: object, value: unknown) => value !== null && value !== undefined;

export class PlaybookQuestionDto {
  @ApiProperty({ example: 'budget', description: `Unique in the playbook; the key of its answer: ${QUESTION_ID_PATTERN}` })
  @IsString()
  @MaxLength(64)
  id!: string;

  @ApiProperty({ example: 'What budget do you have?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_QUESTION_TEXT_LENGTH)
  text!: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiPropertyOptional({ type: [String], example: ['yes', 'no'], description: 'Choice questions only: 2 or more options' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @IsString({ each: true })
  @MaxLength(MAX_OPTION_LENGTH, { each: true })
  options?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'jobTitle',
    description:
      'The contact property an answer sets: a built-in field (firstName, lastName, phone, jobTitle, country) or a defined custom ' +
      'property of a fitting type (text: string; number: number; choice: string or enum with every option among its values)',
  })
  @ValidateIf(isPresent)
  @IsString()
  @MaxLength(64)
  mapsTo?: string | null;
}

export class CreatePlaybookDto {
  @ApiProperty({ example: 'Discovery call' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PLAYBOOK_NAME_LENGTH)
  name!: string;

  @ApiProperty({ enum: PLAYBOOK_TEAMS, description: 'The team the playbook belongs to; a key of another role gets 403 PLAYBOOK_TEAM_FORBIDDEN (super-admin writes all)' })
  @IsIn(PLAYBOOK_TEAMS)
  team!: PlaybookTeam;

  @ApiProperty({ type: () => PlaybookQuestionDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => PlaybookQuestionDto)
  questions!: PlaybookQuestionDto[];
}

/** Omitted fields stay; the team never changes. A change makes a new version. */
export class RevisePlaybookDto {
  @ApiPropertyOptional({ example: 'Discovery call v2' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PLAYBOOK_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: () => PlaybookQuestionDto, isArray: true, description: 'The whole question list of the new version' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => PlaybookQuestionDto)
  questions?: PlaybookQuestionDto[];
}

export class RunPlaybookDto {
  @Uuid({ description: 'The playbook followed (its current version)' })
  playbookId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { budget: 50000, role: 'CTO' },
    description: 'Question id to answer: text for text questions, a number for number questions, one of the options for choice questions. Each problem is a 400 naming answers.<questionId>.',
  })
  @IsObject()
  answers!: Record<string, unknown>;

  @OptionalUuid({ description: "The contact the mapped answers update; default: the engagement's only contact (required when it has several)" })
  contactId?: string;
}

export class PlaybookQuestionViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty({ type: [String] }) options!: string[];
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: String, nullable: true }) mapsTo!: string | null;
}

export class PlaybookDto {
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty({ description: 'The stream revision; send it back as If-Match' }) revision!: number;
  @ApiProperty({ description: 'The version runs record: 1, then one more per revision' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLAYBOOK_TEAMS }) team!: string;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: () => PlaybookQuestionViewDto, isArray: true }) questions!: PlaybookQuestionViewDto[];
}

export class PlaybookRunResponse {
  @ApiProperty({ format: 'uuid', description: 'The run' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ format: 'uuid', description: "The PlaybookRunRecorded event's id: the causation id of the contact's change" }) runEventId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The contact the mapped answers updated' }) contactId!: string | null;
  @ApiProperty({ description: "The engagement stream's revision after the run" }) revision!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of the last event written; pass as minPosition to read your write' }) position!: string | null;
  @ApiProperty({ type: [String], description: 'The types of the events appended, on the engagement and then the contact' }) events!: string[];
}

export class PlaybookListQueryDto extends ReadModelQuery {
  @ApiPropertyOptional({ enum: PLAYBOOK_TEAMS, description: "Only this team's playbooks" })
  @IsOmittable()
  @IsIn(PLAYBOOK_TEAMS)
  team?: PlaybookTeam;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: the archived ones too (default false)' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';
}

export class PlaybookListItemDto {
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLAYBOOK_TEAMS }) team!: string;
  @ApiProperty() version!: number;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: () => PlaybookQuestionViewDto, isArray: true }) questions!: PlaybookQuestionViewDto[];
  @ApiProperty({ format: 'date-time', description: 'When its last version was written or it was archived' }) updatedAt!: string;
}
