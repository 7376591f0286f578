import type { OwnerEvent } from '#domain/owner';
import { ownerSearchText, reduceOwnerList, type OwnerListRow, type TimedOwnerEvent } from './owner-list.projection.js';

const at = (occurredAt: string, event: OwnerEvent): TimedOwnerEvent => ({ event, occurredAt });
const created = (ownerId: string, team: string | null = 'EMEA'): OwnerEvent => ({
  type: 'OwnerCreated',
  data: { ownerId, name: 'Ada Lovelace', email: 'ada@example.com', team, role: 'sales' },
});

const ada: OwnerListRow = {
  ownerId: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  team: 'EMEA',
  role: 'sales',
  createdAt: '2026-01-10T08:00:00.000Z',
};

const reduce = (events: readonly TimedOwnerEvent[], owners: readonly OwnerListRow[] = []) =>
  reduceOwnerList(new Map(owners.map((o) => [o.ownerId, o])), events);

describe('owner list projection', () => {
  it('lists a new owner with its profile, created at the business time of its creation in UTC', () => {
    expect(reduce([at('2026-01-10T09:00:00.000+01:00', created('ada'))])).toEqual([ada]);
  });

  it('follows every profile change, a team cleared included, continuing from the row an earlier batch stored', () => {
    const updated = reduce(
      [
        at('2026-01-11T09:00:00.000Z', {
          type: 'OwnerUpdated',
          data: {
            ownerId: 'ada',
            changes: [
              { field: 'name', previous: 'Ada Lovelace', value: 'Ada King' },
              { field: 'team', previous: 'EMEA', value: null },
            ],
          },
        }),
        at('2026-01-12T09:00:00.000Z', {
          type: 'OwnerUpdated',
          data: {
            ownerId: 'ada',
            changes: [
              { field: 'email', previous: 'ada@example.com', value: 'ada.king@example.com' },
              { field: 'role', previous: 'sales', value: 'service' },
            ],
          },
        }),
      ],
      [ada],
    );
    expect(updated).toEqual([{ ...ada, name: 'Ada King', team: null, email: 'ada.king@example.com', role: 'service' }]);
  });

  it('answers each changed owner once, in first-touched order, and leaves unchanged ones out', () => {
    const rename = (ownerId: string, name: string): OwnerEvent => ({
      type: 'OwnerUpdated',
      data: { ownerId, changes: [{ field: 'name', previous: 'Ada Lovelace', value: name }] },
    });
    const result = reduce([at('2026-01-10T08:00:00.000Z', created('bob')), at('2026-01-10T09:00:00.000Z', rename('bob', 'Bob')), at('2026-01-10T09:00:00.000Z', rename('bob', 'Robert'))], [ada]);
    expect(result).toEqual([{ ...ada, ownerId: 'bob', name: 'Robert' }]);
  });

  it('ignores an update of an owner it never saw created, and a second creation', () => {
    expect(
      reduce([at('2026-01-11T09:00:00.000Z', { type: 'OwnerUpdated', data: { ownerId: 'ghost', changes: [{ field: 'name', previous: 'a', value: 'b' }] } })]),
    ).toEqual([]);
    expect(reduce([at('2026-02-01T09:00:00.000Z', created('ada', 'APAC'))], [ada])).toEqual([]);
  });

  it('searches name, email and team in lower case', () => {
    expect(ownerSearchText(ada)).toBe('ada lovelace ada@example.com emea');
    expect(ownerSearchText({ ...ada, team: null })).toBe('ada lovelace ada@example.com');
  });
});
