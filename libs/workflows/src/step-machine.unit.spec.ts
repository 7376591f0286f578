import fc from 'fast-check';
import {
  commandKeyOf,
  nextStep,
  parseWorkflowDocument,
  startCursor,
  type RecordState,
  type RunCursor,
  type StepDecision,
  type WorkflowDefinition,
} from './index.js';

const definitionOf = (input: unknown): WorkflowDefinition => {
  const { definition, errors } = parseWorkflowDocument(input);
  if (!definition) throw new Error(JSON.stringify(errors));
  return definition;
};

const HANDOFF = definitionOf({
  name: 'MQL handoff',
  trigger: { becomes: 'mql' },
  goal: { 'contact.lifecycleStage': 'customer' },
  unenrolWhen: { 'contact.marketingStatus': 'non-marketing' },
  steps: [
    { id: 'stage', action: 'setLifecycleStage', stage: 'marketing-qualified' },
    { id: 'wait', delay: { duration: 'PT4H' } },
    {
      id: 'owned',
      if: { 'contact.ownerId': { exists: true } },
      then: [{ id: 'task', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}}', dueInBusinessDays: 1 }],
      else: [{ id: 'assign', action: 'assignOwner', assign: { roundRobin: { team: 'sales' } } }],
    },
    { id: 'chat', action: 'postToChat', url: 'https://chat.example.com/hook', text: 'New MQL {{contact.email}}' },
  ],
});
const OWNED: RecordState = { contact: { email: 'ada@example.com', ownerId: 'o1', lifecycleStage: 'lead', marketingStatus: 'marketing' } };
const T0 = '2026-03-02T10:00:00Z';

/** What the run records for a decision, as the run events fold into the cursor. */
const record = (cursor: RunCursor, decision: StepDecision): RunCursor => {
  switch (decision.kind) {
    case 'act':
    case 'resume':
    case 'skip':
      return { ...cursor, completedStepIds: [...cursor.completedStepIds, decision.step.id], waitingOn: null };
    case 'branch':
      return {
        ...cursor,
        completedStepIds: [...cursor.completedStepIds, decision.step.id],
        branchTaken: { ...cursor.branchTaken, [decision.step.id]: decision.taken },
      };
    case 'wait':
      return { ...cursor, waitingOn: { stepId: decision.step.id, dueAt: decision.dueAt } };
    case 'finish':
      return cursor;
  }
};

/** Runs until the run finishes or waits, at `now`; the decisions in order, summarised. */
const runUntilPause = (definition: WorkflowDefinition, cursor: RunCursor, state: RecordState, now: string) => {
  const decisions: string[] = [];
  // Bounded: a machine that repeated a step would otherwise never stop.
  while (decisions.length < 20) {
    const decision = nextStep(definition, cursor, state, now);
    decisions.push(`${decision.kind}:${'step' in decision ? decision.step.id : decision.outcome}`);
    if (decision.kind === 'finish' || (decision.kind === 'wait' && cursor.waitingOn)) return { decisions, cursor };
    cursor = record(cursor, decision);
  }
  return { decisions, cursor };
};

