import { Body, Delete, Get, Inject, Injectable, Param, Patch, Query, type PipeTransform } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CommandExecutor, PropertyDefinitionService, validationFailed, type RequestContext } from '#application';
import type { ObjectType, PropertyDefinition } from '#domain/property-definition';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute } from '../http/routes.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
import {
  ChangePropertyDto,
  DefinePropertyDto,
  OBJECT_TYPE_PATHS,
  PropertyDefinitionList,
  PropertyDefinitionView,
  PropertyListQueryDto,
} from './properties.dto.js';

/** `{type}` of the path: contacts, companies, deals or tickets; 400 naming `type` otherwise. */
@Injectable()
class ObjectTypePipe implements PipeTransform<string, ObjectType> {
  transform(value: string): ObjectType {
    if (Object.hasOwn(OBJECT_TYPE_PATHS, value)) return OBJECT_TYPE_PATHS[value];
    const reason = `type must be one of ${Object.keys(OBJECT_TYPE_PATHS).join(', ')}`;
    throw validationFailed([{ field: 'type', reason }], reason);
  }
}

const TypeParam = () => Param('type', new ObjectTypePipe());
const TYPE_PARAM = { name: 'type', enum: Object.keys(OBJECT_TYPE_PATHS) };

const view = ({ options, ...definition }: PropertyDefinition): PropertyDefinitionView => ({ ...definition, options: [...options] });

@ApiRoutes('properties', 'v1/properties')
@ApiParam(TYPE_PARAM)
export class PropertiesController {
  private readonly properties: PropertyDefinitionService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.properties = new PropertyDefinitionService(executor);
  }

  @CreateRoute('Define a custom property of contacts, companies, deals or tickets; every write of that type is checked against it', ':type')
  @ApiConflictResponse({ description: 'The type already has a property by this name' })
  @ApiUnprocessableEntityResponse({ description: 'A built-in field name, an enum without options, a unique property that is no string or number' })
  async define(@TypeParam() objectType: ObjectType, @Body() body: DefinePropertyDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return toResponse(body.name, await this.properties.define(objectType, body, context));
  }

  @Get(':type')
  @ApiOperation({ summary: 'The custom properties of a type, in the order they were defined' })
  @ApiOkResponse({ type: PropertyDefinitionList })
  async list(@TypeParam() objectType: ObjectType, @Query() { includeRemoved }: PropertyListQueryDto): Promise<PropertyDefinitionList> {
    return { items: (await this.properties.list(objectType, includeRemoved === 'true')).map(view) };
  }

  @Get(':type/:name')
  @ApiOperation({ summary: 'One custom property of a type' })
  @ApiOkResponse({ type: PropertyDefinitionView })
  @ApiNotFoundResponse({ description: 'Never defined, or removed' })
  async get(@TypeParam() objectType: ObjectType, @Param('name') name: string): Promise<PropertyDefinitionView> {
    return view(await this.properties.get(objectType, name));
  }

  @CommandRoute(Patch(':type/:name'), "Change a property's label, enum options or uniqueness (off only); its name and type stay")
  @ApiNotFoundResponse({ description: 'Never defined, or removed' })
  @ApiUnprocessableEntityResponse({ description: 'Options on a property that is no enum, or turning unique on after the definition' })
  async change(
    @TypeParam() objectType: ObjectType,
    @Param('name') name: string,
    @Body() changes: ChangePropertyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return toResponse(name, await this.properties.change(objectType, name, changes, context, { ifMatch }));
  }

  @CommandRoute(Delete(':type/:name'), 'Remove a property: writes naming it are refused from now on; values written before stay in the log')
  @ApiNotFoundResponse({ description: 'Never defined, or removed' })
  async remove(
    @TypeParam() objectType: ObjectType,
    @Param('name') name: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return toResponse(name, await this.properties.remove(objectType, name, context, { ifMatch }));
  }
}
