// One contact's life: planned as timed actions, sorted, then run through the deciders in time order. The contact's
// own doings (creation, owners, profile, visits, forms, marketing email, lifecycle) are here; the deals, tickets and
// engagements reps plan around it are in synthetic-history.sales-and-support.ts.
import {
  activityStream,
  contactDecider,
  contactStream,
  decideContactActivity,
  ERASURE_LEGAL_BASES,
  marketingEmailRefusal,
  type ContactActivityCommand,
  type ContactCommand,
  type ContactEvent,
  type ContactProperties,
  type ContactState,
  type LifecycleStage,
} from '#domain/contact';
import { DEFAULT_MARKETING_POLICY, marketingStatusFor, type ContactSource } from '#domain/marketing-policy';
import { Prng } from './prng.js';
import { Aggregate, ascii, calendarDate, claimUniqueValue, StreamLog, type Step, type StreamBatch } from './synthetic-history.recorder.js';
import { planDeal, planOutreach, planTicket, type ContactLifeContext } from './synthetic-history.sales-and-support.js';
import {
  COUNTRIES,
  EBOOKS,
  FIRST_FORMS,
  FIRST_NAMES,
  HOUR,
  LAST_NAMES,
  LATER_FORMS,
  LIFECYCLE_RANK,
  MINUTE,
  OPT_IN_REASONS,
  PAGES,
  PERSONAL_DOMAINS,
  PRICING_PAGE,
  REFERRERS,
  SENIOR_TITLES,
  SITE,
  SOURCES,
  STAFF_TITLES,
  STUDENT_TITLES,
  WEBINARS,
  type Country,
  type FormId,
  type Page,
} from './synthetic-history.vocabulary.js';
import { ownerActor, type Company, type Rep, type World } from './synthetic-history.world.js';

type Seniority = 'senior' | 'staff' | 'student';

type Action = Readonly<{ at: number; order: number; actor: string; run: (step: Step) => void }>;

type PlannedView = Readonly<{ at: number; page: Page; referrer: string | undefined; pricing: boolean }>;

export class ContactLife implements ContactLifeContext {
  readonly rng: Prng;
  readonly log: StreamLog;
  private readonly actions: Action[] = [];
  readonly contactId: string;
  private readonly contact: Aggregate<ContactCommand, ContactEvent, ContactState>;
  readonly views: PlannedView[] = [];
  readonly owners: { at: number; rep: Rep }[] = [];
  private readonly deliveredEmails = new Set<string>();

  private readonly source: ContactSource;
  private readonly createdAt: number;
  private readonly seniority: Seniority;
  private readonly intent: number;
  readonly country: Country;
  readonly companyIndex: number | null;
  readonly company: Company | null;
  readonly firstName: string;
  readonly lastName: string;
  private readonly email: string;

  constructor(
    readonly world: World,
    index: number,
  ) {
    const rng = Prng.of(world.seed, 'contact', index);
    this.rng = rng;
    this.log = new StreamLog(Prng.of(world.seed, 'contact-ids', index));
    this.contactId = rng.uuid();
    this.contact = new Aggregate(contactDecider, contactStream(this.contactId), this.log);
    this.source = rng.weighted(SOURCES);
    this.createdAt =
      this.source === 'import' && world.importRuns.length > 0
        ? rng.weighted(world.importRuns.map((at, run): readonly [number, number] => [at, run === 0 ? 4 : 1])) + rng.int(0, HOUR)
        : // Slightly more sign-ups later in the year, as a growing business sees.
          world.contactsFrom + Math.floor(Math.pow(rng.next(), 0.85) * (world.end - world.contactsFrom));
    this.seniority = rng.weighted<Seniority>([['senior', 18], ['staff', 76], ['student', 6]]);
    this.intent = rng.lognormal(1, 0.7);
    this.companyIndex = this.seniority !== 'student' && world.companyCount > 0 && rng.chance(0.85) ? Math.floor(world.companyCount * Math.pow(rng.next(), 1.6)) : null;
    this.company = this.companyIndex === null ? null : world.company(this.companyIndex);
    this.country = this.company !== null && rng.chance(0.9) ? this.company.country : rng.weighted(COUNTRIES);
    this.firstName = rng.pick(FIRST_NAMES);
    this.lastName = rng.pick(LAST_NAMES);
    // The index keeps every address unique, so each claim of an email succeeds.
    const domain = this.company?.domain ?? rng.weighted(PERSONAL_DOMAINS);
    this.email = `${ascii(this.firstName)}.${ascii(this.lastName)}${index}@${domain}`;
  }

