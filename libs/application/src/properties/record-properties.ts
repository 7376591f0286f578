// The check every record write that carries custom property values goes through: the values are held to the
// type's definitions (400 naming `properties.<name>`), and the values of unique properties are claimed on their own
// streams before the record is written (409 with the holder's id), as contact emails and company domains are.
import { companyDecider, companyStream } from '#domain/company';
import { contactDecider, contactStream } from '#domain/contact';
import { dealDecider, dealStream } from '#domain/deal';
import {
  definedProperty,
  normalizedPropertyValues,
  validatePropertyValues,
  type ObjectType,
} from '#domain/property-definition';
import { alreadyExists, DomainError, type PropertyValue, type PropertyValues } from '#domain/shared';
import { ticketDecider, ticketStream } from '#domain/ticket';
import { normalizeUniqueValue, propertyValueKey } from '#domain/unique-value';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { withUniqueValue, type ClaimWarning, type HolderHasValue, type UniqueValueChange } from '../contacts/unique-value-claims.js';
import { loadPropertyDefinitions, type PropertyDefinitions } from './property-definition.service.js';

/** Values that passed the check, as they are to be stored, with the definitions they were judged by. */
export type CheckedProperties = Readonly<{ values: PropertyValues; definitions: PropertyDefinitions }>;

/** `command` carrying the checked values in place of the requested ones. */
export const withCheckedValues = <C extends Readonly<{ data: Readonly<{ properties?: PropertyValues }> }>>(command: C, { values }: CheckedProperties): C => ({
  ...command,
  data: { ...command.data, properties: values },
});

/** The custom properties a record holds now; null when there is no such record (or it was merged away). */
const propertiesOf = async (executor: CommandExecutor, objectType: ObjectType, recordId: string): Promise<PropertyValues | null> => {
  switch (objectType) {
    case 'contact': {
      const { state } = await executor.load(contactStream(recordId), contactDecider);
      return state.status === 'active' ? state.properties : null;
    }
    case 'company': {
      const { state } = await executor.load(companyStream(recordId), companyDecider);
      return state.status === 'active' ? state.properties : null;
    }
    case 'deal':
      return (await executor.load(dealStream(recordId), dealDecider)).state?.properties ?? null;
    case 'ticket':
      return (await executor.load(ticketStream(recordId), ticketDecider)).state?.properties ?? null;
  }
};

type NamedChange = Readonly<{ name: string; change: UniqueValueChange }>;

const claimable = (value: PropertyValue | undefined): value is string | number => typeof value === 'string' || typeof value === 'number';

/** Custom property values checked against the type's definitions, and the claims of unique ones. */
export class RecordProperties {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly warn: ClaimWarning,
  ) {}

  /** The values as stored, or a 400 naming every `properties.<name>` at fault. */
  async check(objectType: ObjectType, values: PropertyValues): Promise<CheckedProperties> {
    const definitions = await loadPropertyDefinitions(this.executor, objectType);
    const problems = validatePropertyValues(objectType, definitions.state, values);
    if (problems.length > 0) throw validationFailed(problems);
    return { values: normalizedPropertyValues(definitions.state, values), definitions };
  }

  /** Whether the values name a unique property: only then must the write wait for claims. */
  claimsAny({ values, definitions }: CheckedProperties): boolean {
    return Object.keys(values).some((name) => definedProperty(definitions.state, name)?.unique === true);
  }

  /**
   * Runs `command` (the record's write) under the claims of the unique values it sets, and gives back the values it
   * replaces. `current`: the record's properties before the write ({} for a new record).
   */
  withUniqueValues(
    recordId: string,
    current: PropertyValues,
    { values, definitions }: CheckedProperties,
    context: RequestContext,
    command: () => Promise<CommandResult>,
  ): Promise<CommandResult> {
    const { objectType } = definitions;
    const changes = Object.entries(values).flatMap(([name, value]): NamedChange[] => {
      if (definedProperty(definitions.state, name)?.unique !== true) return [];
      const key = (held: PropertyValue | undefined) => (claimable(held) ? propertyValueKey(objectType, name, held) : null);
      const holderHasValue = this.holderHas(objectType, name);
      return [{ name, change: { kind: 'property-value', ownerId: recordId, from: key(current[name]), to: key(value), holderHasValue } }];
    });
    // Each claim wraps the next: every one is taken before the write and given back if the write fails.
    const guarded = changes.reduceRight<() => Promise<CommandResult>>((next, named) => () => this.claiming(objectType, named, context, next), command);
    return guarded();
  }

  private async claiming(objectType: ObjectType, { name, change }: NamedChange, context: RequestContext, next: () => Promise<CommandResult>): Promise<CommandResult> {
    try {
      return await withUniqueValue(this.executor, change, context, next, this.warn);
    } catch (error) {
      // The claim's refusal names the claim stream's value; the client knows the property by its field.
      const refused = change.to === null ? null : normalizeUniqueValue('property-value', change.to);
      if (error instanceof DomainError && error.code === 'ALREADY_EXISTS' && error.message === `property-value ${refused} already exists`) {
        throw alreadyExists(`a ${objectType} with ${name} ${refused!.slice(refused!.indexOf(':') + 1)}`, { ...error.details, field: `properties.${name}` });
      }
      throw error;
    }
  }

  /** A claim stands while its record holds the value. */
  private holderHas(objectType: ObjectType, name: string): HolderHasValue {
    return async (recordId, claimed) => {
      const held = (await propertiesOf(this.executor, objectType, recordId))?.[name];
      return claimable(held) && normalizeUniqueValue('property-value', propertyValueKey(objectType, name, held)) === claimed;
    };
  }
}
