import { DeciderSpecification } from '../shared/decider-specification.js';
import { ownerDecider, type CreateOwner, type OwnerCreated, type UpdateOwner } from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(ownerDecider);

const createAda: CreateOwner = {
  type: 'CreateOwner',
  data: { ownerId: 'o1', name: ' Ada Lovelace ', email: ' Ada@Example.COM ', role: 'sales' },
  metadata,
};
const adaCreated: OwnerCreated = {
  type: 'OwnerCreated',
  data: { ownerId: 'o1', name: 'Ada Lovelace', email: 'ada@example.com', team: null, role: 'sales' },
};
const update = (changes: UpdateOwner['data']['changes']): UpdateOwner => ({ type: 'UpdateOwner', data: { ownerId: 'o1', changes }, metadata });

describe('owner decider', () => {
  describe('CreateOwner', () => {
    it('creates the owner with a trimmed name and a normalized email', () => {
      given([]).when(createAda).then([adaCreated]);
    });

    it('keeps the team', () => {
      given([])
        .when({ ...createAda, data: { ...createAda.data, team: 'EMEA' } })
        .then([{ ...adaCreated, data: { ...adaCreated.data, team: 'EMEA' } }]);
    });

    it('rejects a second create of the same owner', () => {
      given([adaCreated]).when(createAda).thenThrows('ALREADY_EXISTS');
    });

    it.each([
      ['a blank name', { name: '  ' }, 'name-required'],
      ['a blank email', { email: ' ' }, 'email-required'],
    ] as const)('rejects %s', (_case, blank, rule) => {
      given([]).when({ ...createAda, data: { ...createAda.data, ...blank } }).thenThrows('RULE_VIOLATED', rule);
    });
  });

  describe('UpdateOwner', () => {
    it('records the previous and new value of each changed field', () => {
      given([adaCreated])
        .when(update({ role: 'service', team: 'Support', email: 'ADA@example.com' }))
        .then([
          {
            type: 'OwnerUpdated',
            data: {
              ownerId: 'o1',
              changes: [
                { field: 'team', previous: null, value: 'Support' },
                { field: 'role', previous: 'sales', value: 'service' },
              ],
            },
          },
        ]);
    });

    it('updates from the latest profile', () => {
      given([adaCreated, { type: 'OwnerUpdated', data: { ownerId: 'o1', changes: [{ field: 'team', previous: null, value: 'EMEA' }] } }])
        .when(update({ team: null }))
        .then([{ type: 'OwnerUpdated', data: { ownerId: 'o1', changes: [{ field: 'team', previous: 'EMEA', value: null }] } }]);
    });

    it('records nothing when no value changes', () => {
      given([adaCreated]).when(update({ name: 'Ada Lovelace ', role: 'sales' })).then([]);
    });

    it('rejects updating an unknown owner', () => {
      given([]).when(update({ name: 'Grace' })).thenThrows('NOT_FOUND');
    });

    it.each([
      ['clearing the name', { name: '' }, 'name-required'],
      ['clearing the email', { email: '' }, 'email-required'],
    ] as const)('rejects %s', (_case, changes, rule) => {
      given([adaCreated]).when(update(changes)).thenThrows('RULE_VIOLATED', rule);
    });
  });
});