  batches(): StreamBatch[] {
    this.plan();
    this.actions.sort((a, b) => a.at - b.at || a.order - b.order);
    for (const action of this.actions) action.run(this.log.step(action.at, action.actor));
    this.eraseAtTheEnd();
    if (this.companyIndex !== null) this.world.colleagues.set(this.companyIndex, { contactId: this.contactId, createdAt: this.createdAt });
    return this.log.batches();
  }

  // Drawn after everything else, and only when asked for: a history without erasures keeps every draw it had.
  private eraseAtTheEnd(): void {
    if (this.world.erasures === 0 || !this.rng.chance(this.world.erasures)) return;
    const last = this.actions.reduce((latest, action) => Math.max(latest, action.at), this.createdAt);
    const at = last + this.rng.int(1, 60) * MINUTE;
    if (at > this.world.end) return;
    const step = this.log.step(at, 'privacy-officer');
    const legalBasis = this.rng.pick(ERASURE_LEGAL_BASES);
    this.contact.handle({ type: 'EraseContact', data: { contactId: this.contactId, erasedBy: step.actor, legalBasis, reason: 'Erasure request' }, metadata: step.metadata }, step);
  }

  at(at: number, actor: string, run: (step: Step) => void): void {
    if (at <= this.world.end) this.actions.push({ at: Math.floor(at), order: this.actions.length, actor, run });
  }

  /** A moment in the contact's life, skewed towards its start (interest fades). */
  private sometime(skew = 1): number {
    return this.createdAt + MINUTE + Math.floor(Math.pow(this.rng.next(), skew) * Math.max(0, this.world.end - this.createdAt - MINUTE));
  }

  ownerAt(at: number): Rep | null {
    let owner: Rep | null = null;
    for (const change of this.owners) if (change.at <= at) owner = change.rep;
    return owner;
  }

  private plan(): void {
    const rng = this.rng;
    const seniorityBoost = { senior: 1.8, staff: 1, student: 0.05 }[this.seniority];
    const sourceBoost = this.source === 'form' ? 1.2 : this.source === 'import' ? 0.6 : 1;
    const wantsDemo = rng.chance(Math.min(0.5, 0.055 * this.intent * seniorityBoost * sourceBoost));
    const demoOnArrival = wantsDemo && this.source === 'form' && rng.chance(0.3);
    const demoAt = !wantsDemo ? null : demoOnArrival ? this.createdAt : this.sometime(1.3);
    const dealAt =
      demoAt !== null
        ? rng.chance(0.7)
          ? demoAt + rng.days(2, 0.6)
          : null
        : rng.chance(0.06 * { senior: 1.6, staff: 1, student: 0.03 }[this.seniority])
          ? this.sometime() + rng.days(3, 0.8)
          : null;

    this.planOwners(demoAt, dealAt);
    this.planCreation(demoOnArrival);
    this.planProfileChanges();
    this.planBrowsing(demoAt);
    this.planForms(demoAt, demoOnArrival);
    this.planMarketingEmail();
    planOutreach(this, demoAt);
    if (dealAt !== null && dealAt <= this.world.end) planDeal(this, dealAt, demoAt !== null && demoAt < dealAt);
    // Pre-sales questions reach support too.
    if (rng.chance(0.012)) planTicket(this, this.sometime(), null);
  }

