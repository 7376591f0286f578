import { randomBytes } from 'node:crypto';
import { decryptValue, encryptForAll, encryptLayer, encryptValue, EnvelopeRefused, isEnvelope, type DataKey, type Envelope } from './field-crypto.js';
import { keyOwnersOf, openData, ownersOf, sealData, type KeyState } from './event-sealing.js';
import { REDACTED, STREAM_OWNERS } from './personal-data.js';

const key = (contactId: string): DataKey => ({ contactId, version: 1, key: randomBytes(32) });
const created = {
  contactId: 'c1',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: null,
  phone: '+44 20 7946 0000',
  jobTitle: 'CTO',
  country: 'GB',
  source: 'form',
};

describe('field encryption', () => {
  const ada = key('c1');

  it('opens what it sealed, for strings, numbers and booleans', () => {
    for (const value of ['ada@example.com', 42, true]) {
      expect(decryptValue(ada, 'e1', ['email'], encryptValue(ada, 'e1', ['email'], value))).toEqual(value);
    }
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = encryptValue(ada, 'e1', ['email'], 'ada@example.com');
    const bytes = Buffer.from(sealed.ct, 'base64');
    bytes[0] ^= 1;
    expect(() => decryptValue(ada, 'e1', ['email'], { ...sealed, ct: bytes.toString('base64') })).toThrow(EnvelopeRefused);
  });

  it('refuses a ciphertext moved to another event or field (associated data)', () => {
    const sealed = encryptValue(ada, 'e1', ['firstName'], 'Ada');
    expect(() => decryptValue(ada, 'e2', ['firstName'], sealed)).toThrow(/does not authenticate/);
    expect(() => decryptValue(ada, 'e1', ['lastName'], sealed)).toThrow(/does not authenticate/);
    expect(() => decryptValue(key('c1'), 'e1', ['firstName'], sealed)).toThrow(/does not authenticate/);
  });
});

describe('sealing and opening an event', () => {
  const ada = key('c1');
  const keys = new Map<string, KeyState>([['c1', ada]]);

  it('seals only the personal fields, in a self-describing envelope, and opens them back', () => {
    const sealed = sealData('e1', 'ContactCreated', 2, created, ada) as Record<string, unknown>;
    expect(JSON.stringify(sealed)).not.toContain('ada@example.com');
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    expect(sealed).toMatchObject({ contactId: 'c1', lastName: null, jobTitle: 'CTO', country: 'GB' });
    expect(sealed.email).toMatchObject({ $enc: 1, c: 'c1', k: 1 });
    expect(openData('e1', 'ContactCreated', 2, sealed, (id) => keys.get(id))).toEqual({ data: created, redacted: [] });
    expect(keyOwnersOf([{ type: 'ContactCreated', data: sealed, metadata: { schemaVersion: 2 } }])).toEqual(new Set(['c1']));
  });

  it('redacts after the key is destroyed: a fixed text for required strings, null for nullable ones, listed', () => {
    const sealed = sealData('e1', 'ContactCreated', 2, created, ada);
    expect(openData('e1', 'ContactCreated', 2, sealed, () => 'destroyed')).toEqual({
      data: { ...created, email: REDACTED, firstName: null, phone: null },
      redacted: ['email', 'firstName', 'phone'],
    });
  });

  it('stores the redaction, not a new key, for an erased contact', () => {
    expect(sealData('e1', 'ContactCreated', 2, created, 'destroyed')).toEqual({ ...created, email: REDACTED, firstName: null, phone: null });
  });

  it('redacts the clear history of an erased contact too', () => {
    expect(openData('e1', 'ContactMerged', 1, { contactId: 'c1', mergedInto: 'c2', email: 'ada@example.com' }, () => 'destroyed').data).toEqual({
      contactId: 'c1',
      mergedInto: 'c2',
      email: REDACTED,
    });
  });

  it('seals every answer of a form submission and the personal changes only', () => {
    const submitted = { contactId: 'c1', formId: 'f', fields: { email: 'ada@example.com', note: 'call me' }, pageUrl: null };
    const sealed = sealData('e2', 'FormSubmitted', 2, submitted, ada) as { fields: Record<string, unknown> };
    expect(isEnvelope(sealed.fields.email) && isEnvelope(sealed.fields.note)).toBe(true);
    const changes = { contactId: 'c1', changes: [{ property: 'country', previous: null, value: 'FR' }, { property: 'email', previous: 'a@x.io', value: 'b@x.io' }] };
    const sealedChanges = sealData('e3', 'ContactPropertiesChanged', 1, changes, ada) as typeof changes;
    expect(sealedChanges.changes[0]).toEqual(changes.changes[0]);
    expect(isEnvelope(sealedChanges.changes[1].value)).toBe(true);
    expect(openData('e3', 'ContactPropertiesChanged', 1, sealedChanges, (id) => keys.get(id)).data).toEqual(changes);
  });

  it('leaves events without personal data as they are', () => {
    const data = { dealId: 'd', name: 'Big deal' };
    expect(sealData('e4', 'DealRenamed', 1, data, ada)).toBe(data);
    expect(openData('e4', 'DealRenamed', 1, data, () => 'destroyed')).toEqual({ data, redacted: [] });
  });
});

