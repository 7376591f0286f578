import { MAX_STEPS, parseWorkflowDocument, workflowHash, type WorkflowDefinition } from './index.js';

const MINIMAL = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

const MINIMAL_CANONICAL: WorkflowDefinition = {
  name: 'Demo request handoff',
  recordType: 'contact',
  trigger: { kind: 'event', event: 'FormSubmitted', where: { formId: { eq: 'demo' } }, state: {} },
  reenrolment: 'afterExit',
  goal: null,
  unenrolWhen: null,
  steps: [
    { id: 'handoff', kind: 'action', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 },
  ],
};

const valid = (input: unknown): WorkflowDefinition => {
  const { definition, errors } = parseWorkflowDocument(input);
  expect(errors).toEqual([]);
  return definition!;
};
const errorsOf = (input: unknown) => parseWorkflowDocument(input).errors;
/** The minimal workflow with other steps. */
const withSteps = (...steps: unknown[]) => ({ ...MINIMAL, steps });

describe('parseWorkflowDocument', () => {
  it("accepts the issue's minimal definition as it is and fills in the canonical form", () => {
    expect(parseWorkflowDocument(MINIMAL)).toEqual({ definition: MINIMAL_CANONICAL, errors: [] });
  });

  it('reads the same workflow from JSON text and YAML text, to one definition and one hash', () => {
    const yaml = `
name: Demo request handoff
trigger:
  event: FormSubmitted
  where: { formId: demo }
steps:
  - id: handoff
    action: createTask
    owner: contactOwner
    subject: "Call {{contact.email}} about the demo"
    dueInBusinessDays: 1
`;
    expect(valid(JSON.stringify(MINIMAL))).toEqual(MINIMAL_CANONICAL);
    expect(valid(yaml)).toEqual(MINIMAL_CANONICAL);
    expect(workflowHash(valid(yaml))).toBe(workflowHash(valid(JSON.stringify(MINIMAL))));
  });

  it('gives the canonical form back unchanged, with the same hash', () => {
    expect(valid(MINIMAL_CANONICAL)).toEqual(MINIMAL_CANONICAL);
    expect(workflowHash(valid(MINIMAL_CANONICAL))).toBe(workflowHash(valid(MINIMAL)));
  });

  it('hashes different content differently', () => {
    const other = { ...MINIMAL, trigger: { event: 'FormSubmitted', where: { formId: 'trial' } } };
    expect(workflowHash(valid(other))).not.toBe(workflowHash(valid(MINIMAL)));
  });

  it.each([
    ['FormSubmitted', 'contact'],
    ['PageViewed', 'contact'],
    ['ContactPropertiesChanged', 'contact'],
    ['MarketingEmailUnsubscribed', 'contact'],
    ['LeadScoreQualificationChanged', 'contact'],
    ['DealStageChanged', 'deal'],
    ['TicketCreated', 'ticket'],
    ['CompanyCreated', 'company'],
  ])('infers the record type of a %s trigger: %s', (event, recordType) => {
    expect(valid({ ...MINIMAL, trigger: { event } }).recordType).toBe(recordType);
  });

  it('keeps a declared record type (a deal event enrolling its contact) and asks for one when the event names none', () => {
    expect(valid({ ...MINIMAL, recordType: 'contact', trigger: { event: 'DealContactAssociated' } }).recordType).toBe('contact');
    expect(errorsOf({ ...MINIMAL, trigger: { event: 'EngagementLogged' } })).toEqual([
      { path: '/recordType', message: expect.stringContaining('is required') },
    ]);
  });

  it('reads every trigger kind and every step form, with its defaults', () => {
    const definition = valid({
      name: '  Closing soon  ',
      trigger: { dateProperty: 'closeDate', offsetDays: -7, recordType: 'deal' },
      reenrolment: 'always',
      goal: { 'deal.stage': { in: ['closedwon', 'closedlost'] } },
      unenrolWhen: { 'deal.amount': { lt: 100 }, 'owner.id': { exists: false } },
      steps: [
        { id: 'wait', delay: { duration: 'P1DT2H' } },
        { id: 'until-close', delay: { untilProperty: 'closeDate' } },
        { id: 'monday', delay: { weekday: 'monday', time: '08:30', timeZone: 'Europe/Paris' } },
        {
          id: 'big',
          if: { 'deal.amount': { gte: 10000 } },
          then: [
            { id: 'ticket', action: 'createTicket', pipelineId: 'support', subject: 'Review {{deal.name}}', priority: 'urgent' },
            { id: 'chat', action: 'postToChat', url: 'https://chat.example.com/hook', text: 'Big deal {{deal.name}}' },
          ],
        },
        { id: 'stage', action: 'setLifecycleStage', stage: 'opportunity' },
        { id: 'status', action: 'setMarketingStatus', status: 'non-marketing', reason: 'closing' },
        { id: 'assign', action: 'assignOwner', assign: { roundRobin: { team: 'sales' } } },
        { id: 'least', action: 'assignOwner', assign: { leastOpenTasks: { team: 'sales' } } },
        { id: 'named', action: 'assignOwner', assign: { ownerId: 'o1' } },
        { id: 'prop', action: 'setProperty', property: 'stageNote', value: null },
        { id: 'hook', action: 'sendWebhook', url: 'https://example.com/in' },
        { id: 'next', action: 'enrolInWorkflow', workflowId: 'w2' },
        { id: 'task', action: 'createTask', owner: { ownerId: 'o1' }, subject: 'Call', body: 'Notes', dueInBusinessDays: 0, priority: 'high' },
      ],
    });
    expect(definition).toEqual({
      name: 'Closing soon',
      recordType: 'deal',
      trigger: { kind: 'schedule', recordType: 'deal', dateProperty: 'deal.closeDate', offsetDays: -7, time: '09:00', timeZone: 'UTC' },
      reenrolment: 'always',
      goal: { 'deal.stage': { in: ['closedwon', 'closedlost'] } },
      unenrolWhen: { 'deal.amount': { lt: 100 }, 'owner.id': { exists: false } },
      steps: [
        { id: 'wait', kind: 'delay', delay: { duration: 'P1DT2H' } },
        { id: 'until-close', kind: 'delay', delay: { untilProperty: 'deal.closeDate', offsetDays: 0 } },
        { id: 'monday', kind: 'delay', delay: { weekday: 'monday', time: '08:30', timeZone: 'Europe/Paris' } },
        {
          id: 'big',
          kind: 'branch',
          if: { 'deal.amount': { gte: 10000 } },
          then: [
            { id: 'ticket', kind: 'action', action: 'createTicket', pipelineId: 'support', subject: 'Review {{deal.name}}', priority: 'urgent' },
            { id: 'chat', kind: 'action', action: 'postToChat', url: 'https://chat.example.com/hook', text: 'Big deal {{deal.name}}' },
          ],
          else: [],
        },
        { id: 'stage', kind: 'action', action: 'setLifecycleStage', stage: 'opportunity', forwardOnly: true },
        { id: 'status', kind: 'action', action: 'setMarketingStatus', status: 'non-marketing', reason: 'closing' },
        { id: 'assign', kind: 'action', action: 'assignOwner', assign: { roundRobin: { team: 'sales' } } },
        { id: 'least', kind: 'action', action: 'assignOwner', assign: { leastOpenTasks: { team: 'sales' } } },
        { id: 'named', kind: 'action', action: 'assignOwner', assign: { ownerId: 'o1' } },
        { id: 'prop', kind: 'action', action: 'setProperty', property: 'stageNote', value: null },
        { id: 'hook', kind: 'action', action: 'sendWebhook', url: 'https://example.com/in' },
        { id: 'next', kind: 'action', action: 'enrolInWorkflow', workflowId: 'w2' },
        { id: 'task', kind: 'action', action: 'createTask', owner: { ownerId: 'o1' }, subject: 'Call', body: 'Notes', dueInBusinessDays: 0, priority: 'high' },
      ],
    });
  });

  it('reads a qualification trigger as a contact workflow', () => {
    const definition = valid({ ...MINIMAL, trigger: { becomes: 'mql', state: { 'contact.lifecycleStage': { in: ['subscriber', 'lead'] } } } });
    expect(definition.trigger).toEqual({ kind: 'qualification', becomes: 'mql', state: { 'contact.lifecycleStage': { in: ['subscriber', 'lead'] } } });
    expect(definition.recordType).toBe('contact');
  });

  it('lists every error of a document at once, each with a JSON pointer', () => {
    const errors = errorsOf({
      name: '',
      trigger: { event: 'FormSubmitted', where: { formId: { equals: 'demo' } }, state: { lifecycleStage: 'lead' } },
      reenrolment: 'sometimes',
      colour: 'blue',
      steps: [
        { id: 'a', action: 'sendFax' },
        { id: 'b', action: 'createTask', owner: 'contactOwner', dueInBusinessDays: 1 },
        { id: 'c', delay: { duration: '2 days' } },
        { id: 'd', delay: { weekday: 'someday', time: '25:00', timeZone: 'Mars/Olympus' } },
        { id: 'e', action: 'setLifecycleStage', stage: 'prospect' },
        { id: 'f', action: 'setMarketingStatus', status: 'maybe', reason: 'x' },
        { id: 'g', if: { 'contact.country': 'FR' }, else: [{ id: 'a', delay: { duration: 'PT4H' } }] },
      ],
    });
    expect(errors).toEqual([
      { path: '/colour', message: 'is not a known member' },
      { path: '/name', message: 'must be a non-empty string' },
      { path: '/trigger/where/formId/equals', message: expect.stringContaining('is not an operator') },
      { path: '/trigger/state/lifecycleStage', message: expect.stringContaining('names a state path') },
      { path: '/reenrolment', message: 'must be one of "never", "afterExit", "always"' },
      { path: '/steps/0/action', message: expect.stringContaining('must be one of "createTask"') },
      { path: '/steps/1/subject', message: 'must be a non-empty string' },
      { path: '/steps/2/delay/duration', message: expect.stringContaining('ISO 8601 duration') },
      { path: '/steps/3/delay/weekday', message: expect.stringContaining('"monday"') },
      { path: '/steps/3/delay/time', message: expect.stringContaining('HH:MM') },
      { path: '/steps/3/delay/timeZone', message: expect.stringContaining('IANA time zone') },
      { path: '/steps/4/stage', message: expect.stringContaining('"marketing-qualified"') },
      { path: '/steps/5/status', message: 'must be one of "marketing", "non-marketing"' },
      { path: '/steps/6/then', message: 'is required: the steps when the condition holds' },
      { path: '/steps/6/else/0/id', message: 'duplicates the step id at /steps/0/id: step ids are unique in the whole workflow' },
    ]);
  });

  it.each([
    ['a missing name', { ...MINIMAL, name: undefined }, '/name'],
    ['a missing trigger', { ...MINIMAL, trigger: undefined }, '/trigger'],
    ['an unknown event', { ...MINIMAL, trigger: { event: 'FormSubmited' } }, '/trigger/event'],
    ['an unknown trigger kind', { ...MINIMAL, trigger: { kind: 'webhook' } }, '/trigger/kind'],
    ['a bad qualification', { ...MINIMAL, trigger: { becomes: 'hot' } }, '/trigger/becomes'],
    ['a qualification trigger on deals', { ...MINIMAL, recordType: 'deal', trigger: { becomes: 'mql' } }, '/recordType'],
    ['a schedule time zone', { ...MINIMAL, trigger: { dateProperty: 'contact.birthday', recordType: 'contact', timeZone: 'Paris' } }, '/trigger/timeZone'],
    ['no steps', { ...MINIMAL, steps: [] }, '/steps'],
    ['a step id with a colon', withSteps({ id: 'a:b', delay: { duration: 'P1D' } }), '/steps/0/id'],
    ['a step without a kind', withSteps({ id: 'a', wait: 'P1D' }), '/steps/0/kind'],
    ['an unknown owner role', withSteps({ ...MINIMAL.steps[0], owner: 'boss' }), '/steps/0/owner'],
    ['business days below zero', withSteps({ ...MINIMAL.steps[0], dueInBusinessDays: -1 }), '/steps/0/dueInBusinessDays'],
    ['a template field outside the state', withSteps({ ...MINIMAL.steps[0], subject: 'Call {{email}}' }), '/steps/0/subject'],
    ['an unclosed template field', withSteps({ ...MINIMAL.steps[0], subject: 'Call {{contact.email' }), '/steps/0/subject'],
    ['a zero duration', withSteps({ id: 'a', delay: { duration: 'PT0S' } }), '/steps/0/delay/duration'],
    ['a fractional duration', withSteps({ id: 'a', delay: { duration: 'PT0.5H' } }), '/steps/0/delay/duration'],
    ['a delay of no known form', withSteps({ id: 'a', delay: { hours: 4 } }), '/steps/0/delay'],
    ['two assignments at once', withSteps({ id: 'a', action: 'assignOwner', assign: { ownerId: 'o1', roundRobin: { team: 't' } } }), '/steps/0/assign'],
    ['a webhook that is not http', withSteps({ id: 'a', action: 'sendWebhook', url: 'ftp://example.com' }), '/steps/0/url'],
    ['a list as a condition value', { ...MINIMAL, goal: { 'contact.country': ['FR', 'DE'] } }, '/goal/contact.country'],
    ['an empty goal', { ...MINIMAL, goal: {} }, '/goal'],
    ['an in without values', { ...MINIMAL, goal: { 'contact.country': { in: [] } } }, '/goal/contact.country/in'],
    ['a branch without its condition', withSteps({ id: 'a', then: [] }), '/steps/0/if'],
  ])('refuses %s', (_case, input, path) => {
    expect(errorsOf(input).map((error) => error.path)).toEqual([path]);
  });

  it(`refuses more than ${MAX_STEPS} steps, counting those inside branches`, () => {
    const delays = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, delay: { duration: 'P1D' } }));
    expect(errorsOf(withSteps(...delays('a', 98), { id: 'b', if: { 'contact.country': 'FR' }, then: delays('c', 1) }))).toEqual([]);
    expect(errorsOf(withSteps(...delays('a', 98), { id: 'b', if: { 'contact.country': 'FR' }, then: delays('c', 2) }))).toEqual([
      { path: '/steps', message: 'must hold at most 100 steps in all (this one has 101)' },
    ]);
  });

  it('refuses branches nested deeper than five levels', () => {
    const nested = (levels: number): unknown =>
      levels === 0 ? { id: 'leaf', delay: { duration: 'P1D' } } : { id: `level${levels}`, if: { 'contact.country': 'FR' }, then: [nested(levels - 1)] };
    expect(errorsOf(withSteps(nested(4)))).toEqual([]);
    expect(errorsOf(withSteps(nested(5)))).toEqual([
      { path: '/steps/0/then/0/then/0/then/0/then/0', message: 'nests branches deeper than 5 levels of steps' },
    ]);
  });

  it('refuses text longer than Tally keeps', () => {
    expect(errorsOf({ ...MINIMAL, name: 'x'.repeat(201) })).toEqual([{ path: '/name', message: 'must be at most 200 characters' }]);
    expect(errorsOf(withSteps({ id: 'a', action: 'enrolInWorkflow', workflowId: 'w'.repeat(201) }))).toEqual([
      { path: '/steps/0/workflowId', message: 'must be at most 200 characters' },
    ]);
  });

  it('reports YAML syntax errors and duplicate keys at the document', () => {
    expect(errorsOf('name: a\nname: b\n')).toEqual([{ path: '', message: expect.stringContaining('Map keys must be unique') }]);
    expect(errorsOf('{ "name": ')).toEqual([{ path: '', message: expect.any(String) }]);
    expect(errorsOf('just words')).toEqual([{ path: '', message: 'must be an object: a workflow definition' }]);
    expect(errorsOf(42)).toEqual([{ path: '', message: 'must be an object: a workflow definition' }]);
  });

  it('escapes ~ and / in pointers', () => {
    expect(errorsOf({ ...MINIMAL, 'a/b~c': 1 })).toEqual([{ path: '/a~1b~0c', message: 'is not a known member' }]);
  });
});