  private planOwners(demoAt: number | null, dealAt: number | null): void {
    const rng = this.rng;
    const team = this.world.salesTeamFor(this.country);
    const pickRep = (except?: Rep): Rep => rng.weighted(team.filter((rep) => rep !== except).map((rep): readonly [Rep, number] => [rep, rep.weight]));
    const assignedOnArrival = this.source === 'manual' || (['import', 'integration'].includes(this.source) && rng.chance(0.8));
    if (assignedOnArrival) {
      this.owners.push({ at: this.createdAt, rep: pickRep() });
    } else {
      // Form leads get a rep when they ask for a demo, when sales opens a deal, or when a rep picks them up.
      const moments = [
        demoAt === null ? null : demoAt + rng.int(5, 90) * MINUTE,
        dealAt === null ? null : Math.max(this.createdAt + MINUTE, dealAt - rng.days(0.5, 0.5)),
        rng.chance(0.15) ? this.sometime() : null,
      ].filter((at): at is number => at !== null);
      if (moments.length > 0) this.owners.push({ at: Math.min(...moments), rep: pickRep() });
    }
    const first = this.owners[0];
    if (first !== undefined && team.length > 1 && rng.chance(0.03)) {
      const at = first.at + Math.floor(rng.next() * Math.max(0, this.world.end - first.at));
      this.owners.push({ at, rep: pickRep(first.rep) });
    }
    for (const change of this.owners) {
      if (change.at === this.createdAt) continue;
      this.at(change.at, 'workflow', (step) =>
        this.contact.handle({ type: 'AssignContactOwner', data: { contactId: this.contactId, ownerId: change.rep.ownerId }, metadata: step.metadata }, step),
      );
    }
  }

  private creationActor(owner: Rep | null): string {
    switch (this.source) {
      case 'form':
        return 'forms';
      case 'import':
        return 'import';
      case 'manual':
        return owner === null ? 'import' : ownerActor(owner);
      default:
        return this.source;
    }
  }

  private planCreation(demoOnArrival: boolean): void {
    const rng = this.rng;
    const owner = this.ownerAt(this.createdAt);
    const senior = this.seniority === 'senior';
    const jobTitle =
      this.seniority === 'student' ? rng.pick(STUDENT_TITLES) : rng.chance(0.85) ? rng.pick(senior ? SENIOR_TITLES : STAFF_TITLES) : undefined;
    const phone = rng.chance(this.source === 'form' ? 0.3 : 0.6) ? `${this.country.phone} ${rng.int(200, 989)} ${rng.int(100_000, 9_999_999)}` : undefined;
    // Imports carry the company; form fills get it from enrichment a little later.
    const companyOnArrival = this.company !== null && (this.source !== 'form' || rng.chance(0.4));
    const properties: ContactProperties =
      this.source === 'import'
        ? { import_batch: `list-${calendarDate(this.createdAt)}` }
        : this.source === 'form'
          ? { first_conversion: demoOnArrival ? 'demo' : 'website' }
          : {};
    this.at(this.createdAt, this.creationActor(owner), (step) => {
      claimUniqueValue(this.log, 'contact-email', this.email, this.contactId, step);
      this.contact.handle(
        {
          type: 'CreateContact',
          data: {
            contactId: this.contactId,
            email: this.email,
            firstName: this.firstName,
            lastName: this.lastName,
            phone,
            jobTitle,
            country: this.country.name,
            companyId: companyOnArrival ? this.company?.companyId : undefined,
            ownerId: owner?.ownerId,
            properties,
            source: this.source,
            marketingPolicy: DEFAULT_MARKETING_POLICY,
          },
          metadata: step.metadata,
        },
        step,
      );
    });
    const company = this.company;
    if (company !== null && !companyOnArrival && rng.chance(0.7)) {
      this.at(this.createdAt + rng.days(0.3, 1), 'integration', (step) =>
        this.contact.handle(
          { type: 'AssociateContactWithCompany', data: { contactId: this.contactId, companyId: company.companyId }, metadata: step.metadata },
          step,
        ),
      );
    }
  }

