import type { Command } from '../shared/index.js';

/**
 * Values as a client sent them; the decider checks them (checkPlaybook). contactProperties: the contact properties a
 * question may map to (built-in fields and the custom properties defined when the command was sent, with their
 * types); the edge reads them, as the decider reads nothing.
 */
export type CreatePlaybook = Command<
  'CreatePlaybook',
  Readonly<{ playbookId: string; name: unknown; team: unknown; questions: unknown; contactProperties: ContactPropertyTargets }>
>;
/** Omitted fields stay as they are; the team never changes (a playbook is its team's). */
export type RevisePlaybook = Command<
  'RevisePlaybook',
  Readonly<{ playbookId: string; name?: unknown; questions?: unknown; contactProperties: ContactPropertyTargets }>
>;
export type ArchivePlaybook = Command<'ArchivePlaybook', Readonly<{ playbookId: string }>>;

export type PlaybookCommand = CreatePlaybook | RevisePlaybook | ArchivePlaybook;

/** What an answer may be written to: the type of each contact property (built-in fields are `string`). */
export type ContactPropertyTarget = Readonly<{ type: 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'enum'; options: readonly string[] }>;
export type ContactPropertyTargets = Readonly<Record<string, ContactPropertyTarget>>;