describe('nextStep', () => {
  const start = startCursor('w1', 3, 'e1');

  it('acts, waits on a delay, resumes when due, follows the branch taken and completes', () => {
    const first = runUntilPause(HANDOFF, start, OWNED, T0);
    expect(first.decisions).toEqual(['act:stage', 'wait:wait', 'wait:wait']);
    expect(first.cursor.waitingOn).toEqual({ stepId: 'wait', dueAt: '2026-03-02T14:00:00Z' });

    // Not yet due: the run keeps waiting on the recorded dueAt, whatever the delay would say now.
    expect(nextStep(HANDOFF, first.cursor, OWNED, '2026-03-02T13:59:59Z')).toEqual({ kind: 'wait', step: HANDOFF.steps[1], dueAt: '2026-03-02T14:00:00Z' });
    const second = runUntilPause(HANDOFF, first.cursor, OWNED, '2026-03-02T14:00:00Z');
    expect(second.decisions).toEqual(['resume:wait', 'branch:owned', 'act:task', 'act:chat', 'finish:completed']);
    expect(second.cursor.branchTaken).toEqual({ owned: 'then' });
  });

  it('takes the else arm with the values that decided it', () => {
    const unowned = { contact: { ...OWNED.contact, ownerId: null } };
    const cursor = { ...start, completedStepIds: ['stage', 'wait'] };
    expect(nextStep(HANDOFF, cursor, unowned, T0)).toEqual({ kind: 'branch', step: HANDOFF.steps[2], taken: 'else', values: { 'contact.ownerId': null } });
    const after = record(cursor, nextStep(HANDOFF, cursor, unowned, T0));
    expect(nextStep(HANDOFF, after, unowned, T0)).toMatchObject({ kind: 'act', step: { id: 'assign' } });
  });

  it("gives an action the key of its command: the run's workflow, version, enrolling event and the step", () => {
    expect(nextStep(HANDOFF, start, OWNED, T0)).toEqual({ kind: 'act', step: HANDOFF.steps[0], commandKey: 'w1@3:e1:stage' });
    expect(commandKeyOf('w1', 3, 'e1', 'stage')).toBe('w1@3:e1:stage');
  });

  it('leaves when unenrolment criteria are met, then when the goal is, before any step', () => {
    const customer = { contact: { ...OWNED.contact, lifecycleStage: 'customer' } };
    expect(nextStep(HANDOFF, start, customer, T0)).toEqual({ kind: 'finish', outcome: 'goalMet', values: { 'contact.lifecycleStage': 'customer' } });
    const optedOut = { contact: { ...OWNED.contact, lifecycleStage: 'customer', marketingStatus: 'non-marketing' } };
    expect(nextStep(HANDOFF, start, optedOut, T0)).toEqual({ kind: 'finish', outcome: 'unenrolled', values: { 'contact.marketingStatus': 'non-marketing' } });
  });

  it('skips a delay until an empty date property, saying why', () => {
    const renewal = definitionOf({
      name: 'Renewal',
      trigger: { event: 'DealWon' },
      steps: [{ id: 'until', delay: { untilProperty: 'renewalDate', offsetDays: -30 } }, { id: 'hook', action: 'sendWebhook', url: 'https://example.com/hook' }],
    });
    const cursor = startCursor('w2', 1, 'e2');
    expect(nextStep(renewal, cursor, { deal: { renewalDate: null } }, T0)).toEqual({ kind: 'skip', step: renewal.steps[0], detail: 'deal.renewalDate is empty' });
    expect(nextStep(renewal, cursor, { deal: { renewalDate: '2026-12-31' } }, T0)).toEqual({ kind: 'wait', step: renewal.steps[0], dueAt: '2026-12-01T00:00:00Z' });
  });

  it('refuses a time that is no instant', () => {
    expect(() => nextStep(HANDOFF, start, OWNED, 'tomorrow')).toThrow(TypeError);
  });

  it('never returns a recorded step and always finishes, whatever the state along the way', () => {
    const states = fc.record({
      contact: fc.record({
        email: fc.constant('ada@example.com'),
        ownerId: fc.option(fc.constant('o1')),
        // Mostly a record that stays enrolled, so runs get to their last steps.
        lifecycleStage: fc.oneof({ arbitrary: fc.constant('lead'), weight: 19 }, { arbitrary: fc.constant('customer'), weight: 1 }),
        marketingStatus: fc.oneof({ arbitrary: fc.constant('marketing'), weight: 19 }, { arbitrary: fc.constant('non-marketing'), weight: 1 }),
      }),
    });
    fc.assert(
      fc.property(fc.array(states, { minLength: 12, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 8 * 3_600_000 }), { minLength: 12, maxLength: 12 }), (stateAt, elapsed) => {
        let cursor = start;
        let now = Date.parse(T0);
        for (let turn = 0; turn < 12; turn++) {
          now += elapsed[turn];
          const decision = nextStep(HANDOFF, cursor, stateAt[turn], new Date(now).toISOString());
          if (decision.kind === 'finish') return;
          if (cursor.completedStepIds.includes(decision.step.id)) throw new Error(`${decision.step.id} again`);
          cursor = record(cursor, decision);
        }
        // Once the delay is due, the rest of the run takes at most six decisions (wait, resume, branch, two acts).
        const rest = runUntilPause(HANDOFF, cursor, OWNED, '2026-04-01T00:00:00Z').decisions;
        expect(rest.length).toBeLessThanOrEqual(6);
        expect(rest.at(-1)).toMatch(/^finish:/);
      }),
    );
  });
});