  private planProfileChanges(): void {
    const rng = this.rng;
    const update = (changes: Readonly<{ jobTitle?: string; phone?: string }>, actor: string) =>
      this.at(this.sometime(), actor, (step) =>
        this.contact.handle({ type: 'UpdateContact', data: { contactId: this.contactId, changes }, metadata: step.metadata }, step),
      );
    if (this.seniority === 'staff' && rng.chance(0.04)) update({ jobTitle: rng.pick(SENIOR_TITLES) }, 'integration');
    if (rng.chance(0.08)) update({ phone: `${this.country.phone} ${rng.int(200, 989)} ${rng.int(100_000, 9_999_999)}` }, 'forms');
  }

  advanceLifecycle(stage: LifecycleStage, step: Step): void {
    const state = this.contact.state;
    if (state.status !== 'active') return;
    if ((LIFECYCLE_RANK.get(stage) ?? 0) <= (LIFECYCLE_RANK.get(state.lifecycleStage) ?? 0)) return;
    this.contact.handle({ type: 'ChangeLifecycleStage', data: { contactId: this.contactId, stage }, metadata: step.metadata }, step);
  }

  private recordActivity(command: ContactActivityCommand, step: Step): void {
    this.log.record(activityStream(this.contactId), decideContactActivity(command, this.contact.state), step);
  }

  private planBrowsing(demoAt: number | null): void {
    const rng = this.rng;
    const visitsSite = this.source === 'form' || rng.chance(0.4);
    // Most contacts look at a handful of pages; a few come back every day.
    let remaining = visitsSite ? rng.pareto(1.5, 1.5, 1_200) : 0;
    const pricingShare = Math.min(0.3, 0.02 + 0.04 * this.intent) * (this.seniority === 'student' ? 0.2 : 1);
    const session = (start: number, size: number, forcePricing: boolean) => {
      let at = start;
      let referrer = rng.weighted(REFERRERS);
      for (let i = 0; i < size; i++) {
        const pricing = (forcePricing && i === size - 1) || rng.chance(pricingShare);
        const page = pricing ? PRICING_PAGE : rng.weighted(PAGES);
        this.views.push({ at, page, referrer, pricing });
        referrer = `${SITE}${page.path}`;
        at += Math.max(5_000, Math.round(rng.lognormal(45_000, 0.9)));
      }
    };
    while (remaining > 0) {
      const size = Math.min(remaining, 1 + rng.geometric(0.4, 20));
      session(this.sometime(1.4), size, false);
      remaining -= size;
    }
    // People who ask for a demo usually checked the price first.
    if (demoAt !== null && demoAt > this.createdAt + HOUR && rng.chance(0.75)) {
      session(Math.max(this.createdAt + MINUTE, demoAt - rng.days(1.5, 1)), rng.int(1, 4), true);
    }
    for (const view of this.views) {
      this.at(view.at, 'tracking', (step) =>
        this.recordActivity(
          { type: 'RecordPageView', data: { contactId: this.contactId, url: `${SITE}${view.page.path}`, title: view.page.title, referrer: view.referrer }, metadata: step.metadata },
          step,
        ),
      );
    }
  }

  private formFields(formId: FormId): Record<string, string> {
    const rng = this.rng;
    const base = { email: this.email, firstname: this.firstName, lastname: this.lastName };
    switch (formId) {
      case 'newsletter':
        return { email: this.email };
      case 'ebook':
        return { ...base, ebook: rng.pick(EBOOKS), ...(this.company ? { company: this.company.name } : {}) };
      case 'webinar':
        return { ...base, webinar: rng.pick(WEBINARS) };
      case 'contact':
        return { ...base, message: 'Please get in touch about pricing for our team.' };
      case 'demo':
        return {
          ...base,
          company: this.company?.name ?? 'Self-employed',
          employees: this.company ? String(this.company.employees) : '1',
          ...(this.seniority === 'student' ? {} : { jobtitle: this.contact.state.status === 'active' ? (this.contact.state.profile.jobTitle ?? 'Unknown') : 'Unknown' }),
        };
    }
  }

