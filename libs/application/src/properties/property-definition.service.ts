import {
  OBJECT_TYPE_PLURALS,
  definedProperty,
  propertyDefinitionDecider,
  propertyDefinitionStream,
  type ChangePropertyDefinition,
  type DefineProperty,
  type ObjectType,
  type PropertyDefinition,
  type PropertyDefinitionsState,
} from '#domain/property-definition';
import { notFound } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

export type NewPropertyDefinition = Omit<DefineProperty['data'], 'objectType'>;
export type PropertyDefinitionChanges = Omit<ChangePropertyDefinition['data'], 'objectType' | 'name'>;

/** The definitions of a type as they stand, with the stream revision they were read at. */
export type PropertyDefinitions = Readonly<{ objectType: ObjectType; state: PropertyDefinitionsState; revision: number }>;

/** Read fresh on every call: a definition changed by another request is never judged from a stale copy. */
export const loadPropertyDefinitions = async (executor: CommandExecutor, objectType: ObjectType): Promise<PropertyDefinitions> => {
  const { state, revision } = await executor.load(propertyDefinitionStream(objectType), propertyDefinitionDecider);
  return { objectType, state, revision };
};

/** Define, change, remove and read the custom properties of an object type: one stream per type. */
export class PropertyDefinitionService {
  constructor(private readonly executor: CommandExecutor) {}

  define(objectType: ObjectType, definition: NewPropertyDefinition, context: RequestContext): Promise<CommandResult> {
    const command: DefineProperty = { type: 'DefineProperty', data: { objectType, ...definition }, metadata: { now: context.now } };
    return this.executor.execute(propertyDefinitionStream(objectType), propertyDefinitionDecider, command, context);
  }

  change(objectType: ObjectType, name: string, changes: PropertyDefinitionChanges, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const command: ChangePropertyDefinition = {
      type: 'ChangePropertyDefinition',
      data: { objectType, name, ...changes },
      metadata: { now: context.now },
    };
    return this.executor.execute(propertyDefinitionStream(objectType), propertyDefinitionDecider, command, context, options);
  }

  remove(objectType: ObjectType, name: string, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const command = { type: 'RemovePropertyDefinition', data: { objectType, name }, metadata: { now: context.now } } as const;
    return this.executor.execute(propertyDefinitionStream(objectType), propertyDefinitionDecider, command, context, options);
  }

  /** Defined properties in the order they were first defined; removed ones too when asked. */
  async list(objectType: ObjectType, includeRemoved = false): Promise<readonly PropertyDefinition[]> {
    const { state } = await loadPropertyDefinitions(this.executor, objectType);
    return [...state.definitions.values()].filter((definition) => includeRemoved || !definition.removed);
  }

  async get(objectType: ObjectType, name: string): Promise<PropertyDefinition> {
    const { state } = await loadPropertyDefinitions(this.executor, objectType);
    const definition = definedProperty(state, name);
    if (definition === undefined) throw notFound(`property of ${OBJECT_TYPE_PLURALS[objectType]}`, name);
    return definition;
  }
}
