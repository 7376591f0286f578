// A deterministic, HubSpot-like CRM history for benchmarks, backtests and demos. Every event comes out of the real
// deciders (decide + evolve), so it is valid by construction; only the commands are made up. Contacts are simulated
// one at a time on their own seeded generator, so memory stays flat and one contact's draws never shift another's.
import { eventCatalog } from '../../domain/src/catalog/event-catalog.js';
import { companyDecider, companyStream, type CompanyCommand, type CompanyEvent, type CompanyState } from '../../domain/src/company/index.js';
import {
  activityStream,
  contactDecider,
  contactStream,
  decideContactActivity,
  LIFECYCLE_STAGES,
  type ContactActivityCommand,
  type ContactCommand,
  type ContactEvent,
  type ContactProperties,
  type ContactState,
  type LifecycleStage,
} from '../../domain/src/contact/index.js';
import { dealDecider, dealStream, type DealCommand, type DealEvent, type DealState } from '../../domain/src/deal/index.js';
import {
  engagementDecider,
  engagementStream,
  type EngagementCommand,
  type EngagementEvent,
  type EngagementKind,
  type EngagementState,
  type LogEngagement,
} from '../../domain/src/engagement/index.js';
import { DEFAULT_MARKETING_POLICY, marketingStatusFor, type ContactSource } from '../../domain/src/marketing-policy/index.js';
import { ownerDecider, ownerStream, type OwnerCommand, type OwnerEvent, type OwnerRole, type OwnerState } from '../../domain/src/owner/index.js';
import {
  defaultDealPipeline,
  defaultTicketPipeline,
  pipelineDecider,
  pipelineStream,
  requirePipeline,
  type CreatePipeline,
  type Pipeline,
  type PipelineCommand,
  type PipelineEvent,
  type PipelineState,
} from '../../domain/src/pipeline/index.js';
import type { Command, CommandMetadata, Decider, DomainEvent } from '../../domain/src/shared/index.js';
import { ticketDecider, ticketStream, type TicketCommand, type TicketEvent, type TicketPriority, type TicketState } from '../../domain/src/ticket/index.js';
import {
  uniqueValueDecider,
  uniqueValueStream,
  type UniqueValueCommand,
  type UniqueValueEvent,
  type UniqueValueKind,
  type UniqueValueState,
} from '../../domain/src/unique-value/index.js';
import type { EventStore, NewEvent } from '../../event-store/src/event-store.port.js';
import { Prng, type Weighted } from './prng.js';

export type SyntheticHistoryOptions = Readonly<{
  contacts: number;
  /** Numbers and strings both work; 7 and '7' are the same seed. */
  seed: number | string;
  /** ISO instant where the history begins. */
  start?: string;
  days?: number;
}>;

/** Events of one stream, in order. Every stream of the history comes in exactly one batch. */
export type StreamBatch = Readonly<{ streamName: string; events: readonly NewEvent[] }>;

export type AppendHistoryResult = Readonly<{ events: number; streams: number }>;

export const DEFAULT_HISTORY_START = '2025-01-01T00:00:00.000Z';
export const DEFAULT_HISTORY_DAYS = 365;
export const SEED_SOURCE = 'seed';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const SITE = 'https://www.northpeak.example';
const OWNER_EMAIL_DOMAIN = 'northpeak.example';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

type Country = Readonly<{ name: string; region: 'americas' | 'emea'; currency: 'USD' | 'EUR' | 'GBP'; phone: string; tld: string }>;

const COUNTRIES: Weighted<Country> = [
  [{ name: 'United States', region: 'americas', currency: 'USD', phone: '+1', tld: 'com' }, 44],
  [{ name: 'United Kingdom', region: 'emea', currency: 'GBP', phone: '+44', tld: 'co.uk' }, 12],
  [{ name: 'Germany', region: 'emea', currency: 'EUR', phone: '+49', tld: 'de' }, 8],
  [{ name: 'Canada', region: 'americas', currency: 'USD', phone: '+1', tld: 'ca' }, 6],
  [{ name: 'France', region: 'emea', currency: 'EUR', phone: '+33', tld: 'fr' }, 5],
  [{ name: 'India', region: 'americas', currency: 'USD', phone: '+91', tld: 'in' }, 5],
  [{ name: 'Netherlands', region: 'emea', currency: 'EUR', phone: '+31', tld: 'nl' }, 4],
  [{ name: 'Australia', region: 'americas', currency: 'USD', phone: '+61', tld: 'com.au' }, 4],
  [{ name: 'Spain', region: 'emea', currency: 'EUR', phone: '+34', tld: 'es' }, 3],
  [{ name: 'Brazil', region: 'americas', currency: 'USD', phone: '+55', tld: 'com.br' }, 3],
  [{ name: 'Ireland', region: 'emea', currency: 'EUR', phone: '+353', tld: 'ie' }, 2],
  [{ name: 'Sweden', region: 'emea', currency: 'EUR', phone: '+46', tld: 'se' }, 2],
  [{ name: 'Singapore', region: 'americas', currency: 'USD', phone: '+65', tld: 'sg' }, 2],
];

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas', 'Harper', 'Mateo',
  'Aisha', 'Mohammed', 'Priya', 'Arjun', 'Mei', 'Wei', 'Yuki', 'Haruto', 'Sofía', 'José', 'Lucía', 'Diego',
  'Chloé', 'Louis', 'Léa', 'Hugo', 'Hannah', 'Jonas', 'Lena', 'Felix', 'Freya', 'Oscar', 'Isla', 'Jack',
  'Fatima', 'Omar', 'Zara', 'Ethan', 'Ava', 'Daniel', 'Grace', 'Samuel', 'Chiara', 'Marco', 'Ingrid', 'Lars',
  'Ana', 'Pedro', 'Camila', 'Rafael', 'Nia', 'Kwame', 'Chen', 'Ananya', 'Rohan', 'Sara', 'David', 'Julia',
];
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Lopez',
  'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Dubois', 'Lefèvre', 'Moreau', 'Bernard', 'Rossi', 'Bianchi', 'Jansen', 'de Vries',
  'Andersson', 'Nilsson', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Sato', 'Kim',
  'Park', 'Nguyen', 'Silva', 'Santos', 'Okafor', "O'Brien",
];

