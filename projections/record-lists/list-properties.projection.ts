// The custom property definitions of one object type, kept by each record list that filters by them: a list answers
// `property.<name>` filters with the definitions as of its own position, and types a filter's value by them.
// Shared by the record lists (contacts, companies, deals, tickets); the domain's own evolve decides what each event means.
import type { RecordedEvent } from '#event-store';
import {
  propertyDefinitionDecider,
  type ObjectType,
  type PropertyDefinition,
  type PropertyDefinitionEvent,
} from '#domain/property-definition';

export const PROPERTY_DEFINITION_EVENT_TYPES = [
  'PropertyDefined',
  'PropertyDefinitionChanged',
  'PropertyDefinitionRemoved',
] as const satisfies readonly PropertyDefinitionEvent['type'][];

export const isPropertyDefinitionEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (PROPERTY_DEFINITION_EVENT_TYPES as readonly string[]).includes(event.type);

/** Applies a batch's definition events of `objectType` in order; answers every definition they changed, once. */
export const reduceListProperties = (
  stored: ReadonlyMap<string, PropertyDefinition>,
  objectType: ObjectType,
  events: readonly RecordedEvent[],
): PropertyDefinition[] => {
  let state = { definitions: stored };
  const changed = new Set<string>();
  for (const event of events) {
    if (!isPropertyDefinitionEvent(event)) continue;
    const definitionEvent = { type: event.type, data: event.data } as PropertyDefinitionEvent;
    if (definitionEvent.data.objectType !== objectType) continue;
    const after = propertyDefinitionDecider.evolve(state, definitionEvent);
    if (after === state) continue;
    state = after;
    changed.add(definitionEvent.data.name);
  }
  return [...changed].map((name) => state.definitions.get(name)!);
};
