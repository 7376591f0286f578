import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { ownerListProjection } from './owner-list.persistence.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';

const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const created = (ownerId: string, name: string, team: string | null, occurredAt = '2026-01-10T09:00:00.000Z'): SpecEvent =>
  event('OwnerCreated', occurredAt, { ownerId, name, email: `${ownerId}@example.com`, team, role: 'sales' });
const updated = (ownerId: string, occurredAt: string, changes: readonly Readonly<Record<string, unknown>>[]): SpecEvent =>
  event('OwnerUpdated', occurredAt, { ownerId, changes });

const OWNERS = `SELECT owner_id, name, email, team, role, created_at, name_key, search_text FROM owner_list ORDER BY owner_id`;

describe('owner list persistence', () => {
  const spec = useProjectionSpec(ownerListProjection);

  it('stores each owner with its sort key and search text, and an update over an earlier batch', async () => {
    await spec
      .given([...inStream('owner-ada', created('ada', 'Ada Lovelace', 'EMEA')), ...inStream('owner-bob', created('bob', 'bob', null))])
      .when(inStream('owner-ada', updated('ada', '2026-01-11T09:00:00.000Z', [{ field: 'team', previous: 'EMEA', value: 'APAC' }])))
      .then(OWNERS, [
        {
          owner_id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', team: 'APAC', role: 'sales', created_at: new Date('2026-01-10T09:00:00.000Z'),
          name_key: 'ada lovelace', search_text: 'ada lovelace ada@example.com apac',
        },
        {
          owner_id: 'bob', name: 'bob', email: 'bob@example.com', team: null, role: 'sales', created_at: new Date('2026-01-10T09:00:00.000Z'),
          name_key: 'bob', search_text: 'bob bob@example.com',
        },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('owner-ada', created('ada', 'Ada', null)))
      .when(inStream('owner-ada', updated('ada', '2026-01-11T09:00:00.000Z', [{ field: 'role', previous: 'sales', value: 'service' }])), { times: 2 })
      .then(`SELECT owner_id, role FROM owner_list`, [{ owner_id: 'ada', role: 'service' }]);
  });
});

describe('owner list rebuild', () => {
  const bed = useRebuildBed(ownerListProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream('owner-ada', created('ada', 'Ada', 'EMEA'), updated('ada', '2026-01-11T09:00:00.000Z', [{ field: 'name', previous: 'Ada', value: 'Ada King' }])),
      ...inStream('owner-bob', created('bob', 'Bob', null, '2026-01-12T09:00:00.000Z')),
      ...inStream('owner-ada', updated('ada', '2026-01-13T09:00:00.000Z', [{ field: 'team', previous: 'EMEA', value: null }])),
      ...inStream('owner-bob', updated('bob', '2026-01-14T09:00:00.000Z', [{ field: 'email', previous: 'bob@example.com', value: 'robert@example.com' }])),
    ];
    const { live, rebuilt } = await bed.compare(history, { owner_list: 'owner_id' });
    expect(live.owner_list).toHaveLength(2);
    expect(rebuilt).toEqual(live);
  });
});
