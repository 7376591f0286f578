// Decides snippets and who holds a shortcut. Every rule on the input is here (checkSnippet), so the api and an import
// refuse the same snippets; a refusal names the field at fault.
import { alreadyExists, assertNever, decideByType, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { ClaimSnippetShortcut, CreateSnippet, DeleteSnippet, ReleaseSnippetShortcut, SnippetCommand, SnippetShortcutCommand, UpdateSnippet } from './snippet.commands.js';
import { checkTemplate, variablesOf, type TemplateProblem } from './snippet-template.js';
import {
  MAX_SNIPPET_NAME_LENGTH,
  normalizeShortcut,
  SHORTCUT_PATTERN,
  SHORTCUT_RULE,
  type SnippetDefinition,
  type SnippetEvent,
  type SnippetShortcutEvent,
} from './snippet.events.js';

export type SnippetState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'active'; snippetId: string; snippet: SnippetDefinition }>
  | Readonly<{ status: 'deleted'; snippetId: string }>;

export type SnippetProblem = TemplateProblem;
export type SnippetCheck = Readonly<{ ok: true; value: SnippetDefinition }> | Readonly<{ ok: false; problems: readonly SnippetProblem[] }>;

const SHORTCUT = new RegExp(SHORTCUT_PATTERN);

type Requested = Readonly<{ shortcut: unknown; name?: unknown; body: unknown; customProperties: readonly string[] }>;

/** The snippet a request asks for, canonical, or every field at fault. A blank or absent name is the shortcut. */
export const checkSnippet = ({ shortcut, name, body, customProperties }: Requested): SnippetCheck => {
  const problems: SnippetProblem[] = [];
  const normalized = typeof shortcut === 'string' ? normalizeShortcut(shortcut) : '';
  if (!SHORTCUT.test(normalized)) problems.push({ field: 'shortcut', reason: `must be ${SHORTCUT_RULE}` });
  const trimmedName = typeof name === 'string' ? name.trim() : '';
  if (name !== undefined && name !== null && typeof name !== 'string') problems.push({ field: 'name', reason: 'must be text' });
  else if (trimmedName.length > MAX_SNIPPET_NAME_LENGTH) problems.push({ field: 'name', reason: `must be at most ${MAX_SNIPPET_NAME_LENGTH} characters` });
  problems.push(...checkTemplate(body, customProperties));
  if (problems.length > 0) return { ok: false, problems };
  const text = body as string;
  return { ok: true, value: { shortcut: normalized, name: trimmedName === '' ? normalized : trimmedName, body: text, variables: variablesOf(text) } };
};

/** The refusal of a snippet's input: RULE_VIOLATED naming the fields, which the service answers as a 400. */
export const snippetInvalid = (problems: readonly SnippetProblem[]) =>
  ruleViolated('snippet-invalid', problems.map(({ field, reason }) => `${field}: ${reason}`).join('; '), { field: problems[0].field, fields: problems });

const create = ({ data }: CreateSnippet, state: SnippetState): readonly SnippetEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('snippet', { id: data.snippetId });
  const checked = checkSnippet(data);
  if (!checked.ok) throw snippetInvalid(checked.problems);
  return [{ type: 'SnippetCreated', data: { snippetId: data.snippetId, ...checked.value } }];
};

const update = ({ data }: UpdateSnippet, state: SnippetState): readonly SnippetEvent[] => {
  if (state.status !== 'active') throw notFound('snippet', data.snippetId);
  const { snippet } = state;
  const checked = checkSnippet({
    shortcut: data.shortcut ?? snippet.shortcut,
    name: data.name === undefined ? snippet.name : data.name,
    body: data.body ?? snippet.body,
    customProperties: data.customProperties,
  });
  if (!checked.ok) throw snippetInvalid(checked.problems);
  const next = checked.value;
  const same = next.shortcut === snippet.shortcut && next.name === snippet.name && next.body === snippet.body;
  return same ? [] : [{ type: 'SnippetUpdated', data: { snippetId: data.snippetId, ...next } }];
};

const remove = ({ data }: DeleteSnippet, state: SnippetState): readonly SnippetEvent[] => {
  if (state.status !== 'active') throw notFound('snippet', data.snippetId);
  return [{ type: 'SnippetDeleted', data: { snippetId: data.snippetId, shortcut: state.snippet.shortcut } }];
};

export const snippetDecider: Decider<SnippetCommand, SnippetEvent, SnippetState> = {
  decide: decideByType({ CreateSnippet: create, UpdateSnippet: update, DeleteSnippet: remove }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'SnippetCreated':
      case 'SnippetUpdated': {
        const { snippetId, ...snippet } = event.data;
        return { status: 'active', snippetId, snippet };
      }
      case 'SnippetDeleted':
        return { status: 'deleted', snippetId: event.data.snippetId };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};

export type SnippetShortcutState = Readonly<{ claimedBy: string | null }>;

// Idempotent for the holder, so a retry after a crash finds its own claim.
const claim = ({ data }: ClaimSnippetShortcut, state: SnippetShortcutState): readonly SnippetShortcutEvent[] => {
  const shortcut = normalizeShortcut(data.shortcut);
  if (state.claimedBy === data.snippetId) return [];
  if (state.claimedBy !== null) throw alreadyExists(`a snippet with shortcut #${shortcut}`, { existingId: state.claimedBy, field: 'shortcut' });
  return [{ type: 'SnippetShortcutClaimed', data: { shortcut, snippetId: data.snippetId } }];
};

const release = ({ data }: ReleaseSnippetShortcut, state: SnippetShortcutState): readonly SnippetShortcutEvent[] =>
  state.claimedBy === data.snippetId ? [{ type: 'SnippetShortcutReleased', data: { shortcut: normalizeShortcut(data.shortcut), snippetId: data.snippetId } }] : [];

export const snippetShortcutDecider: Decider<SnippetShortcutCommand, SnippetShortcutEvent, SnippetShortcutState> = {
  decide: decideByType({ ClaimSnippetShortcut: claim, ReleaseSnippetShortcut: release }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'SnippetShortcutClaimed':
        return { claimedBy: event.data.snippetId };
      case 'SnippetShortcutReleased':
        return { claimedBy: null };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ claimedBy: null }),
};