const SENIOR_TITLES = [
  'VP of Sales', 'VP Marketing', 'Director of Operations', 'Head of Growth', 'Director of Engineering',
  'Head of Customer Success', 'VP Engineering', 'Director, Revenue Operations', 'Head of Finance', 'Sales Director',
];
const STAFF_TITLES = [
  'Marketing Manager', 'Account Executive', 'Software Engineer', 'Operations Manager', 'Sales Development Representative',
  'Product Manager', 'Customer Success Manager', 'Data Analyst', 'Founder', 'CEO', 'CTO', 'Consultant',
  'Office Manager', 'Designer', 'Marketing Specialist', 'RevOps Analyst', 'Business Analyst', 'Controller',
];
const STUDENT_TITLES = ['Student', 'PhD Student', 'MBA Student', 'Graduate Student'];

const INDUSTRIES = [
  'Software', 'Financial Services', 'Healthcare', 'Manufacturing', 'Retail', 'Education', 'Marketing & Advertising',
  'Logistics', 'Real Estate', 'Media', 'Professional Services', 'Non-profit',
];
const COMPANY_PREFIXES = [
  'Northwind', 'Bluefin', 'Redwood', 'Silverline', 'Brightpath', 'Ironbridge', 'Clearwater', 'Summit', 'Harbor',
  'Evergreen', 'Pinecrest', 'Stonegate', 'Lakeside', 'Goldleaf', 'Quantum', 'Vertex', 'Nimbus', 'Polaris', 'Atlas',
  'Beacon', 'Cobalt', 'Crescent', 'Driftwood', 'Ember', 'Falcon', 'Granite', 'Horizon', 'Juniper', 'Keystone',
  'Lumen', 'Maple', 'Meridian', 'Nova', 'Orchid', 'Pioneer', 'Prism', 'Riverbend', 'Sapphire', 'Sequoia', 'Solstice',
  'Sterling', 'Tidewater', 'Trillium', 'Union', 'Vantage', 'Willow', 'Zephyr', 'Aurora', 'Birch', 'Cedar',
  'Delta', 'Echo', 'Fjord', 'Glacier', 'Helix', 'Indigo', 'Jade', 'Kestrel', 'Larkspur', 'Mosaic',
];
const COMPANY_SUFFIXES = [
  'Analytics', 'Labs', 'Systems', 'Logistics', 'Health', 'Partners', 'Foods', 'Robotics', 'Capital', 'Media',
  'Studio', 'Networks', 'Energy', 'Works', 'Solutions', 'Dynamics', 'Software', 'Digital', 'Cloud', 'Bio',
  'Retail', 'Apparel', 'Consulting', 'Learning', 'Motors', 'Security', 'Travel', 'Finance', 'Insurance', 'Clinics',
  'Foundry', 'Outfitters', 'Freight', 'Pharma', 'Realty', 'Brewing', 'Aerospace', 'Telecom', 'Payments', 'Markets',
];
// A second and later pass over the name grid keeps domains unique.
const COMPANY_QUALIFIERS = ['', 'Group', 'International', 'Holdings', 'Global', 'Ventures', 'Collective', 'Co'];
const PERSONAL_DOMAINS: Weighted<string> = [['gmail.com', 50], ['outlook.com', 20], ['yahoo.com', 12], ['icloud.com', 10], ['proton.me', 8]];

type Page = Readonly<{ path: string; title: string }>;
const PRICING_PAGE: Page = { path: '/pricing', title: 'Pricing | Northpeak' };
const PAGES: Weighted<Page> = [
  [{ path: '/', title: 'Northpeak | Revenue analytics for growing teams' }, 22],
  [{ path: '/product', title: 'Product | Northpeak' }, 10],
  [{ path: '/features/forecasting', title: 'Forecasting | Northpeak' }, 6],
  [{ path: '/features/dashboards', title: 'Dashboards | Northpeak' }, 6],
  [{ path: '/integrations', title: 'Integrations | Northpeak' }, 5],
  [{ path: '/customers', title: 'Customer stories | Northpeak' }, 5],
  [{ path: '/blog/pipeline-hygiene', title: 'Pipeline hygiene in five steps' }, 4],
  [{ path: '/blog/forecast-accuracy', title: 'Why forecasts miss' }, 4],
  [{ path: '/blog/lead-scoring-101', title: 'Lead scoring 101' }, 4],
  [{ path: '/blog/revops-team', title: 'Building a RevOps team' }, 3],
  [{ path: '/docs/getting-started', title: 'Getting started | Northpeak docs' }, 4],
  [{ path: '/about', title: 'About us | Northpeak' }, 3],
  [{ path: '/careers', title: 'Careers | Northpeak' }, 2],
];
const REFERRERS: Weighted<string | undefined> = [
  [undefined, 35],
  ['https://www.google.com/', 35],
  ['https://www.linkedin.com/', 12],
  ['https://www.bing.com/', 5],
  ['https://www.g2.com/', 5],
  ['https://news.ycombinator.com/', 3],
];

