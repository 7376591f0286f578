import type { Command } from '../shared/index.js';
import type { ObjectType, PropertyOption, PropertyType } from './property-definition.events.js';

/** Decided on propertyDefinitionStream(objectType). options: enum only; unique: string and number only. */
export type DefineProperty = Command<
  'DefineProperty',
  Readonly<{ objectType: ObjectType; name: string; label: string; type: PropertyType; options?: readonly PropertyOption[]; unique?: boolean }>
>;
/** Only what to change; omitted fields stay as they are. */
export type ChangePropertyDefinition = Command<
  'ChangePropertyDefinition',
  Readonly<{ objectType: ObjectType; name: string; label?: string; options?: readonly PropertyOption[]; unique?: boolean }>
>;
export type RemovePropertyDefinition = Command<'RemovePropertyDefinition', Readonly<{ objectType: ObjectType; name: string }>>;

export type PropertyDefinitionCommand = DefineProperty | ChangePropertyDefinition | RemovePropertyDefinition;
