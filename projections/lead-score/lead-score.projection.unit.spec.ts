import type { RecordedEvent } from '#event-store';
import { contactCreatedData, recordedLog } from '#test/support/events';
import { DEFAULT_FORMULA, formulaId, scoreContact, validateFormula, type Formula } from '#scoring';
import {
  LEAD_SCORE_EVENT_TYPES,
  normalisedInstant,
  projectLeadScores,
  type ContactScoreState,
  type LeadScoreChanges,
  type LeadScoreRow,
} from './lead-score.projection.js';

const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const day = (n: number): string => new Date(T0 + n * DAY_MS).toISOString();

const log = () => recordedLog(10);

const created = (contactId: string, jobTitle: string | null = null) => contactCreatedData(contactId, { jobTitle, properties: { plan: 'pro' }, source: 'import' });
const pageView = (contactId: string, url: string) => ({ contactId, url, title: null, referrer: null });
const demoForm = (contactId: string) => ({ contactId, formId: 'demo', fields: { company: 'Acme' } });

const project = (events: readonly RecordedEvent[], loaded: ReadonlyMap<string, ContactScoreState> = new Map(), formula: Formula = DEFAULT_FORMULA) =>
  projectLeadScores(formula, loaded, events);

const scoreOf = (changes: LeadScoreChanges, contactId: string): LeadScoreRow => {
  const row = changes.scores.find((score) => score.contactId === contactId);
  if (!row) throw new Error(`no score for ${contactId}`);
  return row;
};
const contributionsOf = (changes: LeadScoreChanges, contactId: string) => changes.contributions.filter((c) => c.contactId === contactId);

// What the persistence step stores and loads again before the next batch.
const carry = (loaded: ReadonlyMap<string, ContactScoreState>, changes: LeadScoreChanges): Map<string, ContactScoreState> => {
  const states = new Map(loaded);
  for (const row of changes.scores) {
    const events = [...(loaded.get(row.contactId)?.events ?? []), ...changes.addedEvents.filter((e) => e.contactId === row.contactId)].map(
      ({ id, type, streamName, revision, position: at, occurredAt, data }) => ({ id, type, streamName, revision, position: at, occurredAt, data }),
    );
    states.set(row.contactId, {
      contactId: row.contactId, properties: row.properties, asOf: row.asOf, position: row.position, mergedInto: row.mergedInto, events, qualification: row.qualification,
    });
  }
  return states;
};

// The contributions table after the persistence step applied a batch: replaced lists go, changed lists come in.
const storeContributions = (stored: ReadonlyMap<string, unknown[]>, changes: LeadScoreChanges): Map<string, unknown[]> => {
  const next = new Map(stored);
  for (const contactId of changes.replacedContributions) next.delete(contactId);
  for (const row of changes.contributions) next.set(row.contactId, [...(next.get(row.contactId) ?? []), row]);
  return next;
};