type FormId = 'newsletter' | 'ebook' | 'webinar' | 'contact' | 'demo';
const FIRST_FORMS: Weighted<FormId> = [['newsletter', 45], ['ebook', 35], ['webinar', 12], ['contact', 8]];
const LATER_FORMS: Weighted<FormId> = [['ebook', 50], ['webinar', 30], ['newsletter', 10], ['contact', 10]];
const EBOOKS = ['The 2025 Forecasting Playbook', 'Pipeline Reviews That Work', 'The RevOps Handbook'];
const WEBINARS = ['Forecasting in volatile markets', 'From spreadsheet to pipeline', 'Scoring leads you can trust'];

const SOURCES: Weighted<ContactSource> = [
  ['form', 56],
  ['import', 24],
  ['integration', 6],
  ['manual', 7],
  ['api', 4],
  ['conversation', 3],
];

const LOST_REASONS: Weighted<string> = [
  ['Price too high', 25],
  ['Chose a competitor', 22],
  ['No budget this year', 15],
  ['No decision', 15],
  ['Bad timing', 12],
  ['Went dark', 11],
];
const PLANS: Weighted<Readonly<{ name: string; medianAmount: number }>> = [
  [{ name: 'Starter', medianAmount: 3_600 }, 45],
  [{ name: 'Growth', medianAmount: 14_000 }, 40],
  [{ name: 'Enterprise', medianAmount: 60_000 }, 15],
];
const CONTRACT_TERMS: Weighted<number> = [[12, 70], [24, 12], [36, 8], [1, 10]];

const TICKET_SUBJECTS = [
  'Cannot log in after password reset', 'Question about our invoice', 'CSV import fails on row 1204',
  'Salesforce sync stopped', 'Dashboard shows wrong totals', 'How do I add a teammate?', 'Forecast export is empty',
  'Request: dark mode', 'SSO setup help', 'Duplicate contacts after import', 'Email tracking not working',
];
const PRIORITIES: Weighted<TicketPriority> = [['low', 30], ['medium', 45], ['high', 20], ['urgent', 5]];
const CALL_OUTCOMES: Weighted<string> = [['Connected', 45], ['Left voicemail', 30], ['No answer', 20], ['Wrong number', 5]];
const MEETING_OUTCOMES: Weighted<string> = [['Completed', 80], ['Rescheduled', 12], ['No show', 8]];
const OUTREACH_KINDS: Weighted<EngagementKind> = [['email', 35], ['call', 30], ['task', 20], ['note', 15]];
const OPT_IN_REASONS = ['Opted in at a webinar', 'Subscribed in the preference center', 'Asked for the newsletter by email'];

const OPEN_DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'] as const;
const STAGE_MEDIAN_DAYS = [5, 8, 10, 9, 6] as const;
// Deals fall out early more often than late.
const LOSS_STAGE_WEIGHTS: Weighted<number> = [[0, 30], [1, 28], [2, 20], [3, 13], [4, 9]];
const WON_STAGE = 'closedwon';
const LOST_STAGE = 'closedlost';
const TICKET_WAITING_ON_US = 'waiting-on-us';
const TICKET_WAITING_ON_CONTACT = 'waiting-on-contact';
const TICKET_CLOSED = 'closed';

// The planted truth a backtest should find: demo requests and pricing views before a deal predict a win.
const winProbability = (hadDemo: boolean, pricingViews: number): number => {
  if (hadDemo) return pricingViews > 0 ? 0.6 : 0.45;
  return pricingViews > 0 ? 0.22 : 0.12;
};

const LIFECYCLE_RANK: ReadonlyMap<LifecycleStage, number> = new Map(LIFECYCLE_STAGES.map((stage, rank) => [stage, rank]));

// ---------------------------------------------------------------------------------------------------------------
// Recording: commands through deciders, events into per-stream batches with their envelope

type Step = Readonly<{ actor: string; correlationId: string; metadata: CommandMetadata }>;

const iso = (ms: number): string => new Date(ms).toISOString();
const calendarDate = (ms: number): string => iso(ms).slice(0, 10);
const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

class StreamLog {
  private readonly streams = new Map<string, NewEvent[]>();

  constructor(private readonly ids: Prng) {}

  step(at: number, actor: string): Step {
    const now = iso(at);
    return { actor, correlationId: this.ids.uuid(), metadata: { now, occurredAt: now } };
  }

  record(streamName: string, events: readonly DomainEvent[], step: Step): void {
    if (events.length === 0) return;
    let stream = this.streams.get(streamName);
    if (stream === undefined) {
      stream = [];
      this.streams.set(streamName, stream);
    }
    for (const event of events) {
      stream.push({
        id: this.ids.uuid(),
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: step.metadata.now,
          actor: step.actor,
          correlationId: step.correlationId,
          causationId: null,
          schemaVersion: eventCatalog.schemaVersionOf(event.type),
          source: SEED_SOURCE,
        },
      });
    }
  }

  batches(): StreamBatch[] {
    return [...this.streams].map(([streamName, events]) => ({ streamName, events }));
  }
}

