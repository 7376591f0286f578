// What operators do to projection builds, recorded in the log like any other decision: who skipped which event
// of which build, when (the event's metadata) and why. One stream per projection: `projection-<name>`.
import { dataSchema, defineEvent, type DomainEvent, type EventDefinition, MAX_ID_LENGTH, textSchema as text } from '../shared/index.js';

export const projectionOperationsStream = (projection: string): string => `projection-${projection}`;

/** A build was parked on an event its code cannot apply; an operator chose to go on without it. */
export type ProjectionEventSkipped = DomainEvent<
  'ProjectionEventSkipped',
  Readonly<{ projection: string; buildVersion: number; eventId: string; position: string; reason: string }>
>;

export type ProjectionOperationsEvent = ProjectionEventSkipped;


export const projectionOperationsEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'ProjectionEventSkipped',
    schemaVersion: 1,
    description: 'An operator let one build of a projection go on past an event it had parked on, and said why.',
    schema: dataSchema({
      projection: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
      buildVersion: { type: 'integer', minimum: 1 },
      eventId: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
      position: { type: 'string', pattern: '^\\d{1,20}(:\\d{1,20})?$' },
      reason: text,
    }),
  }),
];
