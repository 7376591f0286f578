import { Body, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type ApiKey, type ApiKeys, type CreatedKey, type Role } from '#auth';
import { CommandExecutor, type RequestContext } from '#application';
import { ownerDecider, ownerStream } from '#domain/owner';
import { notFound } from '#domain/shared';
import { OptionalUuid } from '../http/dto-fields.js';
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

  @OptionalUuid({ description: "Binds the key to this owner: its engagements are the owner's and GET /v1/tasks lists the owner's tasks" })
  ownerId?: string;
}

export class KeyIdParam {
  @ApiProperty()
  @Matches(/^[a-z0-9]{16}$/, { message: 'keyId must be a key id (16 characters)' })
  keyId!: string;
}

@ApiRoutes('keys', 'v1/keys')
export class KeysController {
  constructor(
    @Inject(API_KEYS) private readonly keys: ApiKeys,
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key with a role (super-admin only), bound to an owner or not; the secret is shown this once' })
  @ApiCreatedResponse({ type: CreatedKeyView })
  @ApiNotFoundResponse({ description: 'ownerId names no owner' })
  async create(@Body() { name, role, ownerId }: CreateKeyDto, @Ctx() context: RequestContext): Promise<CreatedKey> {
    if (ownerId !== undefined) {
      // The owner's own stream is the authority: a key is never bound to an owner the read models have not seen yet.
      const { state } = await this.executor.load(ownerStream(ownerId), ownerDecider);
      if (state.status === 'absent') throw notFound('owner', ownerId);
    }
    return this.keys.create(name, role, context.actor, { ownerId });
  }

  @Get()
  @ApiOperation({ summary: 'Every key: id, name, role, bound owner, who created it, whether revoked (never the secret)' })
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
