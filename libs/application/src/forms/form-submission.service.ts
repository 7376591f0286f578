// A visitor's form submission: judged against the form, then the contact it names (by normalized email) is created
// or updated through ContactService, its marketing status set by the marketing policy (and the form's consent
// policy), and FormSubmitted recorded with the page and its UTM parameters. Nothing is written until the whole
// submission has passed its checks.
import { contactDecider, contactStream, type ChangeMarketingStatus, type UpdateContact } from '#domain/contact';
import { checkPageUrl, checkSubmission, utmOf, type AcceptedSubmission, type SubmissionProblem } from '#domain/form';
import { DomainError } from '#domain/shared';
import { uniqueValueDecider, uniqueValueStream } from '#domain/unique-value';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import { ContactActivityService } from '../contacts/contact-activity.service.js';
import { ContactService } from '../contacts/contact.service.js';
import type { ClaimWarning } from '../contacts/unique-value-claims.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';
import { FormService, type ActiveForm } from './form.service.js';

export type FormSubmission = Readonly<{ formId: string; fields: Readonly<Record<string, unknown>>; pageUrl?: unknown }>;

export type FormSubmissionResult = Readonly<{
  contactId: string;
  /** true: the submission created the contact; false: it updated an existing one. */
  created: boolean;
  form: ActiveForm;
  /** The FormSubmitted append. */
  result: CommandResult;
}>;

export const CONSENT_NOT_GIVEN = 'form-consent-not-given';

export class FormSubmissionService {
  private readonly forms: FormService;
  private readonly contacts: ContactService;
  private readonly activity: ContactActivityService;

  constructor(
    private readonly executor: CommandExecutor,
    warn: ClaimWarning,
  ) {
    this.forms = new FormService(executor);
    this.contacts = new ContactService(executor, warn);
    this.activity = new ContactActivityService(executor);
  }

  async submit(submission: FormSubmission, context: RequestContext): Promise<FormSubmissionResult> {
    const form = await this.forms.get(submission.formId);
    const problems: SubmissionProblem[] = [];
    const page = checkPageUrl(submission.pageUrl);
    if (!page.ok) problems.push(page.problem);
    const checked = checkSubmission(form.definition, submission.fields);
    if (!checked.ok) problems.push(...checked.problems);
    if (problems.length > 0 || !checked.ok || !page.ok) throw validationFailed(problems);

    const accepted = checked.value;
    const existing = await this.contactWithEmail(accepted.contact.email);
    const contactId = existing ?? (await this.create(accepted, form, context));
    const created = existing === null && contactId !== null;
    const id = contactId ?? (await this.contactWithEmail(accepted.contact.email));
    if (id === null) throw new Error(`no contact holds ${accepted.contact.email} after the form submission created it`);
    if (!created) await this.update(id, accepted, context);

    const result = await this.activity.handle(
      {
        type: 'RecordFormSubmission',
        data: { contactId: id, formId: submission.formId, fields: accepted.values, pageUrl: page.value, utm: utmOf(page.value) },
        metadata: { now: context.now },
      },
      context,
    );
    return { contactId: id, created, form, result };
  }

  /** The active contact holding `email`, by its claim; null when none does. */
  private async contactWithEmail(email: string): Promise<string | null> {
    const { state } = await this.executor.load(uniqueValueStream('contact-email', email), uniqueValueDecider);
    if (state.claimedBy === null) return null;
    const { state: contact } = await this.executor.load(contactStream(state.claimedBy), contactDecider);
    return contact.status === 'active' && contact.profile.email === email ? state.claimedBy : null;
  }

  /** The new contact's id, or null when another submission took the email meanwhile (it is then updated instead). */
  private async create(accepted: AcceptedSubmission, form: ActiveForm, context: RequestContext): Promise<string | null> {
    const contactId = context.ids.next('contact');
    try {
      await this.contacts.create({ contactId, ...accepted.contact, properties: accepted.properties, source: 'form' }, context);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ALREADY_EXISTS' && typeof error.details.existingId === 'string') return null;
      throw error;
    }
    // The policy gave forms' contacts their status; a form that asks for consent holds back those who did not give it.
    if (form.definition.settings.consentPolicy === 'consent' && accepted.consent !== true) {
      const { state } = await this.executor.load(contactStream(contactId), contactDecider);
      if (state.status === 'active' && state.marketingStatus === 'marketing') {
        const change: ChangeMarketingStatus = {
          type: 'ChangeMarketingStatus',
          data: { contactId, status: 'non-marketing', reason: CONSENT_NOT_GIVEN },
          metadata: { now: context.now },
        };
        await this.contacts.handle(change, context);
      }
    }
    return contactId;
  }

  /** Fills in what the form sent; an existing contact keeps its marketing status (seed 002: set at creation). */
  private async update(contactId: string, accepted: AcceptedSubmission, context: RequestContext): Promise<void> {
    const { email: _sameEmail, ...profile } = accepted.contact;
    const hasProperties = Object.keys(accepted.properties).length > 0;
    if (Object.keys(profile).length === 0 && !hasProperties) return;
    const command: UpdateContact = {
      type: 'UpdateContact',
      data: { contactId, changes: { ...profile, ...(hasProperties ? { properties: accepted.properties } : {}) } },
      metadata: { now: context.now },
    };
    await this.contacts.update(command, context);
  }
}