describe('an engagement with several contacts', () => {
  const [ada, grace] = [key('c1'), key('c2')];
  const logged = {
    engagementId: 'g',
    kind: 'note',
    ownerId: 'o',
    subject: 'Renewal',
    body: 'Ada and Grace want a discount',
    durationMinutes: null,
    outcome: null,
    dueAt: null,
    priority: null,
    contactIds: ['c1', 'c2'],
    companyIds: [],
    dealIds: [],
    ticketIds: [],
  };
  const sealed = sealData('e5', 'EngagementLogged', 2, logged, [ada, grace]) as Record<string, unknown>;

  it("seals its text under every contact's key, and opens it with both", () => {
    expect(ownersOf('EngagementLogged', logged)).toEqual(['c1', 'c2']);
    expect(STREAM_OWNERS.engagement({ type: 'EngagementLogged', data: logged })).toEqual(['c1', 'c2']);
    expect(JSON.stringify(sealed)).not.toContain('discount');
    expect(sealed.body).toMatchObject({ $enc: 1, c: 'c2', k: 1, cs: ['c1'] });
    expect(keyOwnersOf([{ type: 'EngagementLogged', data: sealed, metadata: { schemaVersion: 2 } }])).toEqual(new Set(['c1', 'c2']));
    const keys = new Map<string, KeyState>([['c1', ada], ['c2', grace]]);
    expect(openData('e5', 'EngagementLogged', 2, sealed, (id) => keys.get(id))).toEqual({ data: logged, redacted: [] });
  });

  it('reads as the redaction once either contact is erased', () => {
    for (const erased of ['c1', 'c2']) {
      const keys = new Map<string, KeyState>([['c1', ada], ['c2', grace], [erased, 'destroyed']]);
      expect(openData('e5', 'EngagementLogged', 2, sealed, (id) => keys.get(id))).toEqual({
        data: { ...logged, subject: null, body: null },
        redacted: ['subject', 'body'],
      });
      // An update names no contact: its envelope's layers alone say whose keys it needs.
      const update = { engagementId: 'g', changes: [{ field: 'body', previous: 'a discount', value: 'no discount' }] };
      const sealedUpdate = sealData('e7', 'EngagementUpdated', 1, update, [ada, grace]);
      expect(openData('e7', 'EngagementUpdated', 1, sealedUpdate, (id) => keys.get(id)).data).toEqual({
        engagementId: 'g',
        changes: [{ field: 'body', previous: null, value: null }],
      });
    }
  });

  it("stores the redaction when one of them is already erased", () => {
    expect(sealData('e5', 'EngagementLogged', 2, logged, [ada, 'destroyed'])).toEqual({ ...logged, subject: null, body: null });
  });

  it("keeps one contact's envelope as it always was", () => {
    const one = sealData('e6', 'EngagementLogged', 2, { ...logged, contactIds: ['c1'] }, [ada]) as Record<string, unknown>;
    expect(Object.keys(one.body as object)).toEqual(['$enc', 'c', 'k', 'iv', 'ct']);
    expect(Object.keys(encryptForAll([ada], 'e6', ['body'], 'x'))).toEqual(['$enc', 'c', 'k', 'iv', 'ct']);
  });

  it('refuses a tampered outer or inner layer, and a layer stripped or re-labelled', () => {
    const keys = new Map<string, KeyState>([['c1', ada], ['c2', grace]]);
    const open = (body: unknown) => () => openData('e5', 'EngagementLogged', 2, { ...sealed, body }, (id) => keys.get(id));
    const outer = sealed.body as Envelope;
    const flipped = Buffer.from(outer.ct, 'base64');
    flipped[0] ^= 1;
    expect(open({ ...outer, ct: flipped.toString('base64') })).toThrow(EnvelopeRefused);
    const inner = decryptValue(grace, 'e5', ['body'], outer) as Envelope;
    const innerFlipped = Buffer.from(inner.ct, 'base64');
    innerFlipped[0] ^= 1;
    expect(open(encryptLayer(grace, 'e5', ['body'], { ...inner, ct: innerFlipped.toString('base64') }))).toThrow(EnvelopeRefused);
    expect(open({ ...outer, cs: undefined })).toThrow(EnvelopeRefused);
    expect(open({ ...outer, cs: ['c2'] })).toThrow(EnvelopeRefused);
    // The inner layer alone, moved out of its outer one, still needs its own event and field.
    expect(open(encryptLayer(grace, 'e5', ['body'], decryptValue(grace, 'e5', ['subject'], sealed.subject as Envelope) as Envelope))).toThrow(EnvelopeRefused);
  });
});
