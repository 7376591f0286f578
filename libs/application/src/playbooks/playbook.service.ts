// Playbooks: written by the team they belong to (a super-admin writes any), and run on a call or meeting. A run is
// recorded on the engagement's stream; the answers mapped to contact properties then update the contact through the
// ordinary contact update, its event naming the run's event as its cause and its ids derived from the run, so a
// re-send of the run (same Idempotency-Key) writes neither twice.
import { CONTACT_PROFILE_FIELDS, contactDecider, contactStream, requireActiveContact, type ContactProfileField, type UpdateContact } from '#domain/contact';
import { engagementStream, isPlaybookRunRecorded, playbookRunDecider, type RecordPlaybookRun } from '#domain/engagement';
import {
  checkAnswers,
  playbookDecider,
  playbookStream,
  type ContactPropertyTargets,
  type Playbook,
  type PlaybookAnswer,
  type PlaybookCommand,
  type PlaybookProblem,
  type PlaybookTeam,
} from '#domain/playbook';
import { definedProperty, validatePropertyValues } from '#domain/property-definition';
import { DomainError, notFound, ruleViolated, type PropertyValue } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { ContactService } from '../contacts/contact.service.js';
import { validationFailed } from '../errors/application-error.js';
import { loadPropertyDefinitions } from '../properties/property-definition.service.js';
import { idempotentIds, type RequestContext } from '../request-context.js';

/** The role that may write every team's playbooks. */
export const ALL_TEAMS_ROLE = 'super-admin';

/** A role writing a playbook of another team: 403 with its own code. */
export class PlaybookTeamForbidden extends Error {
  readonly code = 'PLAYBOOK_TEAM_FORBIDDEN';
  constructor(
    readonly role: string,
    readonly team: string,
  ) {
    super(`the ${role} role writes only ${role} playbooks; this playbook belongs to ${team}`);
  }

  get details(): Readonly<Record<string, unknown>> {
    return { role: this.role, team: this.team, fields: [{ field: 'team', reason: `a ${this.role} key may not write a ${this.team} playbook` }] };
  }
}

/** A playbook command as a client asks it: the service adds the contact properties a question may map to. */
export type PlaybookRequest =
  | Readonly<{ type: 'CreatePlaybook'; data: Readonly<{ playbookId: string; name: unknown; team: unknown; questions: unknown }>; metadata: Readonly<{ now: string }> }>
  | Readonly<{ type: 'RevisePlaybook'; data: Readonly<{ playbookId: string; name?: unknown; questions?: unknown }>; metadata: Readonly<{ now: string }> }>
  | Readonly<{ type: 'ArchivePlaybook'; data: Readonly<{ playbookId: string }>; metadata: Readonly<{ now: string }> }>;

export type PlaybookRunRequest = Readonly<{
  engagementId: string;
  playbookId: string;
  answers: unknown;
  /** The contact the mapped answers update; default: the engagement's only contact. */
  contactId?: string;
}>;

export type PlaybookRunResult = Readonly<{
  runId: string;
  engagementId: string;
  /** The id of the PlaybookRunRecorded event: the causation id of the contact's change. */
  runEventId: string;
  contactId: string | null;
  engagement: CommandResult;
  /** The contact's update by the mapped answers; null when no answer maps to a property. */
  contact: CommandResult | null;
}>;

export type PlaybookView = Readonly<{ revision: number } & Playbook>;

/** Built-in contact fields an answer may set (the email is changed only on the contact itself: it is claimed). */
const PROFILE_TARGETS: readonly ContactProfileField[] = CONTACT_PROFILE_FIELDS.filter((field) => field !== 'email');

const isProfileField = (name: string): name is ContactProfileField => (PROFILE_TARGETS as readonly string[]).includes(name);

