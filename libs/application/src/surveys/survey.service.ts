import { contactDecider, contactStream } from '#domain/contact';
import { DomainError } from '#domain/shared';
import {
  SURVEY_INPUT_RULE,
  SURVEY_LINK_USED_RULE,
  surveyDecider,
  surveyLinkDecider,
  surveyLinkStream,
  surveyStream,
  type CreateSurvey,
  type SurveyDefinition,
  type SurveyProblem,
} from '#domain/survey';
import { ticketDecider, ticketStream } from '#domain/ticket';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { surveyLinkUsed, surveySigningUnconfigured, surveyTokenInvalid } from './survey-error.js';
import { signSurveyToken, verifySurveyToken } from './survey-token.js';

export type SurveyView = Readonly<{ surveyId: string; revision: number } & SurveyDefinition>;
export type SurveyLinkPage = Readonly<{ linkId: string; surveyId: string; answered: boolean } & SurveyDefinition>;
export type IssuedSurveyLink = Readonly<{ linkId: string; token: string; result: CommandResult }>;

/** A survey's or an answer's input refused by its rules is bad input: 400 naming every field at fault. */
const asBadInput = (error: unknown): unknown =>
  error instanceof DomainError && error.details.rule === SURVEY_INPUT_RULE ? validationFailed(error.details.fields as readonly SurveyProblem[]) : error;

/**
 * Surveys: define one, issue a contact a signed response link, take the link's one answer. The signing secret comes
 * from the configuration; without it no link is issued (never an unsigned one) and none can be answered.
 */
export class SurveyService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly signingSecret: string | null,
  ) {}

  async create(command: CreateSurvey, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    try {
      return await this.executor.execute(surveyStream(command.data.surveyId), surveyDecider, command, context, options);
    } catch (error) {
      throw asBadInput(error);
    }
  }

  /** The survey as its stream says now, or null. */
  async get(surveyId: string): Promise<SurveyView | null> {
    const { state, revision } = await this.executor.load(surveyStream(surveyId), surveyDecider);
    return state.status === 'absent' ? null : { surveyId, revision, ...state.survey };
  }

  /** A response link for a contact (and a ticket) of an existing survey, with its signed token. */
  async issueLink(
    request: Readonly<{ surveyId: string; contactId: string; ticketId?: string | null }>,
    context: RequestContext,
  ): Promise<IssuedSurveyLink> {
    const secret = this.requireSecret();
    const survey = await this.get(request.surveyId);
    if (survey === null) throw new DomainError('NOT_FOUND', `survey ${request.surveyId} does not exist`, { id: request.surveyId });
    // Contacts and tickets are never deleted, so these reads cannot go stale before the append.
    const problems: SurveyProblem[] = [];
    const contact = await this.executor.load(contactStream(request.contactId), contactDecider);
    if (contact.state.status !== 'active') problems.push({ field: 'contactId', reason: `no contact ${request.contactId} exists (or it was merged away)` });
    const ticketId = request.ticketId ?? null;
    if (ticketId !== null) {
      const ticket = await this.executor.load(ticketStream(ticketId), ticketDecider);
      if (ticket.state === null) problems.push({ field: 'ticketId', reason: `no ticket ${ticketId} exists` });
    }
    if (problems.length > 0) throw validationFailed(problems);
    const linkId = context.ids.next('survey-link');
    const result = await this.executor.execute(
      surveyLinkStream(linkId),
      surveyLinkDecider,
      { type: 'IssueSurveyLink', data: { linkId, surveyId: survey.surveyId, surveyType: survey.type, contactId: request.contactId, ticketId }, metadata: { now: context.now } },
      context,
    );
    return { linkId, token: signSurveyToken(secret, { linkId, surveyId: survey.surveyId }), result };
  }

  /**
   * The answer to the link a token names. The token is checked before anything is read; the answer is appended at
   * the revision the link was read at, so of two racing answers the store takes one and the other finds it used.
   */
  async respond(request: Readonly<{ token: unknown; score: unknown; comment?: unknown }>, context: RequestContext): Promise<CommandResult & { linkId: string }> {
    const link = verifySurveyToken(this.requireSecret(), request.token);
    if (link === null) throw surveyTokenInvalid();
    try {
      const result = await this.executor.execute(
        surveyLinkStream(link.linkId),
        surveyLinkDecider,
        { type: 'RespondToSurvey', data: { ...link, score: request.score, comment: request.comment }, metadata: { now: context.now } },
        context,
      );
      return { ...result, linkId: link.linkId };
    } catch (error) {
      if (error instanceof DomainError && error.details.rule === SURVEY_LINK_USED_RULE) throw surveyLinkUsed(link.linkId);
      throw asBadInput(error);
    }
  }

  /** What the hosted answer page shows for a token: the survey's question and scale, and whether it was answered. */
  async linkOf(token: unknown): Promise<SurveyLinkPage> {
    const link = verifySurveyToken(this.requireSecret(), token);
    if (link === null) throw surveyTokenInvalid();
    const { state } = await this.executor.load(surveyLinkStream(link.linkId), surveyLinkDecider);
    const survey = state.status === 'absent' || state.surveyId !== link.surveyId ? null : await this.get(link.surveyId);
    if (state.status === 'absent' || survey === null) throw new DomainError('NOT_FOUND', `survey link ${link.linkId} does not exist`, { id: link.linkId });
    return { linkId: link.linkId, surveyId: survey.surveyId, type: survey.type, name: survey.name, question: survey.question, answered: state.status === 'answered' };
  }

  private requireSecret(): string {
    if (this.signingSecret === null) throw surveySigningUnconfigured();
    return this.signingSecret;
  }
}
