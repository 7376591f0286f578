// Decides playbooks: written once for a team, then revised (a new version) or archived. Every rule on the input is
// here (checkPlaybook), and so is the check of a run's answers against the questions (checkAnswers), so the api and
// any other caller refuse the same things; a refusal names the field at fault.
import { alreadyExists, assertNever, decideByType, hasLoneSurrogate, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { ArchivePlaybook, ContactPropertyTargets, CreatePlaybook, PlaybookCommand, RevisePlaybook } from './playbook.commands.js';
import {
  MAX_OPTION_LENGTH,
  MAX_OPTIONS,
  MAX_PLAYBOOK_NAME_LENGTH,
  MAX_QUESTION_TEXT_LENGTH,
  MAX_QUESTIONS,
  PLAYBOOK_TEAMS,
  QUESTION_ID_PATTERN,
  QUESTION_TYPES,
  type PlaybookDefinition,
  type PlaybookEvent,
  type PlaybookQuestion,
  type PlaybookTeam,
  type QuestionType,
} from './playbook.events.js';

export type Playbook = Readonly<{ playbookId: string; version: number; archived: boolean } & PlaybookDefinition>;
export type PlaybookState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'present'; playbook: Playbook }>;

export type PlaybookProblem = Readonly<{ field: string; reason: string }>;
type Check<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; problems: readonly PlaybookProblem[] }>;

const QUESTION_ID = new RegExp(QUESTION_ID_PATTERN);
export const MAX_TEXT_ANSWER_LENGTH = 10_000;

const isText = (value: unknown): value is string => typeof value === 'string' && !value.includes('\u0000') && !hasLoneSurrogate(value);
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Which property types an answer of each question type may be written to (a choice to an enum only with its options).
const FITS: Readonly<Record<QuestionType, readonly string[]>> = { text: ['string'], choice: ['string', 'enum'], number: ['number'] };

const checkQuestion = (raw: unknown, at: string, targets: ContactPropertyTargets, problems: PlaybookProblem[]): PlaybookQuestion | null => {
  if (!isRecord(raw)) {
    problems.push({ field: at, reason: 'must be an object {id, text, type, options, required, mapsTo}' });
    return null;
  }
  const before = problems.length;
  const { id, text, type } = raw;
  if (typeof id !== 'string' || !QUESTION_ID.test(id)) problems.push({ field: `${at}.id`, reason: `must match ${QUESTION_ID_PATTERN}` });
  const trimmed = isText(text) ? text.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_QUESTION_TEXT_LENGTH) problems.push({ field: `${at}.text`, reason: `must be text of 1 to ${MAX_QUESTION_TEXT_LENGTH} characters` });
  if (!isOneOf(QUESTION_TYPES, type)) problems.push({ field: `${at}.type`, reason: `must be one of ${QUESTION_TYPES.join(', ')}` });
  const rawOptions = raw.options ?? [];
  let options: string[] = [];
  if (!Array.isArray(rawOptions) || rawOptions.length > MAX_OPTIONS || !rawOptions.every((o) => isText(o) && o.trim() !== '' && o.trim().length <= MAX_OPTION_LENGTH)) {
    problems.push({ field: `${at}.options`, reason: `must be a list of at most ${MAX_OPTIONS} texts of 1 to ${MAX_OPTION_LENGTH} characters` });
  } else {
    options = rawOptions.map((o: string) => o.trim());
    if (new Set(options).size !== options.length) problems.push({ field: `${at}.options`, reason: 'must not repeat an option' });
    if (type === 'choice' && options.length < 2) problems.push({ field: `${at}.options`, reason: 'a choice question needs at least 2 options' });
    if (type !== 'choice' && options.length > 0) problems.push({ field: `${at}.options`, reason: `only choice questions have options, not ${String(type)}` });
  }
  const required = raw.required ?? false;
  if (typeof required !== 'boolean') problems.push({ field: `${at}.required`, reason: 'must be true or false' });
  const mapsTo = raw.mapsTo ?? null;
  if (mapsTo !== null) {
    const target = typeof mapsTo === 'string' && Object.hasOwn(targets, mapsTo) ? targets[mapsTo] : undefined;
    if (target === undefined) {
      problems.push({ field: `${at}.mapsTo`, reason: `must name a contact property: ${Object.keys(targets).join(', ')}` });
    } else if (isOneOf(QUESTION_TYPES, type) && !FITS[type].includes(target.type)) {
      problems.push({ field: `${at}.mapsTo`, reason: `a ${type} answer cannot be written to ${String(mapsTo)}, a ${target.type} property` });
    } else if (target.type === 'enum' && options.some((option) => !target.options.includes(option))) {
      problems.push({ field: `${at}.mapsTo`, reason: `every option must be one of ${String(mapsTo)}'s values: ${target.options.join(', ')}` });
    }
  }
  if (problems.length > before) return null;
  return { id: id as string, text: trimmed, type: type as QuestionType, options, required: required as boolean, mapsTo: mapsTo as string | null };
};

type Requested = Readonly<{ name: unknown; team: unknown; questions: unknown; contactProperties: ContactPropertyTargets }>;

