// Owners are the reps records are assigned to. Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, idSchema as id, textSchema as text, optionalTextSchema as optionalText, fieldChangeSchema, type FieldChange } from '../shared/index.js';

export const ownerStream = (ownerId: string): string => `owner-${ownerId}`;

export const OWNER_ROLES = ['super-admin', 'marketing', 'sales', 'service'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export type OwnerProfile = Readonly<{ name: string; email: string; team: string | null; role: OwnerRole }>;
export type OwnerField = keyof OwnerProfile;

export type OwnerFieldChange = FieldChange<OwnerProfile>;

export type OwnerCreated = DomainEvent<'OwnerCreated', Readonly<{ ownerId: string } & OwnerProfile>>;
export type OwnerUpdated = DomainEvent<'OwnerUpdated', Readonly<{ ownerId: string; changes: readonly OwnerFieldChange[] }>>;

export type OwnerEvent = OwnerCreated | OwnerUpdated;

const role: JsonSchema = { enum: [...OWNER_ROLES] };

const fieldChange = (field: OwnerField, value: JsonSchema): JsonSchema => fieldChangeSchema(field, value);

export const ownerEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'OwnerCreated',
    schemaVersion: 1,
    description: 'A rep was added; email is trimmed and lower-cased.',
    schema: dataSchema({ ownerId: id, name: text, email: text, team: optionalText, role }),
  }),
  defineEvent({
    type: 'OwnerUpdated',
    schemaVersion: 1,
    description: "A rep's profile changed; only fields whose value changed are listed.",
    schema: dataSchema({
      ownerId: id,
      changes: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            fieldChange('name', text),
            fieldChange('email', text),
            fieldChange('team', optionalText),
            fieldChange('role', role),
          ],
        },
      },
    }),
  }),
];