/** One stream's decider state, advanced by the events it decides. */
class Aggregate<C extends Command, E extends DomainEvent, S> {
  private current: S;

  constructor(
    private readonly decider: Decider<C, E, S>,
    readonly streamName: string,
    private readonly log: StreamLog,
  ) {
    this.current = decider.initialState();
  }

  get state(): S {
    return this.current;
  }

  handle(command: C, step: Step): void {
    const events = this.decider.decide(command, this.current);
    for (const event of events) this.current = this.decider.evolve(this.current, event);
    this.log.record(this.streamName, events, step);
  }
}

const claimUniqueValue = (log: StreamLog, kind: UniqueValueKind, value: string, ownerId: string, step: Step): void => {
  const claim = new Aggregate<UniqueValueCommand, UniqueValueEvent, UniqueValueState>(uniqueValueDecider, uniqueValueStream(kind, value), log);
  claim.handle({ type: 'ClaimUniqueValue', data: { kind, value, ownerId }, metadata: step.metadata }, step);
};

// ---------------------------------------------------------------------------------------------------------------
// The world every contact shares: owners, pipelines, companies, campaigns, import runs

type Rep = Readonly<{ ownerId: string; name: string; email: string; team: string; role: OwnerRole; weight: number }>;

type Company = Readonly<{
  companyId: string;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  country: Country;
  createdAt: number;
  growth: Readonly<{ at: number; employees: number }> | null;
}>;

type Campaign = Readonly<{ emailId: string; at: number; links: readonly string[] }>;

// Walks a grid of name parts without repeats: index -> a distinct (row, column) until the grid is used up.
const gridCell = (index: number, rows: number, columns: number): Readonly<{ row: number; column: number; pass: number }> => {
  const size = rows * columns;
  // 7919 is prime and larger than any grid here, so the walk visits every cell once per pass.
  const cell = (index * 7919) % size;
  return { row: cell % rows, column: Math.floor(cell / rows), pass: Math.floor(index / size) };
};

const parseStart = (start: string): number => {
  const ms = Date.parse(start);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(start) || !Number.isFinite(ms)) throw new Error(`start ${start} is not an ISO instant`);
  return ms;
};

class World {
  readonly seed: string;
  readonly start: number;
  readonly end: number;
  /** Contacts arrive after the setup hour, when every company exists. */
  readonly contactsFrom: number;
  readonly companyCount: number;
  readonly marketing: readonly Rep[];
  readonly salesAmericas: readonly Rep[];
  readonly salesEmea: readonly Rep[];
  readonly service: readonly Rep[];
  readonly importRuns: readonly number[];
  readonly campaigns: readonly Campaign[];
  readonly setupBatches: readonly StreamBatch[];
  readonly dealPipeline: Pipeline;
  readonly ticketPipeline: Pipeline;
  /** The latest contact seen at each company, for deals with several contacts: one id per company at most. */
  readonly colleagues = new Map<number, Readonly<{ contactId: string; createdAt: number }>>();

  constructor(options: SyntheticHistoryOptions) {
    const { contacts } = options;
    const days = options.days ?? DEFAULT_HISTORY_DAYS;
    if (!Number.isInteger(contacts) || contacts < 0) throw new Error(`contacts must be a whole number >= 0, got ${contacts}`);
    if (!(Number.isFinite(days) && days >= 1)) throw new Error(`days must be at least 1, got ${days}`);
    this.seed = String(options.seed);
    this.start = parseStart(options.start ?? DEFAULT_HISTORY_START);
    this.end = this.start + Math.round(days * DAY);
    this.contactsFrom = Math.min(this.end, this.start + 2 * HOUR);
    this.companyCount = Math.round(contacts / 8);
    const rng = Prng.of(this.seed, 'world');

    let ownerIndex = 0;
    const reps = (count: number, role: OwnerRole, team: string): Rep[] =>
      Array.from({ length: count }, () => {
        const { row, column, pass } = gridCell(ownerIndex++, FIRST_NAMES.length, LAST_NAMES.length);
        const first = FIRST_NAMES[row];
        const last = LAST_NAMES[column];
        const email = `${ascii(first)}.${ascii(last)}${pass === 0 ? '' : pass}@${OWNER_EMAIL_DOMAIN}`;
        return { ownerId: rng.uuid(), name: `${first} ${last}`, email, team, role, weight: rng.lognormal(1, 0.4) };
      });
    const sales = Math.max(3, Math.round(contacts / 400));
    const emea = Math.max(1, Math.round(sales * 0.4));
    this.marketing = reps(2, 'marketing', 'Marketing');
    this.salesAmericas = reps(sales - emea, 'sales', 'Sales Americas');
    this.salesEmea = reps(emea, 'sales', 'Sales EMEA');
    this.service = reps(2, 'service', 'Customer Support');

    const firstImport = this.contactsFrom;
    const listImports = Array.from({ length: 4 }, () => this.start + Math.floor(rng.next() * days) * DAY + 10 * HOUR);
    this.importRuns = [firstImport, ...listImports].filter((at) => at <= this.end && at >= this.contactsFrom);
    this.campaigns = this.planCampaigns(rng);

    const log = new StreamLog(Prng.of(this.seed, 'world-ids'));
    const system = (at: number) => log.step(at, 'system');
    // The default pipelines come first: deals and tickets need them.
    const createPipeline = (data: CreatePipeline['data']): Pipeline => {
      const pipeline = new Aggregate<PipelineCommand, PipelineEvent, PipelineState>(pipelineDecider, pipelineStream(data.pipelineId), log);
      const step = system(this.start);
      pipeline.handle({ type: 'CreatePipeline', data, metadata: step.metadata }, step);
      return requirePipeline(pipeline.state, data.pipelineId);
    };
    this.dealPipeline = createPipeline(defaultDealPipeline);
    this.ticketPipeline = createPipeline(defaultTicketPipeline);
    for (const rep of [...this.marketing, ...this.salesAmericas, ...this.salesEmea, ...this.service]) {
      const owner = new Aggregate<OwnerCommand, OwnerEvent, OwnerState>(ownerDecider, ownerStream(rep.ownerId), log);
      const step = system(this.start + MINUTE);
      const { ownerId, name, email, team, role } = rep;
      owner.handle({ type: 'CreateOwner', data: { ownerId, name, email, team, role }, metadata: step.metadata }, step);
    }
    this.setupBatches = log.batches();
  }

