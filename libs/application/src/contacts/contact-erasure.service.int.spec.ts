// The erasure's order on a real store: the purge is asked for before ContactErased is appended, the key destroyed
// after it; a crash between the append and destroy() is finished by the start-up sweep of the log; the email's claim
// is given back so the person can return.
import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { uniqueValueDecider, uniqueValueStream } from '#domain/unique-value';
import { eventually, openForSuite, openTestStore } from '#test/support/test-database';
import { CommandExecutor } from '../command-executor.js';
import { randomIds, type RequestContext } from '../request-context.js';
import { ContactErasureService, destroyErasedKeys, type DataKeyShredder, type PersonalDataPurgePort } from './contact-erasure.service.js';
import { ContactService } from './contact.service.js';

const context = (): RequestContext => ({
  actor: 'key-dpo',
  correlationId: randomUUID(),
  causationId: null,
  now: '2026-03-02T10:00:00.000Z',
  source: 'api',
  ids: randomIds(),
});

describe('ContactErasureService', () => {
  const opened = openForSuite(openTestStore);
  const executor = () => new CommandExecutor(opened().store, eventCatalog);
  const steps: string[] = [];
  const keys = (fail = false): DataKeyShredder => ({
    destroy: async (contactId) => {
      steps.push(`destroy ${contactId}`);
      if (fail) throw new Error('the process died here');
    },
    destroyAll: async (contactIds) => void steps.push(`destroy all ${contactIds.join(',')}`),
  });
  const purge: PersonalDataPurgePort = {
    request: async (contactId, values) => void steps.push(`request ${contactId} ${[...values].sort().join(',')}`),
    run: async (contactId) => void steps.push(`run ${contactId}`),
  };
  const contact = async (email: string) => {
    const contactId = randomUUID();
    await new ContactService(executor(), () => undefined).create({ contactId, email, firstName: 'Zenobia', phone: '+44 20 7946 0321', source: 'api' }, context());
    return contactId;
  };
  const erasedOnStream = async (contactId: string) =>
    (await executor().readStream(`contact-${contactId}`)).filter((event) => event.type === 'ContactErased').length;

  beforeEach(() => steps.splice(0));

  it('asks for the purge, records the erasure, frees the email, destroys the key, then purges', async () => {
    const email = `zenobia.${randomUUID().slice(0, 8)}@erasure.example`;
    const contactId = await contact(email);
    const record = await new ContactErasureService(executor(), keys(), {
      ...purge,
      // The erasure is not recorded yet when the purge is asked for: a crash now leaves the contact as it was.
      request: async (id, values) => {
        expect(await erasedOnStream(id)).toBe(0);
        await purge.request(id, values);
      },
    }).erase({ contactId, legalBasis: 'objection', reason: 'Request #12' }, context());
    expect(record).toEqual({ contactId, erasedBy: 'key-dpo', erasedAt: '2026-03-02T10:00:00.000Z', legalBasis: 'objection', reason: 'Request #12', position: expect.any(String) });
    expect(steps).toEqual([`request ${contactId} +44 20 7946 0321,Zenobia,${email}`, `destroy ${contactId}`, `run ${contactId}`]);
    expect(await erasedOnStream(contactId)).toBe(1);
    const claim = await executor().load(uniqueValueStream('contact-email', email), uniqueValueDecider);
    expect(claim.state.claimedBy).toBeNull();
  });

  it('leaves a crash between the append and destroy() to the start-up sweep of the log', async () => {
    const contactId = await contact(`crash.${randomUUID().slice(0, 8)}@erasure.example`);
    await expect(new ContactErasureService(executor(), keys(true), purge).erase({ contactId, legalBasis: 'consent-withdrawn', reason: 'Request #13' }, context())).rejects.toThrow(
      'the process died here',
    );
    expect(await erasedOnStream(contactId)).toBe(1);
    steps.splice(0);
    // On the server a reader sees the erasure once no older transaction is open: the sweep runs until it does.
    await eventually(async () => {
      steps.splice(0);
      expect(await destroyErasedKeys(opened().store, keys())).toBeGreaterThanOrEqual(1);
      expect(steps.join(' ')).toContain(contactId);
    });
    // A retry of the request is a conflict: the erasure stands, nothing is asked for twice.
    steps.splice(0);
    await expect(new ContactErasureService(executor(), keys(), purge).erase({ contactId, legalBasis: 'consent-withdrawn', reason: 'again' }, context())).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect(steps).toEqual([]);
  });

  it('sweeps every recorded erasure with one statement, not one per contact', async () => {
    const erasedIds: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const contactId = await contact(`sweep.${name}.${randomUUID().slice(0, 8)}@erasure.example`);
      await new ContactErasureService(executor(), keys(), purge).erase({ contactId, legalBasis: 'objection', reason: 'Request #14' }, context());
      erasedIds.push(contactId);
    }
    let erased = 0;
    await eventually(async () => {
      steps.splice(0);
      erased = await destroyErasedKeys(opened().store, keys());
      expect(steps.join(' ')).toContain(erasedIds[2]);
    });
    expect(steps).toHaveLength(1);
    expect(steps[0].startsWith('destroy all ')).toBe(true);
    expect(steps[0].slice('destroy all '.length).split(',')).toEqual(expect.arrayContaining(erasedIds));
    expect(erased).toBe(steps[0].slice('destroy all '.length).split(',').length);
  });

  it('writes nothing for an unknown contact or a blank reason', async () => {
    const service = new ContactErasureService(executor(), keys(), purge);
    await expect(service.erase({ contactId: randomUUID(), legalBasis: 'objection', reason: 'x' }, context())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const contactId = await contact(`blank.${randomUUID().slice(0, 8)}@erasure.example`);
    await expect(service.erase({ contactId, legalBasis: 'objection', reason: '   ' }, context())).rejects.toMatchObject({ code: 'RULE_VIOLATED' });
    expect(steps).toEqual([]);
    expect(await erasedOnStream(contactId)).toBe(0);
  });
});