describe('lead-score projection', () => {
  it('reads every event type a formula may score, whatever the build formula', () => {
    expect(LEAD_SCORE_EVENT_TYPES).toEqual(expect.arrayContaining(['PageViewed', 'FormSubmitted', 'DealCreated', 'ContactCreated', 'ContactAbsorbed']));
  });

  it('scores pricing page views and a demo form as the formula does, decayed at the latest activity', () => {
    const at = log();
    const events = [
      at('ContactCreated', created('ada', 'Engineer'), day(0)),
      at('PageViewed', pageView('ada', 'https://tally.example/pricing'), day(0), 'activity-ada'),
      at('PageViewed', pageView('ada', 'https://tally.example/blog'), day(10), 'activity-ada'),
      at('FormSubmitted', demoForm('ada'), day(30), 'activity-ada'),
    ];
    const changes = project(events);

    expect(scoreOf(changes, 'ada')).toEqual({
      contactId: 'ada',
      properties: {
        email: 'ada@example.com',
        jobTitle: 'Engineer',
        plan: 'pro',
        source: 'import',
        marketingStatus: 'marketing',
        lifecycleStage: 'lead',
      },
      fit: 0,
      // The pricing view is 30 days (one half-life) older than the contact's latest activity: 5 -> 2.5.
      engagement: 32.5,
      total: 32.5,
      qualification: 'none',
      formulaId: formulaId(DEFAULT_FORMULA),
      asOf: day(30),
      position: '40',
      mergedInto: null,
    });
    expect(contributionsOf(changes, 'ada')).toEqual([
      expect.objectContaining({ ordinal: 0, ruleId: 'pricing-page', eventId: 'event-2', position: '20', rawPoints: 5, decayFactor: 0.5, points: 2.5, counted: 2.5 }),
      expect.objectContaining({ ordinal: 1, ruleId: 'demo-request', eventId: 'event-4', position: '40', rawPoints: 30, decayFactor: 1, counted: 30 }),
    ]);
    const breakdown = scoreContact(DEFAULT_FORMULA, {
      properties: scoreOf(changes, 'ada').properties,
      events: changes.addedEvents,
      asOf: day(30),
    });
    expect(contributionsOf(changes, 'ada').map(({ contactId: _c, ordinal: _o, ...c }) => c)).toEqual(breakdown.contributions);
    // Only events a rule matches are kept for re-scoring: the blog view is not.
    expect(changes.addedEvents.map((e) => e.id)).toEqual(['event-2', 'event-4']);
  });

  it('moves a fit rule in and out as the job title changes, with the previous value replaced', () => {
    const at = log();
    const first = project([at('ContactCreated', created('bo', 'Engineer'), day(0))]);
    expect(scoreOf(first, 'bo')).toMatchObject({ fit: 0, total: 0 });
    expect(contributionsOf(first, 'bo')).toEqual([]);

    const change = (previous: string, value: string | null) => ({ contactId: 'bo', changes: [{ property: 'jobTitle', previous, value }] });
    const promoted = project([at('ContactPropertiesChanged', change('Engineer', 'VP Sales'), day(1))], carry(new Map(), first));
    expect(scoreOf(promoted, 'bo')).toMatchObject({ fit: 15, total: 15, asOf: day(1) });
    expect(contributionsOf(promoted, 'bo')).toEqual([
      expect.objectContaining({ ruleId: 'senior-title', groupId: 'fit', eventId: null, position: null, points: 15, counted: 15 }),
    ]);

    const cleared = project([at('ContactPropertiesChanged', change('VP Sales', null), day(2))], carry(carry(new Map(), first), promoted));
    expect(scoreOf(cleared, 'bo')).toMatchObject({ fit: 0, total: 0 });
    expect(scoreOf(cleared, 'bo').properties).not.toHaveProperty('jobTitle');
    expect(cleared.replacedContributions).toEqual(['bo']);
    expect(contributionsOf(cleared, 'bo')).toEqual([]);
  });

  it('rewrites a contact\'s contributions only when they change, as decay does when the contact acts again', () => {
    const at = log();
    const first = project([at('ContactCreated', created('jo', 'VP Sales'), day(0))]);
    expect(first.replacedContributions).toEqual([]);
    expect(contributionsOf(first, 'jo').map((c) => c.ruleId)).toEqual(['senior-title']);

    const stage = (previous: string, next: string) => ({ contactId: 'jo', previous, stage: next });
    const staged = project([at('ContactLifecycleStageChanged', stage('lead', 'marketing-qualified'), day(1))], carry(new Map(), first));
    expect(scoreOf(staged, 'jo')).toMatchObject({ fit: 15, asOf: day(1) });
    expect(staged.replacedContributions).toEqual([]);
    expect(staged.contributions).toEqual([]);

    const viewedAt = carry(carry(new Map(), first), staged);
    const viewed = project([at('PageViewed', pageView('jo', '/pricing'), day(1), 'activity-jo')], viewedAt);
    expect(viewed.replacedContributions).toEqual(['jo']);
    expect(contributionsOf(viewed, 'jo').map((c) => [c.ruleId, c.points])).toEqual([['senior-title', 15], ['pricing-page', 5]]);

    // A month later the page view has decayed: same events, other points.
    const later = project([at('ContactLifecycleStageChanged', stage('marketing-qualified', 'lead'), day(31))], carry(viewedAt, viewed));
    expect(later.replacedContributions).toEqual(['jo']);
    expect(contributionsOf(later, 'jo').map((c) => [c.ruleId, c.points])).toEqual([['senior-title', 15], ['pricing-page', 2.5]]);
  });

  it('re-scores a contact as of its own later activity, so decay moves only when something happens to it', () => {
    const at = log();
    const viewed = project([at('PageViewed', pageView('cy', '/pricing'), day(0), 'activity-cy')]);
    expect(scoreOf(viewed, 'cy')).toMatchObject({ engagement: 5, asOf: day(0) });

    const stage = { contactId: 'cy', previous: 'lead', stage: 'marketing-qualified' };
    const later = project([at('ContactLifecycleStageChanged', stage, day(60))], carry(new Map(), viewed));
    // Two half-lives later: 5 -> 1.25, without the page view being delivered again.
    expect(scoreOf(later, 'cy')).toMatchObject({ engagement: 1.25, asOf: day(60), properties: { lifecycleStage: 'marketing-qualified' } });
    expect(later.addedEvents).toEqual([]);
  });

  it('keeps the latest instant as the as-of when an older event arrives later (imported history)', () => {
    const at = log();
    const changes = project([at('FormSubmitted', demoForm('dee'), day(20), 'activity-dee'), at('PageViewed', pageView('dee', '/pricing'), day(-10), 'activity-dee')]);
    expect(scoreOf(changes, 'dee')).toMatchObject({ asOf: day(20), position: '20', engagement: 32.5 });
  });

  it('caps a rule at its maxPoints and reports the cut on each contribution', () => {
    const at = log();
    const views = Array.from({ length: 6 }, () => at('PageViewed', pageView('ed', '/pricing'), day(0), 'activity-ed'));
    const changes = project(views);
    expect(scoreOf(changes, 'ed')).toMatchObject({ engagement: 20, total: 20 });
    const rows = contributionsOf(changes, 'ed');
    expect(rows).toHaveLength(6);
    expect(rows.reduce((sum, row) => sum + row.cutByRuleCap, 0)).toBeCloseTo(10, 10);
    expect(rows.reduce((sum, row) => sum + row.counted, 0)).toBeCloseTo(20, 10);
  });

  it('counts an event delivered twice once', () => {
    const at = log();
    const form = at('FormSubmitted', demoForm('fay'), day(0), 'activity-fay');
    const first = project([form]);
    const again = project([form], carry(new Map(), first));
    expect(scoreOf(again, 'fay')).toMatchObject({ total: 30 });
    expect(again.addedEvents).toEqual([]);
  });

  it('hands a merged duplicate\'s scoring events to the primary and takes the duplicate out of the running', () => {
    const at = log();
    const before = project([
      at('ContactCreated', created('primary'), day(0)),
      at('ContactCreated', created('dup'), day(0)),
      at('PageViewed', pageView('primary', '/pricing'), day(5), 'activity-primary'),
      at('FormSubmitted', demoForm('dup'), day(5), 'activity-dup'),
    ]);
    expect(scoreOf(before, 'primary').total).toBe(5);
    expect(scoreOf(before, 'dup').total).toBe(30);

    const merged = project(
      [
        at('ContactMerged', { contactId: 'dup', mergedInto: 'primary', email: 'dup@example.com' }, day(6)),
        at('ContactAbsorbed', { contactId: 'primary', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, day(6)),
      ],
      carry(new Map(), before),
    );
    expect(scoreOf(merged, 'dup').mergedInto).toBe('primary');
    expect(scoreOf(merged, 'primary')).toMatchObject({ mergedInto: null, asOf: day(6) });
    expect(scoreOf(merged, 'primary').total).toBeCloseTo(30 + 5 * 0.5 ** (1 / 30), 2);
    expect(contributionsOf(merged, 'primary').map((c) => [c.ruleId, c.eventId])).toEqual([
      ['pricing-page', 'event-3'],
      ['demo-request', 'event-4'],
    ]);
    expect(merged.addedEvents.map((e) => [e.contactId, e.id])).toEqual([['primary', 'event-4']]);
  });

  it('gives the primary the same score whichever merge event comes first', () => {
    const run = (order: 'merged-first' | 'absorbed-first') => {
      const at = log();
      const form = at('FormSubmitted', demoForm('dup'), day(0), 'activity-dup');
      const mergedEvent = () => at('ContactMerged', { contactId: 'dup', mergedInto: 'primary', email: 'd@example.com' }, day(1));
      const absorbedEvent = () => at('ContactAbsorbed', { contactId: 'primary', mergedContactId: 'dup', mergedEmail: 'd@example.com' }, day(1));
      const merge = order === 'merged-first' ? [mergedEvent(), absorbedEvent()] : [absorbedEvent(), mergedEvent()];
      return project([form, ...merge]);
    };
    for (const changes of [run('merged-first'), run('absorbed-first')]) {
      expect(scoreOf(changes, 'primary')).toMatchObject({ total: 30, mergedInto: null });
      expect(scoreOf(changes, 'dup').mergedInto).toBe('primary');
    }
  });

  it('scores with the build\'s formula, including events about several contacts (deals)', () => {
    const { formula } = validateFormula({
      name: 'deals',
      thresholds: { mql: 10, sql: 20 },
      limit: 100,
      groups: [
        {
          id: 'sales',
          kind: 'engagement',
          limit: 100,
          rules: [{ id: 'deal-opened', points: 25, when: { event: 'DealCreated', where: [{ field: 'amount', op: 'gte', value: 1000 }] } }],
        },
      ],
    });
    const at = log();
    const deal = (dealId: string, amount: string, contactIds: string[]) =>
      at(
        'DealCreated',
        {
          dealId,
          name: dealId,
          pipelineId: 'p',
          stageId: 's',
          amount,
          currency: 'EUR',
          revenueType: 'one-off',
          billingPeriod: null,
          renewsDealId: null,
          contractTermMonths: 12,
          closeDate: '2026-06-30',
          ownerId: null,
          contactIds,
          companyId: null,
        },
        day(0),
        `deal-${dealId}`,
      );
    // Amounts are decimal strings: "1000.00" is 1000 exactly, "999.99" below it.
    const changes = project([deal('big', '1000.00', ['gus', 'hal']), deal('small', '999.99', ['gus', 'ivy'])], new Map(), formula);
    expect(scoreOf(changes, 'gus')).toMatchObject({ total: 25, qualification: 'sql', formulaId: formulaId(formula!) });
    expect(scoreOf(changes, 'hal')).toMatchObject({ total: 25, qualification: 'sql' });
    expect(changes.addedEvents.map((e) => [e.contactId, e.id])).toEqual([
      ['gus', 'event-1'],
      ['hal', 'event-1'],
    ]);
  });

  it('tells a contact crossing the MQL threshold once, with the event that made it cross and the formula', () => {
    const at = log();
    const events = [
      at('ContactCreated', created('ann', 'VP Sales'), day(0)),
      at('PageViewed', pageView('ann', '/pricing'), day(1), 'activity-ann'),
      at('FormSubmitted', demoForm('ann'), day(2), 'activity-ann'),
      at('PageViewed', pageView('ann', '/pricing'), day(3), 'activity-ann'),
    ];
    expect(project(events).qualificationChanges).toEqual([
      { contactId: 'ann', position: '30', eventId: 'event-3', occurredAt: day(2), previous: 'none', qualification: 'mql', formulaId: formulaId(DEFAULT_FORMULA), total: 49.89 },
    ]);
  });

  it('tells every change one event at a time would, however the batches fall: up, and down again', () => {
    const at = log();
    const events = [
      at('ContactCreated', created('ivy', 'Head of Data'), day(0)),
      at('FormSubmitted', demoForm('ivy'), day(1), 'activity-ivy'),
      at('ContactPropertiesChanged', { contactId: 'ivy', changes: [{ property: 'jobTitle', previous: 'Head of Data', value: 'Intern' }] }, day(2)),
      at('ContactCreated', created('bo', 'VP Sales'), day(2)),
    ];
    const whole = project(events).qualificationChanges;
    expect(whole.map((c) => [c.contactId, c.eventId, c.previous, c.qualification])).toEqual([
      ['ivy', 'event-2', 'none', 'mql'],
      ['ivy', 'event-3', 'mql', 'none'],
    ]);
    let loaded = new Map<string, ContactScoreState>();
    const oneByOne = events.flatMap((event) => {
      const changes = project([event], loaded);
      loaded = carry(loaded, changes);
      return changes.qualificationChanges;
    });
    expect(oneByOne).toEqual(whole);
  });

  it('gives the same rows whether a log arrives in one batch or in several', () => {
    const at = log();
    const events = [
      at('ContactCreated', created('ivy', 'Head of Data'), day(0)),
      at('PageViewed', pageView('ivy', '/pricing'), day(1), 'activity-ivy'),
      at('MarketingEmailClicked', { contactId: 'ivy', emailId: 'm1', url: null }, day(2), 'activity-ivy'),
      at('FormSubmitted', demoForm('ivy'), day(9), 'activity-ivy'),
    ];
    const whole = project(events);
    let loaded = new Map<string, ContactScoreState>();
    let stored = new Map<string, unknown[]>();
    let last: LeadScoreChanges | null = null;
    for (const event of events) {
      last = project([event], loaded);
      loaded = carry(loaded, last);
      stored = storeContributions(stored, last);
    }
    expect(last!.scores).toEqual(whole.scores);
    expect([...stored.values()].flat()).toEqual(whole.contributions);
    expect(scoreOf(whole, 'ivy')).toMatchObject({ fit: 15, qualification: 'mql' });
  });

  // The reducer changes its own working copies: loaded states are shared with the caller (and re-scored for the
  // stored contributions), so a change in place would be a wrong row, not just a surprise.
  it('leaves the loaded states as given, frozen or not', () => {
    const at = log();
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
      return Object.freeze(value);
    };
    const history = [
      at('ContactCreated', created('ivy', 'Head of Data'), day(0)),
      at('PageViewed', pageView('ivy', '/pricing'), day(1), 'activity-ivy'),
      at('ContactCreated', created('dup', 'Engineer'), day(1)),
      at('FormSubmitted', demoForm('dup'), day(2), 'activity-dup'),
    ];
    const batch = [
      at('ContactPropertiesChanged', { contactId: 'ivy', changes: [{ property: 'plan', previous: 'pro', value: null }] }, day(3)),
      at('PageViewed', pageView('ivy', '/pricing'), day(4), 'activity-ivy'),
      at('ContactMerged', { contactId: 'dup', mergedInto: 'ivy', email: 'dup@example.com' }, day(5)),
      at('ContactAbsorbed', { contactId: 'ivy', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, day(5)),
    ];
    const loaded = carry(new Map(), project(history));
    const given = JSON.stringify([...loaded]);
    const fromCopies = project(batch, structuredClone(loaded));

    expect(project(batch, deepFreeze(loaded))).toEqual(fromCopies);
    expect(JSON.stringify([...loaded])).toBe(given);
    expect(scoreOf(fromCopies, 'ivy').properties).not.toHaveProperty('plan');
  });
});

describe('occurredAt normalisation', () => {
  // The slow path, which every answer must equal: parsed, kept within four-digit years, written back.
  const reference = (value: string): string => {
    const ms = Date.parse(value);
    if (!Number.isFinite(ms)) return 'not an instant';
    return new Date(Math.min(Math.max(ms, Date.parse('0000-01-01T00:00:00.000Z')), Date.parse('9999-12-31T23:59:59.999Z'))).toISOString();
  };
  const answer = (value: string): string => {
    try {
      return normalisedInstant(value, 'spec');
    } catch {
      return 'not an instant';
    }
  };
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');

  it('answers as parsing and formatting would, for every day of leap and common years and the edges of each field', () => {
    const years = [0, 4, 100, 400, 1900, 1999, 2000, 2024, 2026, 9999];
    const values: string[] = [];
    for (const year of years) {
      for (let month = 0; month <= 13; month += 1) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) values.push(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T12:00:00.000Z`);
      }
    }
    for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '23:60:00.000', '23:59:60.000', '1a:00:00.000', '12:00:00.0x0']) {
      values.push(`2024-02-29T${time}Z`);
    }
    values.push(
      '2024-02-29T12:00:00.000z', '2024-02-29T12:00:00.000+00:00', '2024-02-29T12:00:00Z', '2024-02-29 12:00:00.000Z',
      '+010000-01-01T00:00:00.000Z', '-000001-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z ', 'yesterday', '',
    );
    expect(values.map(answer)).toEqual(values.map(reference));
    // Mostly strings the fast path takes, so the comparison covers it and not only the fallback.
    expect(values.filter((value) => reference(value) === value).length).toBeGreaterThan(300);
  });
});