export class PlaybookService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly contacts: ContactService,
  ) {}

  /** Where answers may be written: the built-in fields, and the custom contact properties defined now, with their types. */
  async contactPropertyTargets(): Promise<ContactPropertyTargets> {
    const { state } = await loadPropertyDefinitions(this.executor, 'contact');
    const targets: Record<string, ContactPropertyTargets[string]> = {};
    for (const field of PROFILE_TARGETS) targets[field] = { type: 'string', options: [] };
    for (const name of state.definitions.keys()) {
      const definition = definedProperty(state, name);
      if (definition !== undefined) targets[name] = { type: definition.type, options: definition.options.map((option) => option.value) };
    }
    return targets;
  }

  /** `role` is the caller's: it writes only its own team's playbooks, unless it is super-admin. */
  async handle(request: PlaybookRequest, role: string, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const stream = playbookStream(request.data.playbookId);
    if (request.type === 'CreatePlaybook') {
      if (typeof request.data.team === 'string') this.requireTeam(role, request.data.team);
    } else {
      const { state } = await this.executor.load(stream, playbookDecider);
      if (state.status === 'present') this.requireTeam(role, state.playbook.team);
    }
    const command: PlaybookCommand =
      request.type === 'ArchivePlaybook'
        ? request
        : request.type === 'CreatePlaybook'
          ? { ...request, data: { ...request.data, contactProperties: await this.contactPropertyTargets() } }
          : { ...request, data: { ...request.data, contactProperties: await this.contactPropertyTargets() } };
    try {
      return await this.executor.execute(stream, playbookDecider, command, context, options);
    } catch (error) {
      // A playbook's input refused by its rules is bad input: 400 naming every field at fault.
      if (error instanceof DomainError && error.details.rule === 'playbook-invalid') throw validationFailed(error.details.fields as readonly PlaybookProblem[]);
      throw error;
    }
  }

  private requireTeam(role: string, team: string): void {
    // An unknown team is the decider's 400, not a 403.
    if (role !== ALL_TEAMS_ROLE && role !== team && ['sales', 'service', 'marketing'].includes(team)) throw new PlaybookTeamForbidden(role, team);
  }

  async get(playbookId: string): Promise<PlaybookView> {
    const { state, revision } = await this.executor.load(playbookStream(playbookId), playbookDecider);
    if (state.status !== 'present') throw notFound('playbook', playbookId);
    return { revision, ...state.playbook };
  }

  /**
   * Records a run of a playbook's current version on an engagement, then writes the mapped answers to the contact.
   * Everything is checked before anything is written: the answers (400 naming `answers.<questionId>`), the contact,
   * and the mapped values against the contact's property definitions as they stand.
   */
  async run(request: PlaybookRunRequest, context: RequestContext): Promise<PlaybookRunResult> {
    const { engagementId } = request;
    const engagement = engagementStream(engagementId);
    const { state: runs } = await this.executor.load(engagement, playbookRunDecider);
    if (runs.engagementId === null) throw notFound('engagement', engagementId);
    const { state } = await this.executor.load(playbookStream(request.playbookId), playbookDecider);
    if (state.status !== 'present') throw validationFailed([{ field: 'playbookId', reason: `no playbook ${request.playbookId} exists` }]);
    const { playbook } = state;
    if (playbook.archived) throw ruleViolated('playbook-archived', `playbook ${playbook.playbookId} is archived and cannot be run`);
    const answers = checkAnswers(playbook.questions, request.answers);
    if (!answers.ok) throw validationFailed(answers.problems);

    const runId = context.ids.next('playbook-run');
    const command: RecordPlaybookRun = {
      type: 'RecordPlaybookRun',
      data: {
        engagementId,
        runId,
        playbookId: playbook.playbookId,
        playbookVersion: playbook.version,
        playbookName: playbook.name,
        team: playbook.team as PlaybookTeam,
        contactId: request.contactId ?? null,
        answers: answers.value,
      },
      metadata: { now: context.now },
    };
    let contactId: string | null;
    try {
      // Decided up front so that a refused run (not a call or meeting, a contact not on it) writes nothing.
      const decided = playbookRunDecider.decide(command, runs).filter(isPlaybookRunRecorded);
      contactId = decided[0]?.data.contactId ?? command.data.contactId;
    } catch (error) {
      if (error instanceof DomainError && error.details.rule === 'playbook-invalid') throw validationFailed(error.details.fields as readonly PlaybookProblem[]);
      throw error;
    }
    const changes = await this.contactChanges(answers.value, contactId);

    const written = await this.executor.execute(engagement, playbookRunDecider, command, context);
    const recorded = (await this.executor.readStream(engagement)).find((event) => isPlaybookRunRecorded(event) && (event.data as { runId: string }).runId === runId);
    if (recorded === undefined) throw new Error(`playbook run ${runId} was not found on ${engagement} after its append`);
    if (changes === null || contactId === null) return { runId, engagementId, runEventId: recorded.id, contactId, engagement: written, contact: null };

    const update: UpdateContact = { type: 'UpdateContact', data: { contactId, changes }, metadata: { now: context.now } };
    // The contact's change is caused by the run's event, and its ids derive from the run: a re-send finds it written.
    const caused: RequestContext = { ...context, causationId: recorded.id, ids: idempotentIds(`playbook-run:${runId}:contact`) };
    const contact = await this.contacts.update(update, caused);
    return { runId, engagementId, runEventId: recorded.id, contactId, engagement: written, contact };
  }

  /** The contact update the mapped answers ask for, checked against the contact and its definitions; null: none. */
  private async contactChanges(answers: readonly PlaybookAnswer[], contactId: string | null): Promise<UpdateContact['data']['changes'] | null> {
    const mapped = answers.filter((answer) => answer.mapsTo !== null);
    if (mapped.length === 0 || contactId === null) return null;
    requireActiveContact((await this.executor.load(contactStream(contactId), contactDecider)).state, contactId);
    const profile: Partial<Record<ContactProfileField, string>> = {};
    const properties: Record<string, PropertyValue> = {};
    const questionOf = new Map<string, string>();
    for (const answer of mapped) {
      const target = answer.mapsTo as string;
      questionOf.set(`properties.${target}`, answer.questionId);
      if (isProfileField(target)) profile[target] = String(answer.value);
      else properties[target] = answer.value;
    }
    if (Object.keys(properties).length > 0) {
      // Definitions may have changed since the playbook was written: a problem is named by the question that maps.
      const { state } = await loadPropertyDefinitions(this.executor, 'contact');
      const problems = validatePropertyValues('contact', state, properties);
      if (problems.length > 0)
        throw validationFailed(problems.map(({ field, reason }) => ({ field: `answers.${questionOf.get(field) ?? field}`, reason: `${field}: ${reason}` })));
    }
    return { ...profile, ...(Object.keys(properties).length > 0 ? { properties } : {}) };
  }
}