/** The playbook a request asks for, canonical, or every field at fault. */
export const checkPlaybook = ({ name, team, questions, contactProperties }: Requested): Check<PlaybookDefinition> => {
  const problems: PlaybookProblem[] = [];
  const trimmedName = isText(name) ? name.trim() : '';
  if (trimmedName === '' || trimmedName.length > MAX_PLAYBOOK_NAME_LENGTH) problems.push({ field: 'name', reason: `must be text of 1 to ${MAX_PLAYBOOK_NAME_LENGTH} characters` });
  if (!isOneOf(PLAYBOOK_TEAMS, team)) problems.push({ field: 'team', reason: `must be one of ${PLAYBOOK_TEAMS.join(', ')}` });
  const checked: PlaybookQuestion[] = [];
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) {
    problems.push({ field: 'questions', reason: `must be a list of 1 to ${MAX_QUESTIONS} questions` });
  } else {
    questions.forEach((raw, index) => {
      const question = checkQuestion(raw, `questions.${index}`, contactProperties, problems);
      if (question === null) return;
      if (checked.some((other) => other.id === question.id)) problems.push({ field: `questions.${index}.id`, reason: `${question.id} is used by an earlier question` });
      else if (question.mapsTo !== null && checked.some((other) => other.mapsTo === question.mapsTo))
        problems.push({ field: `questions.${index}.mapsTo`, reason: `${question.mapsTo} is set by an earlier question` });
      checked.push(question);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name: trimmedName, team: team as PlaybookTeam, questions: checked } };
};

/** The refusal of a playbook's input (or a run's answers): RULE_VIOLATED naming the fields, which the service answers as a 400. */
export const playbookInvalid = (problems: readonly PlaybookProblem[]) =>
  ruleViolated('playbook-invalid', problems.map(({ field, reason }) => `${field}: ${reason}`).join('; '), { field: problems[0].field, fields: problems });

/** One answer as a run records it: the question as it was asked, and the value given. */
export type PlaybookAnswer = Readonly<{
  questionId: string;
  question: string;
  type: QuestionType;
  value: string | number;
  mapsTo: string | null;
}>;

/**
 * The answers checked against the questions, in the questions' order, or every `answers.<questionId>` at fault:
 * an id the playbook does not ask, a required question left out, text that is not text, a number that is not a
 * finite number, a choice that is not among the options. Blank text and null are no answer.
 */
export const checkAnswers = (questions: readonly PlaybookQuestion[], answers: unknown): Check<readonly PlaybookAnswer[]> => {
  if (!isRecord(answers)) return { ok: false, problems: [{ field: 'answers', reason: 'must be an object of question id to answer' }] };
  const problems: PlaybookProblem[] = [];
  for (const id of Object.keys(answers)) {
    if (!questions.some((question) => question.id === id)) problems.push({ field: `answers.${id}`, reason: 'the playbook asks no such question' });
  }
  const checked: PlaybookAnswer[] = [];
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const raw = Object.hasOwn(answers, question.id) ? answers[question.id] : null;
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (question.required) problems.push({ field, reason: 'is required' });
      continue;
    }
    const answer = (value: string | number) => checked.push({ questionId: question.id, question: question.text, type: question.type, value, mapsTo: question.mapsTo });
    switch (question.type) {
      case 'text':
        if (!isText(raw) || raw.trim().length > MAX_TEXT_ANSWER_LENGTH) problems.push({ field, reason: `must be text of at most ${MAX_TEXT_ANSWER_LENGTH} characters` });
        else answer(raw.trim());
        break;
      case 'number':
        if (typeof raw !== 'number' || !Number.isFinite(raw)) problems.push({ field, reason: 'must be a finite number' });
        else answer(raw);
        break;
      case 'choice':
        if (!isOneOf(question.options, raw)) problems.push({ field, reason: `must be one of ${question.options.join(', ')}` });
        else answer(raw);
        break;
      default:
        assertNever(question.type);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: checked };
};

const create = ({ data }: CreatePlaybook, state: PlaybookState): readonly PlaybookEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('playbook', { id: data.playbookId });
  const checked = checkPlaybook(data);
  if (!checked.ok) throw playbookInvalid(checked.problems);
  return [{ type: 'PlaybookCreated', data: { playbookId: data.playbookId, version: 1, ...checked.value } }];
};

const requireLive = (state: PlaybookState, playbookId: string): Playbook => {
  if (state.status !== 'present') throw notFound('playbook', playbookId);
  if (state.playbook.archived) throw ruleViolated('playbook-archived', `playbook ${playbookId} is archived`);
  return state.playbook;
};

const revise = ({ data }: RevisePlaybook, state: PlaybookState): readonly PlaybookEvent[] => {
  const playbook = requireLive(state, data.playbookId);
  const checked = checkPlaybook({
    name: data.name ?? playbook.name,
    team: playbook.team,
    questions: data.questions ?? playbook.questions,
    contactProperties: data.contactProperties,
  });
  if (!checked.ok) throw playbookInvalid(checked.problems);
  const { name, questions } = checked.value;
  if (name === playbook.name && JSON.stringify(questions) === JSON.stringify(playbook.questions)) return [];
  return [{ type: 'PlaybookRevised', data: { playbookId: data.playbookId, version: playbook.version + 1, ...checked.value } }];
};

const archive = ({ data }: ArchivePlaybook, state: PlaybookState): readonly PlaybookEvent[] => {
  const playbook = requireLive(state, data.playbookId);
  return [{ type: 'PlaybookArchived', data: { playbookId: data.playbookId, team: playbook.team } }];
};

export const playbookDecider: Decider<PlaybookCommand, PlaybookEvent, PlaybookState> = {
  decide: decideByType({ CreatePlaybook: create, RevisePlaybook: revise, ArchivePlaybook: archive }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'PlaybookCreated':
      case 'PlaybookRevised': {
        const { playbookId, version, name, team, questions } = event.data;
        return { status: 'present', playbook: { playbookId, version, name, team, questions, archived: false } };
      }
      case 'PlaybookArchived':
        return state.status === 'present' ? { status: 'present', playbook: { ...state.playbook, archived: true } } : state;
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