  private planCampaigns(rng: Prng): Campaign[] {
    const campaigns: Campaign[] = [];
    const blogLinks = PAGES.filter(([page]) => page.path.startsWith('/blog/')).map(([page]) => `${SITE}${page.path}`);
    const firstDay = Math.floor(this.contactsFrom / DAY) * DAY;
    for (let day = firstDay; day <= this.end; day += DAY) {
      const date = new Date(day);
      const weekday = date.getUTCDay();
      const week = Math.floor((day - firstDay) / DAY / 7);
      // A newsletter every other Tuesday, a product update on the first Thursday of each month.
      if (weekday === 2 && week % 2 === 0) {
        campaigns.push({ emailId: `newsletter-${calendarDate(day)}`, at: day + 15 * HOUR, links: [rng.pick(blogLinks), `${SITE}/blog`] });
      }
      if (weekday === 4 && date.getUTCDate() <= 7) {
        campaigns.push({
          emailId: `product-update-${calendarDate(day).slice(0, 7)}`,
          at: day + 16 * HOUR,
          links: [`${SITE}/product`, `${SITE}${PRICING_PAGE.path}`],
        });
      }
    }
    return campaigns.filter((campaign) => campaign.at > this.contactsFrom && campaign.at <= this.end);
  }

  salesTeamFor(country: Country): readonly Rep[] {
    return country.region === 'emea' ? this.salesEmea : this.salesAmericas;
  }

  /** A company's profile depends on the seed and its index only, so contacts can look it up without a table. */
  company(index: number): Company {
    const rng = Prng.of(this.seed, 'company', index);
    const { row, column, pass } = gridCell(index, COMPANY_PREFIXES.length, COMPANY_SUFFIXES.length);
    const qualifier = COMPANY_QUALIFIERS[pass % COMPANY_QUALIFIERS.length];
    const repeat = Math.floor(pass / COMPANY_QUALIFIERS.length);
    const name = [COMPANY_PREFIXES[row], COMPANY_SUFFIXES[column], qualifier].filter((part) => part !== '').join(' ');
    const country = rng.weighted(COUNTRIES);
    const domain = `${ascii(name)}${repeat === 0 ? '' : repeat}.${country.tld}`;
    const employees = Math.max(1, Math.round(rng.lognormal(60, 1.4)));
    // The CRM migration imports every company within the first hour.
    const createdAt = this.start + 5 * MINUTE + Math.floor((index * 50 * MINUTE) / Math.max(1, this.companyCount));
    const growsAt = createdAt + Math.floor(rng.next() * (this.end - createdAt));
    const growth = rng.chance(0.08) ? { at: growsAt, employees: Math.round(employees * rng.between(1.1, 1.8)) + 1 } : null;
    return { companyId: rng.uuid(), name, domain, industry: rng.pick(INDUSTRIES), employees, country, createdAt, growth };
  }

