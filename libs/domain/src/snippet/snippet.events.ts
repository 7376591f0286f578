// Snippets: reusable texts a rep calls by `#shortcut`. A shortcut is unique among live snippets: its claim lives on
// a stream of its own (snippetShortcutStream), as contact emails do (#domain/unique-value). Names and shapes are
// permanent once stored.
import { createHash } from 'node:crypto';
import { dataSchema, defineEvent, idSchema as id, type DomainEvent, type EventDefinition, type JsonSchema } from '../shared/index.js';
import { MAX_SNIPPET_BODY_LENGTH } from './snippet-template.js';

export const snippetStream = (snippetId: string): string => `snippet-${snippetId}`;

/** Lower-case letters, digits, `-` and `_`, starting with a letter or digit; a leading `#` is not part of it. */
export const SHORTCUT_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';
export const SHORTCUT_RULE = '1 to 64 lower-case letters, digits, - or _, starting with a letter or digit (a leading # is dropped)';
export const MAX_SNIPPET_NAME_LENGTH = 200;

/** The shortcut as stored and compared: without a leading `#`, trimmed, lower-case. */
export const normalizeShortcut = (shortcut: string): string => shortcut.trim().replace(/^#/, '').toLowerCase();

// Hashed so any spelling fits a stream name.
export const snippetShortcutStream = (shortcut: string): string =>
  `snippetshortcut-${createHash('sha256').update(normalizeShortcut(shortcut), 'utf8').digest('hex')}`;

export type SnippetDefinition = Readonly<{
  shortcut: string;
  name: string;
  body: string;
  /** The variables the body uses, in order of first use. */
  variables: readonly string[];
}>;

export type SnippetCreated = DomainEvent<'SnippetCreated', Readonly<{ snippetId: string } & SnippetDefinition>>;
/** The whole definition after the change. */
export type SnippetUpdated = DomainEvent<'SnippetUpdated', Readonly<{ snippetId: string } & SnippetDefinition>>;
export type SnippetDeleted = DomainEvent<'SnippetDeleted', Readonly<{ snippetId: string; shortcut: string }>>;

export type SnippetEvent = SnippetCreated | SnippetUpdated | SnippetDeleted;

export type SnippetShortcutClaimed = DomainEvent<'SnippetShortcutClaimed', Readonly<{ shortcut: string; snippetId: string }>>;
export type SnippetShortcutReleased = DomainEvent<'SnippetShortcutReleased', Readonly<{ shortcut: string; snippetId: string }>>;

export type SnippetShortcutEvent = SnippetShortcutClaimed | SnippetShortcutReleased;

const shortcut: JsonSchema = { type: 'string', pattern: SHORTCUT_PATTERN };
const definition = {
  shortcut,
  name: { type: 'string', minLength: 1, maxLength: MAX_SNIPPET_NAME_LENGTH },
  body: { type: 'string', minLength: 1, maxLength: MAX_SNIPPET_BODY_LENGTH },
  variables: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
} satisfies Record<string, JsonSchema>;

export const snippetEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'SnippetCreated',
    schemaVersion: 1,
    description: 'A snippet was written: a text template with {{variables}}, called by its #shortcut.',
    schema: dataSchema({ snippetId: id, ...definition }),
  }),
  defineEvent({
    type: 'SnippetUpdated',
    schemaVersion: 1,
    description: "A snippet's shortcut, name or body changed; the event carries the whole definition after the change.",
    schema: dataSchema({ snippetId: id, ...definition }),
  }),
  defineEvent({
    type: 'SnippetDeleted',
    schemaVersion: 1,
    description: 'A snippet was deleted; its shortcut is free again.',
    schema: dataSchema({ snippetId: id, shortcut }),
  }),
  defineEvent({
    type: 'SnippetShortcutClaimed',
    schemaVersion: 1,
    description: 'The snippet snippetId holds the shortcut; no other snippet may take it until released.',
    schema: dataSchema({ shortcut, snippetId: id }),
  }),
  defineEvent({
    type: 'SnippetShortcutReleased',
    schemaVersion: 1,
    description: 'The snippet snippetId gave the shortcut up (renamed or deleted); it may be claimed again.',
    schema: dataSchema({ shortcut, snippetId: id }),
  }),
];
