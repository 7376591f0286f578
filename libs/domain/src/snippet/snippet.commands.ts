import type { Command } from '../shared/index.js';

/**
 * Values as a client sent them; the decider checks them (checkSnippet). customProperties: the custom properties
 * defined for contacts when the command was sent, which `{{contact.properties.<name>}}` may name; the edge reads them,
 * as the decider reads nothing.
 */
export type CreateSnippet = Command<
  'CreateSnippet',
  Readonly<{ snippetId: string; shortcut: string; name?: string | null; body: string; customProperties: readonly string[] }>
>;
/** Omitted fields stay as they are. */
export type UpdateSnippet = Command<
  'UpdateSnippet',
  Readonly<{ snippetId: string; shortcut?: string; name?: string | null; body?: string; customProperties: readonly string[] }>
>;
export type DeleteSnippet = Command<'DeleteSnippet', Readonly<{ snippetId: string }>>;

export type SnippetCommand = CreateSnippet | UpdateSnippet | DeleteSnippet;

/** Decided on snippetShortcutStream(shortcut). */
export type ClaimSnippetShortcut = Command<'ClaimSnippetShortcut', Readonly<{ shortcut: string; snippetId: string }>>;
export type ReleaseSnippetShortcut = Command<'ReleaseSnippetShortcut', Readonly<{ shortcut: string; snippetId: string }>>;

export type SnippetShortcutCommand = ClaimSnippetShortcut | ReleaseSnippetShortcut;
