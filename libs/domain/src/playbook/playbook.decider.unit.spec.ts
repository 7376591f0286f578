import { DeciderSpecification } from '../shared/decider-specification.js';
import { checkAnswers, checkPlaybook, playbookDecider, type ContactPropertyTargets, type PlaybookCommand, type PlaybookEvent, type PlaybookQuestion } from './index.js';

const given = DeciderSpecification.for(playbookDecider);
const metadata = { now: '2026-03-15T10:00:00.000Z' };
const playbookId = 'p-1';
const targets: ContactPropertyTargets = {
  jobTitle: { type: 'string', options: [] },
  budget: { type: 'number', options: [] },
  horizon: { type: 'enum', options: ['now', 'later', 'never'] },
};
const asked = [
  { id: 'role', text: ' Your role? ', type: 'text', mapsTo: 'jobTitle' },
  { id: 'budget', text: 'Budget?', type: 'number', mapsTo: 'budget', required: true },
  { id: 'horizon', text: 'When?', type: 'choice', options: ['now', 'later'], mapsTo: 'horizon' },
];
const questions: PlaybookQuestion[] = [
  { id: 'role', text: 'Your role?', type: 'text', options: [], required: false, mapsTo: 'jobTitle' },
  { id: 'budget', text: 'Budget?', type: 'number', options: [], required: true, mapsTo: 'budget' },
  { id: 'horizon', text: 'When?', type: 'choice', options: ['now', 'later'], required: false, mapsTo: 'horizon' },
];
const create = (data: Partial<Extract<PlaybookCommand, { type: 'CreatePlaybook' }>['data']> = {}): PlaybookCommand => ({
  type: 'CreatePlaybook',
  data: { playbookId, name: 'Discovery', team: 'sales', questions: asked, contactProperties: targets, ...data },
  metadata,
});
const created: PlaybookEvent = { type: 'PlaybookCreated', data: { playbookId, version: 1, name: 'Discovery', team: 'sales', questions } };
const fieldsOf = (check: ReturnType<typeof checkPlaybook> | ReturnType<typeof checkAnswers>) => (check.ok ? [] : check.problems.map((p) => p.field));

describe('playbook decider', () => {
  it('creates version 1 with questions canonical: trimmed text, no options but on choices, not required by default', () => {
    given([]).when(create()).then([created]);
  });

  it.each([
    ['an unknown team', { team: 'legal' }, ['team']],
    ['no questions', { questions: [] }, ['questions']],
    ['a question type not offered', { questions: [{ id: 'a', text: 'A?', type: 'date' }] }, ['questions.0.type']],
    ['a choice with one option', { questions: [{ id: 'a', text: 'A?', type: 'choice', options: ['x'] }] }, ['questions.0.options']],
    ['options on a number', { questions: [{ id: 'a', text: 'A?', type: 'number', options: ['1', '2'] }] }, ['questions.0.options']],
    ['an unknown property', { questions: [{ id: 'a', text: 'A?', type: 'text', mapsTo: 'shoe' }] }, ['questions.0.mapsTo']],
    ['a number to a text property', { questions: [{ id: 'a', text: 'A?', type: 'number', mapsTo: 'jobTitle' }] }, ['questions.0.mapsTo']],
    ['a choice outside an enum', { questions: [{ id: 'a', text: 'A?', type: 'choice', options: ['now', 'soon'], mapsTo: 'horizon' }] }, ['questions.0.mapsTo']],
    ['a repeated id', { questions: [{ id: 'a', text: 'A?', type: 'text' }, { id: 'a', text: 'B?', type: 'text' }] }, ['questions.1.id']],
    ['two questions setting one property', { questions: [{ id: 'a', text: 'A?', type: 'text', mapsTo: 'jobTitle' }, { id: 'b', text: 'B?', type: 'text', mapsTo: 'jobTitle' }] }, ['questions.1.mapsTo']],
    ['a question that is no object', { questions: ['Budget?'] }, ['questions.0']],
  ])('names the field of %s', (_, data, fields) => {
    expect(fieldsOf(checkPlaybook({ name: 'x', team: 'sales', questions: asked, contactProperties: targets, ...data }))).toEqual(fields);
  });

  it('refuses bad input as RULE_VIOLATED playbook-invalid, and a second creation', () => {
    given([]).when(create({ name: ' ' })).thenThrows('RULE_VIOLATED', 'playbook-invalid');
    given([created]).when(create()).thenThrows('ALREADY_EXISTS');
  });

  it('revises to the next version keeping its team, decides nothing for no change, and refuses an archived one', () => {
    const revise = (data: object): PlaybookCommand => ({ type: 'RevisePlaybook', data: { playbookId, contactProperties: targets, ...data }, metadata });
    given([created]).when(revise({ name: 'Discovery v2' })).then([{ type: 'PlaybookRevised', data: { ...created.data, version: 2, name: 'Discovery v2' } }]);
    given([created]).when(revise({ name: 'Discovery' })).then([]);
    const archived: PlaybookEvent = { type: 'PlaybookArchived', data: { playbookId, team: 'sales' } };
    given([created]).when({ type: 'ArchivePlaybook', data: { playbookId }, metadata }).then([archived]);
    given([created, archived]).when(revise({ name: 'Again' })).thenThrows('RULE_VIOLATED', 'playbook-archived');
    given([]).when(revise({ name: 'Again' })).thenThrows('NOT_FOUND');
  });
});

describe('checking a run\'s answers', () => {
  it('answers in question order, each with its question as asked; blank text is no answer', () => {
    const checked = checkAnswers(questions, { horizon: 'later', budget: 1200.5, role: '  ' });
    expect(checked).toEqual({
      ok: true,
      value: [
        { questionId: 'budget', question: 'Budget?', type: 'number', value: 1200.5, mapsTo: 'budget' },
        { questionId: 'horizon', question: 'When?', type: 'choice', value: 'later', mapsTo: 'horizon' },
      ],
    });
  });

  it.each([
    ['a number as text', { budget: '12' }, ['answers.budget']],
    ['a choice not offered', { budget: 1, horizon: 'never' }, ['answers.horizon']],
    ['text that is a number', { budget: 1, role: 7 }, ['answers.role']],
    ['a question not asked', { budget: 1, shoe: 42 }, ['answers.shoe']],
    ['a required question left out', { role: 'CTO' }, ['answers.budget']],
    ['answers that are no object', [1, 2], ['answers']],
  ])('names the answer at fault for %s', (_, answers, fields) => {
    expect(fieldsOf(checkAnswers(questions, answers))).toEqual(fields);
  });
});
