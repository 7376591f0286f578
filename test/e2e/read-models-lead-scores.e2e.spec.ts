import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { DEFAULT_FORMULA, formulaId, scoreContact, type Formula } from '#scoring';
import { contactCreated } from '#projection-specs';
import { newEvent } from '#test/support/events';
import { appendEvents, BAD_INSTANTS, pageThrough as allPages, storable } from '#test/support/read-model-requests';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const day = (n: number): string => new Date(T0 + n * 86_400_000).toISOString();

type Summary = { contactId: string; total: number; qualification: string; asOf: string };
type Contribution = { ruleId: string; eventId: string | null; position: string | null; counted: number; cutByRuleCap: number };

describe('lead scores read model over HTTP', () => {
  const t = useTestApp();
  let lastPosition = '0';

  const append = async (stream: string, events: NewEvent[]): Promise<string> => {
    lastPosition = await appendEvents(t, stream, events);
    return lastPosition;
  };

  const createContact = async (jobTitle: string | null, at = day(0)): Promise<string> => {
    const contactId = randomUUID();
    await append(`contact-${contactId}`, [storable(contactCreated(contactId, at, { firstName: 'Test', jobTitle, country: 'DE', source: 'import' }))]);
    return contactId;
  };
  const pageView = (contactId: string, url: string, at: string) =>
    newEvent('PageViewed', { contactId, url, title: null, referrer: null }, { occurredAt: at });
  const demoForm = (contactId: string, at: string) =>
    newEvent('FormSubmitted', { contactId, formId: 'demo', fields: { company: 'Acme' } }, { occurredAt: at });

  const list = (query: Record<string, string | number>) =>
    t.http().get('/v1/read-models/lead-scores').query({ minPosition: lastPosition, ...query });

  const pageThrough = (query: Record<string, string | number>): Promise<Summary[]> =>
    allPages((cursor) => list({ ...query, ...(cursor ? { cursor } : {}) }));

  it("scores pricing page views and a demo form exactly as the formula does, every point traced to its event", async () => {
    const contactId = await createContact('VP Marketing');
    const views = [pageView(contactId, 'https://tally.example/pricing', day(0)), pageView(contactId, 'https://tally.example/pricing?plan=pro', day(10))];
    const form = demoForm(contactId, day(30));
    const position = await append(`activity-${contactId}`, [...views, form]);

    const { body } = await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ minPosition: position }).expect(200);
    const expected = scoreContact(DEFAULT_FORMULA, {
      properties: { jobTitle: 'VP Marketing' },
      events: [...views, form].map((event, index) => ({
        id: event.id,
        type: event.type,
        streamName: `activity-${contactId}`,
        revision: index,
        position: '0',
        occurredAt: event.metadata.occurredAt,
        data: event.data,
      })),
      asOf: day(30),
    });
    expect(body.data).toMatchObject({
      contactId,
      fit: 15,
      engagement: expected.engagement,
      total: expected.total,
      qualification: expected.qualification,
      formulaId: formulaId(DEFAULT_FORMULA),
      asOf: day(30),
      position,
      mergedInto: null,
    });
    // 15 (title) + 30 (demo) + 2.5 and 3.15 (pricing views one and two thirds of a half-life before the demo).
    expect(body.data).toMatchObject({ total: 50.65, qualification: 'mql' });
    expect(body.position).toEqual(expect.any(String));

    const contributions = await t.http().get(`/v1/read-models/lead-scores/${contactId}/contributions`).query({ minPosition: position }).expect(200);
    const rows: Contribution[] = contributions.body.data;
    expect(rows.map((row) => [row.ruleId, row.eventId])).toEqual([
      ['senior-title', null],
      ['pricing-page', views[0].id],
      ['pricing-page', views[1].id],
      ['demo-request', form.id],
    ]);
    expect(rows.map((row) => row.counted)).toEqual(expected.contributions.map((c) => c.counted));
    const sum = rows.reduce((total, row) => total + Math.round(row.counted * 100), 0) / 100;
    expect(sum).toBe(body.data.total);
    expect(rows[3].position).toBe(position);
  });

  it('re-scores on a property change that flips a fit rule', async () => {
    const contactId = await createContact('Student');
    await append(`activity-${contactId}`, [demoForm(contactId, day(1))]);
    const { body: before } = await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ minPosition: lastPosition }).expect(200);
    expect(before.data).toMatchObject({ fit: -20, engagement: 30, total: 10 });

    const change = { contactId, changes: [{ property: 'jobTitle', previous: 'Student', value: 'Head of Growth' }] };
    const position = await append(`contact-${contactId}`, [newEvent('ContactPropertiesChanged', change, { occurredAt: day(2) })]);
    const { body } = await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ minPosition: position }).expect(200);
    expect(body.data).toMatchObject({ fit: 15, engagement: 30, total: 45, qualification: 'mql', asOf: day(2) });
    expect(body.data.properties).toMatchObject({ jobTitle: 'Head of Growth', country: 'DE' });
  });

  it('lists by qualification and minimum score, sorted both ways, paged without gaps or repeats under ties', async () => {
    const ids: string[] = [];
    // Three with exactly 30 points (ties), two sales-qualified (15 fit + engagement 20 + 15 + 30 held to 60), one with nothing.
    for (let i = 0; i < 3; i++) {
      const id = await createContact(null);
      await append(`activity-${id}`, [demoForm(id, day(3))]);
      ids.push(id);
    }
    for (let i = 0; i < 2; i++) {
      const id = await createContact('Director of IT');
      const views = Array.from({ length: 5 }, () => pageView(id, '/pricing', day(4)));
      const clicks = Array.from({ length: 5 }, () => newEvent('MarketingEmailClicked', { contactId: id, emailId: 'nl-1', url: null }, { occurredAt: day(4) }));
      await append(`activity-${id}`, [...views, ...clicks, demoForm(id, day(4))]);
      ids.push(id);
    }
    ids.push(await createContact(null));

    const all = await pageThrough({ limit: 2 });
    expect(new Set(all.map((row) => row.contactId)).size).toBe(all.length);
    expect(all.map((row) => row.contactId)).toEqual(expect.arrayContaining(ids));
    const totals = all.map((row) => row.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    const ascending = await pageThrough({ sort: 'score', limit: 3 });
    expect(ascending.map((row) => row.contactId)).toEqual(all.map((row) => row.contactId).reverse());

    const sql = await pageThrough({ qualification: 'sql', limit: 1 });
    expect(sql.map((row) => row.contactId).sort()).toEqual(ids.slice(3, 5).sort());
    expect(sql.every((row) => row.total === 75 && row.qualification === 'sql')).toBe(true);

    const thirty = await pageThrough({ minScore: 30, qualification: 'none', limit: 1 });
    expect(thirty.map((row) => row.contactId)).toEqual(expect.arrayContaining(ids.slice(0, 3)));
    expect(thirty.every((row) => row.total >= 30)).toBe(true);

    const updated = await pageThrough({ sort: '-updated', limit: 4 });
    const instants = updated.map((row) => Date.parse(row.asOf));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
  });

  it('leaves a merged duplicate out of lists and gives its scoring events to the primary', async () => {
    const primary = await createContact(null);
    const duplicate = await createContact(null);
    await append(`activity-${duplicate}`, [demoForm(duplicate, day(5))]);
    await append(`activity-${primary}`, [pageView(primary, '/pricing', day(5))]);
    await append(`contact-${duplicate}`, [newEvent('ContactMerged', { contactId: duplicate, mergedInto: primary, email: 'd@example.com' }, { occurredAt: day(5) })]);
    const position = await append(`contact-${primary}`, [
      newEvent('ContactAbsorbed', { contactId: primary, mergedContactId: duplicate, mergedEmail: 'd@example.com' }, { occurredAt: day(5) }),
    ]);

    const { body } = await t.http().get(`/v1/read-models/lead-scores/${primary}`).query({ minPosition: position }).expect(200);
    expect(body.data).toMatchObject({ total: 35, mergedInto: null });
    const { body: gone } = await t.http().get(`/v1/read-models/lead-scores/${duplicate}`).expect(200);
    expect(gone.data.mergedInto).toBe(primary);
    const listed = await pageThrough({ limit: 500 });
    expect(listed.map((row) => row.contactId)).toContain(primary);
    expect(listed.map((row) => row.contactId)).not.toContain(duplicate);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const response = await list({ qualification: 'sql', limit: 500 }).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['x-tally-position']).toEqual(expect.any(String));
    const [header, ...lines] = response.text.trim().split('\r\n');
    expect(header).toBe('contactId,fit,engagement,total,qualification,formulaId,asOf,position');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.includes(',sql,'))).toBe(true);
  });

  it('refuses bad parameters and answers 404 for a contact it never scored', async () => {
    const bad: Record<string, string | number>[] = [
      { limit: 0 },
      { limit: 501 },
      { sort: 'name' },
      { qualification: 'hot' },
      { minScore: 'lots' },
      { minPosition: 'x' },
      { cursor: 'nope' },
    ];
    for (const query of bad) {
      await t.http().get('/v1/read-models/lead-scores').query(query).expect(400);
    }
    const { body } = await list({ limit: 1, sort: 'score' }).expect(200);
    await t.http().get('/v1/read-models/lead-scores').query({ cursor: body.nextCursor, sort: '-score' }).expect(400);
    await t.http().get(`/v1/read-models/lead-scores/${randomUUID()}`).expect(404);
    await t.http().get(`/v1/read-models/lead-scores/${randomUUID()}/contributions`).expect(404);
    await t.http().get('/v1/read-models/lead-scores/not-a-uuid').expect(400);
  });

  it('refuses an asOf outside what every store holds', async () => {
    const contactId = randomUUID();
    for (const asOf of BAD_INSTANTS) {
      for (const path of [contactId, `${contactId}/contributions`]) {
        const { body } = await t.http().get(`/v1/read-models/lead-scores/${path}`).query({ asOf }).expect(400);
        expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);
      }
    }
  });

  it('waits for minPosition and names the position it reflects', async () => {
    const contactId = await createContact(null);
    const position = await append(`activity-${contactId}`, [demoForm(contactId, day(6))]);
    const { body } = await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ minPosition: position }).expect(200);
    expect(BigInt(body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(body.data.total).toBe(30);
  });

  it('rebuilds with another formula through the engine and serves its scores once caught up', async () => {
    const contactId = await createContact(null);
    await append(`activity-${contactId}`, [demoForm(contactId, day(7))]);
    const formula: Formula = {
      ...DEFAULT_FORMULA,
      name: 'demo-heavy',
      groups: DEFAULT_FORMULA.groups.map((group) =>
        group.kind === 'engagement'
          ? { ...group, rules: group.rules.map((rule) => (rule.id === 'demo-request' ? { ...rule, points: 50 } : rule)) }
          : group,
      ),
    };
    await t.runtime.projections.rebuild('lead-score', { formula, formulaId: formulaId(formula) });
    await eventually(async () => {
      const { body } = await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ minPosition: lastPosition }).expect(200);
      expect(body.data).toMatchObject({ total: 50, qualification: 'mql', formulaId: formulaId(formula) });
    });
  });
});