  companyBatches(index: number): StreamBatch[] {
    const company = this.company(index);
    const log = new StreamLog(Prng.of(this.seed, 'company-ids', index));
    const { companyId, name, domain, industry, employees, country } = company;
    const created = log.step(company.createdAt, 'import');
    claimUniqueValue(log, 'company-domain', domain, companyId, created);
    const aggregate = new Aggregate<CompanyCommand, CompanyEvent, CompanyState>(companyDecider, companyStream(companyId), log);
    aggregate.handle(
      { type: 'CreateCompany', data: { companyId, name, domain, industry, employees, country: country.name }, metadata: created.metadata },
      created,
    );
    if (company.growth !== null) {
      const grew = log.step(company.growth.at, 'integration');
      aggregate.handle({ type: 'UpdateCompany', data: { companyId, changes: { employees: company.growth.employees } }, metadata: grew.metadata }, grew);
    }
    return log.batches();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One contact's life: planned as timed actions, sorted, then run through the deciders in time order

type Seniority = 'senior' | 'staff' | 'student';

type Action = Readonly<{ at: number; order: number; actor: string; run: (step: Step) => void }>;

type PlannedView = Readonly<{ at: number; page: Page; referrer: string | undefined; pricing: boolean }>;

type Associations = Readonly<{ contactIds?: readonly string[]; companyIds?: readonly string[]; dealIds?: readonly string[]; ticketIds?: readonly string[] }>;

const ownerActor = (rep: Rep): string => `owner:${rep.ownerId}`;

class ContactLife {
  private readonly rng: Prng;
  private readonly log: StreamLog;
  private readonly actions: Action[] = [];
  private readonly contactId: string;
  private readonly contact: Aggregate<ContactCommand, ContactEvent, ContactState>;
  private readonly views: PlannedView[] = [];
  private readonly owners: { at: number; rep: Rep }[] = [];
  private readonly deliveredEmails = new Set<string>();

  private readonly source: ContactSource;
  private readonly createdAt: number;
  private readonly seniority: Seniority;
  private readonly intent: number;
  private readonly country: Country;
  private readonly companyIndex: number | null;
  private readonly company: Company | null;
  private readonly firstName: string;
  private readonly lastName: string;
  private readonly email: string;

  constructor(
    private readonly world: World,
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
    if (this.companyIndex !== null) this.world.colleagues.set(this.companyIndex, { contactId: this.contactId, createdAt: this.createdAt });
    return this.log.batches();
  }

  private at(at: number, actor: string, run: (step: Step) => void): void {
    if (at <= this.world.end) this.actions.push({ at: Math.floor(at), order: this.actions.length, actor, run });
  }

  /** A moment in the contact's life, skewed towards its start (interest fades). */
  private sometime(skew = 1): number {
    return this.createdAt + MINUTE + Math.floor(Math.pow(this.rng.next(), skew) * Math.max(0, this.world.end - this.createdAt - MINUTE));
  }

  private ownerAt(at: number): Rep | null {
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
    this.planOutreach(demoAt);
    if (dealAt !== null && dealAt <= this.world.end) this.planDeal(dealAt, demoAt !== null && demoAt < dealAt);
    // Pre-sales questions reach support too.
    if (rng.chance(0.012)) this.planTicket(this.sometime(), null);
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
        ? { importBatch: `list-${calendarDate(this.createdAt)}` }
        : this.source === 'form'
          ? { firstConversion: demoOnArrival ? 'demo' : 'website' }
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

  private advanceLifecycle(stage: LifecycleStage, step: Step): void {
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
      // Nothing reaches a contact who stopped being a marketing contact after the send was planned.
      if (state.status !== 'active' || state.marketingStatus !== 'marketing') return;
      if ((kind === 'opened' || kind === 'clicked') && !this.deliveredEmails.has(emailId)) return;
      if (kind === 'delivered') this.deliveredEmails.add(emailId);
      this.recordActivity({ type: 'RecordEmailEvent', data: { contactId: this.contactId, emailId, kind, url }, metadata: step.metadata }, step);
    });
  }

  private planOutreach(demoAt: number | null): void {
    const rng = this.rng;
    const first = this.owners[0];
    if (first === undefined) return;
    const touches = demoAt !== null ? rng.int(2, 4) : rng.chance(0.3) ? 1 + rng.geometric(0.5, 3) : 0;
    let at = first.at;
    for (let i = 0; i < touches; i++) {
      at += rng.days(1.5, 0.8);
      const rep = this.ownerAt(at) ?? first.rep;
      this.planEngagement(at, rep, rng.weighted(OUTREACH_KINDS), { contactIds: [this.contactId], companyIds: this.company ? [this.company.companyId] : [] });
    }
  }

  private planEngagement(at: number, rep: Rep, kind: EngagementKind, associations: Associations, subject?: string): void {
    const rng = this.rng;
    const engagementId = rng.uuid();
    const details: Partial<LogEngagement['data']> =
      kind === 'call'
        ? { subject: `Call with ${this.firstName}`, durationMinutes: Math.round(rng.lognormal(6, 0.8)), outcome: rng.weighted(CALL_OUTCOMES) }
        : kind === 'meeting'
          ? { subject: `Meeting with ${this.firstName} ${this.lastName}`, durationMinutes: rng.pick([30, 45, 60]), outcome: rng.weighted(MEETING_OUTCOMES) }
          : kind === 'task'
            ? { subject: `Follow up with ${this.firstName} ${this.lastName}`, dueAt: iso(at + rng.int(1, 5) * DAY) }
            : kind === 'email'
              ? { subject: subject ?? rng.pick(['Quick question', 'Following up', 'Northpeak overview', 'Next steps']), body: 'Sent from the CRM.' }
              : { body: rng.pick(['Interested, budget unclear.', 'Uses spreadsheets today.', 'Asked about SSO.', 'Evaluating two vendors.']) };
    const engagement = new Aggregate<EngagementCommand, EngagementEvent, EngagementState>(engagementDecider, engagementStream(engagementId), this.log);
    this.at(at, ownerActor(rep), (step) =>
      engagement.handle({ type: 'LogEngagement', data: { ...details, ...associations, engagementId, kind, ownerId: rep.ownerId }, metadata: step.metadata }, step),
    );
    if (kind === 'task' && rng.chance(0.7)) {
      this.at(at + rng.days(1, 0.8), ownerActor(rep), (step) =>
        engagement.handle({ type: 'CompleteTask', data: { engagementId, completedBy: rep.ownerId }, metadata: step.metadata }, step),
      );
    }
  }

  private planDeal(createdAt: number, hadDemo: boolean): void {
    const rng = this.rng;
    const world = this.world;
    const pipeline = world.dealPipeline;
    const rep = this.ownerAt(createdAt);
    if (rep === null) return;
    const dealId = rng.uuid();
    const deal = new Aggregate<DealCommand, DealEvent, DealState>(dealDecider, dealStream(dealId), this.log);
    const actor = ownerActor(rep);
    const pricingViews = this.views.filter((view) => view.pricing && view.at < createdAt).length;
    const won = rng.chance(winProbability(hadDemo, pricingViews));
    const plan = rng.weighted(PLANS);
    const sizeFactor = this.company === null ? 0.5 : Math.min(4, Math.max(0.5, Math.sqrt(this.company.employees / 60)));
    const roundTo50 = (amount: number) => Math.max(50, Math.round(amount / 50) * 50);
    const amount = roundTo50(rng.lognormal(plan.medianAmount * sizeFactor, 0.4));
    const currency = this.country.currency;
    const companyIds = this.company ? [this.company.companyId] : [];
    const name = `${this.company?.name ?? `${this.firstName} ${this.lastName}`} - ${plan.name}`;

    this.at(createdAt, actor, (step) => {
      deal.handle(
        {
          type: 'CreateDeal',
          data: {
            dealId,
            name,
            pipeline,
            amount,
            currency,
            contractTermMonths: rng.weighted(CONTRACT_TERMS),
            closeDate: calendarDate(createdAt + rng.days(40, 0.4)),
            ownerId: rep.ownerId,
            contactIds: [this.contactId],
            companyId: this.company?.companyId,
          },
          metadata: step.metadata,
        },
        step,
      );
      this.advanceLifecycle('opportunity', step);
    });
    const colleague = this.companyIndex === null ? undefined : world.colleagues.get(this.companyIndex);
    const associatedAt = createdAt + rng.days(2, 0.8);
    // Contacts are simulated in index order, not time order: the colleague must already exist at that moment.
    if (colleague !== undefined && colleague.createdAt < associatedAt && rng.chance(0.15)) {
      this.at(associatedAt, actor, (step) =>
        deal.handle({ type: 'AssociateDealContact', data: { dealId, contactId: colleague.contactId }, metadata: step.metadata }, step),
      );
    }

    const associations = { contactIds: [this.contactId], companyIds, dealIds: [dealId] };
    const moveTo = (at: number, stageId: string, lostReason?: string) =>
      this.at(at, actor, (step) => {
        const state = deal.state;
        // Reps push the expected close date when a deal runs late.
        if (state !== null && Date.parse(`${state.closeDate}T23:59:59Z`) < at && stageId !== WON_STAGE && stageId !== LOST_STAGE && rng.chance(0.6)) {
          deal.handle({ type: 'ChangeDealCloseDate', data: { dealId, closeDate: calendarDate(at + rng.days(21, 0.4)) }, metadata: step.metadata }, step);
        }
        deal.handle({ type: 'MoveDealToStage', data: { dealId, stageId, pipeline, lostReason }, metadata: step.metadata }, step);
        if (stageId === WON_STAGE || stageId === LOST_STAGE) {
          deal.handle({ type: 'ChangeDealCloseDate', data: { dealId, closeDate: calendarDate(at) }, metadata: step.metadata }, step);
        }
        if (stageId === WON_STAGE) this.advanceLifecycle('customer', step);
      });

    // One attempt through the open stages, from stage index `from`; returns when it closed.
    const attempt = (from: number, startAt: number, wins: boolean): number => {
      const last = wins ? OPEN_DEAL_STAGES.length - 1 : Math.max(from, rng.weighted(LOSS_STAGE_WEIGHTS));
      let at = startAt;
      let stage = from;
      for (;;) {
        at += rng.days(STAGE_MEDIAN_DAYS[stage], 0.7);
        if (rng.chance(0.6)) {
          const kind = stage >= 2 ? 'meeting' : rng.chance(0.5) ? 'call' : 'email';
          this.planEngagement(at - rng.int(1, 8) * HOUR, rep, kind, associations);
        }
        if (stage >= last) break;
        // Some deals skip a stage.
        const next = stage + 1 < last && rng.chance(0.12) ? stage + 2 : stage + 1;
        if (next === 2 && rng.chance(0.25)) {
          this.at(at + rng.int(1, 4) * HOUR, actor, (step) =>
            deal.handle({ type: 'ChangeDealAmount', data: { dealId, amount: roundTo50(amount * rng.between(0.75, 1.3)), currency }, metadata: step.metadata }, step),
          );
        }
        moveTo(at, OPEN_DEAL_STAGES[next]);
        stage = next;
      }
      moveTo(at, wins ? WON_STAGE : LOST_STAGE, wins ? undefined : rng.weighted(LOST_REASONS));
      return at;
    };

    const closedAt = attempt(0, createdAt, won);
    if (!won && rng.chance(0.1)) {
      // A lost deal comes back to life.
      const reopenedAt = closedAt + rng.days(25, 0.5);
      this.at(reopenedAt, actor, (step) =>
        deal.handle({ type: 'ReopenDeal', data: { dealId, stageId: OPEN_DEAL_STAGES[1], pipeline }, metadata: step.metadata }, step),
      );
      const wonAgain = rng.chance(winProbability(hadDemo, pricingViews) * 0.7);
      const finalAt = attempt(1, reopenedAt, wonAgain);
      if (wonAgain) this.planCustomer(finalAt, dealId, rep);
      return;
    }
    if (won && rng.chance(0.03)) {
      // Marked won too early: reopened to fix the paperwork, then won again.
      const reopenedAt = closedAt + rng.days(1, 0.5);
      this.at(reopenedAt, actor, (step) =>
        deal.handle({ type: 'ReopenDeal', data: { dealId, stageId: OPEN_DEAL_STAGES[4], pipeline }, metadata: step.metadata }, step),
      );
      moveTo(reopenedAt + rng.days(3, 0.5), WON_STAGE);
    }
    if (won) this.planCustomer(closedAt, dealId, rep);
  }

  private planCustomer(wonAt: number, dealId: string, rep: Rep): void {
    const rng = this.rng;
    if (rng.chance(0.1)) this.at(wonAt + rng.days(60, 0.5), ownerActor(rep), (step) => this.advanceLifecycle('evangelist', step));
    if (!rng.chance(0.45)) return;
    let at = wonAt;
    const tickets = 1 + rng.geometric(0.55, 6);
    for (let i = 0; i < tickets; i++) {
      at += rng.days(30, 0.9);
      this.planTicket(at, dealId);
    }
  }

  private planTicket(createdAt: number, dealId: string | null): void {
    const rng = this.rng;
    const pipeline = this.world.ticketPipeline;
    const ticketId = rng.uuid();
    const ticket = new Aggregate<TicketCommand, TicketEvent, TicketState>(ticketDecider, ticketStream(ticketId), this.log);
    const agent = rng.pick(this.world.service);
    const agentActor = ownerActor(agent);
    const assignedOnArrival = rng.chance(0.6);
    const subject = rng.pick(TICKET_SUBJECTS);
    this.at(createdAt, 'support-inbox', (step) =>
      ticket.handle(
        {
          type: 'CreateTicket',
          data: {
            ticketId,
            subject,
            pipeline,
            priority: rng.weighted(PRIORITIES),
            ownerId: assignedOnArrival ? agent.ownerId : undefined,
            contactId: this.contactId,
            dealId: dealId ?? undefined,
          },
          metadata: step.metadata,
        },
        step,
      ),
    );
    let at = createdAt;
    if (!assignedOnArrival) {
      at += rng.days(0.05, 1);
      this.at(at, agentActor, (step) => ticket.handle({ type: 'AssignTicketOwner', data: { ticketId, ownerId: agent.ownerId }, metadata: step.metadata }, step));
    }
    const move = (stageId: string, medianDays: number) => {
      at += rng.days(medianDays, 0.9);
      this.at(at, agentActor, (step) => ticket.handle({ type: 'MoveTicketToStage', data: { ticketId, stageId, pipeline }, metadata: step.metadata }, step));
    };
    if (rng.chance(0.1)) {
      const escalatedAt = at + rng.days(0.1, 1);
      this.at(escalatedAt, agentActor, (step) => ticket.handle({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'urgent' }, metadata: step.metadata }, step));
      at = escalatedAt;
    }
    move(TICKET_WAITING_ON_US, 0.1);
    if (rng.chance(0.5)) this.planEngagement(at + rng.int(5, 60) * MINUTE, agent, 'email', { contactIds: [this.contactId], ticketIds: [ticketId] }, `Re: ${subject}`);
    if (rng.chance(0.6)) move(TICKET_WAITING_ON_CONTACT, 0.3);
    if (rng.chance(0.3)) move(TICKET_WAITING_ON_US, 1);
    move(TICKET_CLOSED, 1.5);
    if (rng.chance(0.08)) {
      move(TICKET_WAITING_ON_US, 3);
      move(TICKET_CLOSED, 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * The history as appendable batches: the default pipelines and the owners, then companies, then contact by contact (claims,
 * contact, activity, deals, tickets, engagements). Same options, same events, byte for byte.
 */
export function* generateHistory(options: SyntheticHistoryOptions): Generator<StreamBatch> {
  const world = new World(options);
  yield* world.setupBatches;
  for (let index = 0; index < world.companyCount; index++) yield* world.companyBatches(index);
  for (let index = 0; index < options.contacts; index++) yield* new ContactLife(world, index).batches();
}

/** One JSON line per event: {"streamName":...,"event":NewEvent}. */
export function* historyToNdjson(options: SyntheticHistoryOptions): Generator<string> {
  for (const batch of generateHistory(options)) {
    for (const event of batch.events) yield JSON.stringify({ streamName: batch.streamName, event });
  }
}

/** Appends the history batch by batch; meant for a fresh store (expectedRevision 'any'). */
export const appendHistory = async (
  store: Pick<EventStore, 'appendToStream'>,
  options: SyntheticHistoryOptions,
  onProgress?: (progress: AppendHistoryResult) => void,
): Promise<AppendHistoryResult> => {
  let events = 0;
  let streams = 0;
  for (const batch of generateHistory(options)) {
    await store.appendToStream(batch.streamName, batch.events, { expectedRevision: 'any' });
    events += batch.events.length;
    streams++;
    onProgress?.({ events, streams });
  }
  return { events, streams };
};
