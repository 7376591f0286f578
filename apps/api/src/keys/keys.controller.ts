import { Body, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type ApiKey, type ApiKeys, type CreatedKey, type Role } from '#auth';
import type { RequestContext } from '#application';
import { notFound } from '#domain/shared';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes } from '../http/routes.js';
import { API_KEYS } from '../tokens.js';
import { CreatedKeyView, KeyList, KeyView } from './keys.dto.js';

export class CreateKeyDto {
  @ApiProperty({ example: 'warehouse loader' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class KeyIdParam {
  @ApiProperty()
  @Matches(/^[a-z0-9]{16}$/, { message: 'keyId must be a key id (16 characters)' })
  keyId!: string;
}

@ApiRoutes('keys', 'v1/keys')
export class KeysController {
  constructor(@Inject(API_KEYS) private readonly keys: ApiKeys) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key with a role (super-admin only); the secret is shown this once' })
  @ApiCreatedResponse({ type: CreatedKeyView })
  create(@Body() body: CreateKeyDto, @Ctx() context: RequestContext): Promise<CreatedKey> {
    return this.keys.create(body.name, body.role, context.actor);
  }

  @Get()
  @ApiOperation({ summary: 'Every key: id, name, role, who created it, whether revoked (never the secret)' })
  @ApiOkResponse({ type: KeyList })
  async list(): Promise<{ data: ApiKey[] }> {
    return { data: await this.keys.list() };
  }

  @Delete(':keyId')
  @ApiOperation({ summary: 'Revoke a key: it stops working at once' })
  @ApiOkResponse({ type: KeyView })
  async revoke(@Param() { keyId }: KeyIdParam): Promise<ApiKey> {
    const revoked = await this.keys.revoke(keyId);
    if (!revoked) throw notFound('API key', keyId);
    return revoked;
  }
}