  private planForms(demoAt: number | null, demoOnArrival: boolean): void {
    const rng = this.rng;
    const submit = (at: number, formId: FormId) =>
      this.at(at, 'forms', (step) => {
        this.recordActivity({ type: 'RecordFormSubmission', data: { contactId: this.contactId, formId, fields: this.formFields(formId) }, metadata: step.metadata }, step);
        // A newsletter sign-up stays a subscriber; asking for content or a demo says more.
        if (formId !== 'newsletter') this.advanceLifecycle(formId === 'demo' ? 'marketing-qualified' : 'lead', step);
      });
    if (this.source === 'form') submit(this.createdAt, demoOnArrival ? 'demo' : rng.weighted(FIRST_FORMS));
    if (demoAt !== null && !demoOnArrival) submit(demoAt, 'demo');
    const later = rng.geometric(this.source === 'form' ? 0.7 : 0.9, 5);
    for (let i = 0; i < later; i++) submit(this.sometime(1.2), rng.weighted(LATER_FORMS));
  }

  private planMarketingEmail(): void {
    const rng = this.rng;
    const marketing = this.world.marketing;
    const marketingOnArrival = marketingStatusFor(DEFAULT_MARKETING_POLICY, this.source) === 'marketing';
    const change = (at: number, status: 'marketing' | 'non-marketing', reason: string) =>
      this.at(at, ownerActor(rng.pick(marketing)), (step) =>
        this.contact.handle({ type: 'ChangeMarketingStatus', data: { contactId: this.contactId, status, reason }, metadata: step.metadata }, step),
      );
    let since: number | null = marketingOnArrival ? this.createdAt : null;
    if (!marketingOnArrival && rng.chance(0.1)) {
      since = this.sometime();
      change(since, 'marketing', rng.pick(OPT_IN_REASONS));
    }
    if (since === null) return;
    let until = this.world.end;
    // Marketing contacts are billed: the team demotes some who never engage.
    if (rng.chance(0.05)) {
      until = since + Math.floor(rng.next() * (this.world.end - since));
      change(until, 'non-marketing', 'No engagement in six months');
    }
    const openRate = Math.min(0.6, 0.15 + 0.1 * this.intent);
    for (const campaign of this.world.campaigns) {
      if (campaign.at <= since || campaign.at >= until || !rng.chance(0.15)) continue;
      const { emailId } = campaign;
      const deliveredAt = campaign.at + rng.int(0, 20 * MINUTE);
      if (rng.chance(0.008)) {
        this.emailEvent(deliveredAt, emailId, 'bounced');
        return;
      }
      this.emailEvent(deliveredAt, emailId, 'delivered');
      if (!rng.chance(openRate)) continue;
      const openedAt = deliveredAt + rng.days(0.08, 1.2);
      this.emailEvent(openedAt, emailId, 'opened');
      if (rng.chance(0.2)) this.emailEvent(openedAt + rng.int(5_000, 120_000), emailId, 'clicked', rng.pick(campaign.links));
      if (rng.chance(0.012)) {
        this.at(openedAt + rng.int(1, 5) * MINUTE, 'email-provider', (step) =>
          this.contact.handle({ type: 'RecordEmailEvent', data: { contactId: this.contactId, emailId, kind: 'unsubscribed' }, metadata: step.metadata }, step),
        );
        return;
      }
    }
  }

  private emailEvent(at: number, emailId: string, kind: 'delivered' | 'opened' | 'clicked' | 'bounced', url?: string): void {
    this.at(at, 'email-provider', (step) => {
      const state = this.contact.state;
      // Nothing reaches a contact who stopped being a marketing contact, or unsubscribed, after the send was planned.
      if (state.status !== 'active' || marketingEmailRefusal(state) !== null) return;
      if ((kind === 'opened' || kind === 'clicked') && !this.deliveredEmails.has(emailId)) return;
      if (kind === 'delivered') this.deliveredEmails.add(emailId);
      this.recordActivity({ type: 'RecordEmailEvent', data: { contactId: this.contactId, emailId, kind, url }, metadata: step.metadata }, step);
    });
  }
}
