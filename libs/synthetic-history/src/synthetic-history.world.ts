// The world every contact shares: owners, pipelines, companies, campaigns, import runs.
import { companyDecider, companyStream, type CompanyCommand, type CompanyEvent, type CompanyState } from '#domain/company';
import { ownerDecider, ownerStream, type OwnerCommand, type OwnerEvent, type OwnerRole, type OwnerState } from '#domain/owner';
import {
  propertyDefinitionDecider,
  propertyDefinitionStream,
  type DefineProperty,
  type PropertyDefinitionCommand,
  type PropertyDefinitionEvent,
  type PropertyDefinitionsState,
} from '#domain/property-definition';
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
} from '#domain/pipeline';
import { Prng } from './prng.js';
import { Aggregate, ascii, calendarDate, claimUniqueValue, StreamLog, type StreamBatch } from './synthetic-history.recorder.js';
import {
  COMPANY_PREFIXES,
  COMPANY_QUALIFIERS,
  COMPANY_SUFFIXES,
  COUNTRIES,
  DAY,
  FIRST_NAMES,
  HOUR,
  INDUSTRIES,
  LAST_NAMES,
  MINUTE,
  OWNER_EMAIL_DOMAIN,
  PAGES,
  PRICING_PAGE,
  SITE,
  type Country,
} from './synthetic-history.vocabulary.js';

export type SyntheticHistoryOptions = Readonly<{
  contacts: number;
  /** Numbers and strings both work; 7 and '7' are the same seed. */
  seed: number | string;
  /**
   * Where the history ends: an ISO date (its midnight, UTC) or instant. The demo passes today, so its read models
   * show recent numbers; benchmarks and specs pass a fixed date, so the same seed gives the same events.
   */
  until: string;
  /** How far back it begins. */
  days?: number;
  /**
   * The share of contacts erased (GDPR Art. 17) after the last thing they did, in [0, 1]; none by default, so
   * histories without it stay byte for byte what they were. Colleagues' later deals may still name them.
   */
  erasures?: number;
}>;

export const DEFAULT_HISTORY_DAYS = 365;

/** The UTC calendar day of `now`: the demo's history runs up to it. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

export type Rep = Readonly<{ ownerId: string; name: string; email: string; team: string; role: OwnerRole; weight: number }>;

export type Company = Readonly<{
  companyId: string;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  country: Country;
  createdAt: number;
  growth: Readonly<{ at: number; employees: number }> | null;
}>;

export type Campaign = Readonly<{ emailId: string; at: number; links: readonly string[] }>;

// Walks a grid of name parts without repeats: index -> a distinct (row, column) until the grid is used up.
export const gridCell = (index: number, rows: number, columns: number): Readonly<{ row: number; column: number; pass: number }> => {
  const size = rows * columns;
  // 7919 is prime and larger than any grid here, so the walk visits every cell once per pass.
  const cell = (index * 7919) % size;
  return { row: cell % rows, column: Math.floor(cell / rows), pass: Math.floor(index / size) };
};

export const parseUntil = (until: string): number => {
  // A bare date is read as UTC midnight, as Date.parse does; an instant must say its offset.
  const ms = /^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(until) ? Date.parse(until) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`until ${until} is not an ISO date (2025-12-31) or instant`);
  return ms;
};

/** import_batch: the list an imported contact came from; first_conversion: what a form fill asked for first. */
const CONTACT_PROPERTY_DEFINITIONS: readonly DefineProperty['data'][] = [
  { objectType: 'contact', name: 'import_batch', label: 'Import batch', type: 'string' },
  {
    objectType: 'contact',
    name: 'first_conversion',
    label: 'First conversion',
    type: 'enum',
    options: [
      { value: 'demo', label: 'Demo request' },
      { value: 'website', label: 'Website sign-up' },
    ],
  },
];

export class World {
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
  readonly erasures: number;
  /** The latest contact seen at each company, for deals with several contacts: one id per company at most. */
  readonly colleagues = new Map<number, Readonly<{ contactId: string; createdAt: number }>>();

  constructor(options: SyntheticHistoryOptions) {
    const { contacts } = options;
    const days = options.days ?? DEFAULT_HISTORY_DAYS;
    if (!Number.isInteger(contacts) || contacts < 0) throw new Error(`contacts must be a whole number >= 0, got ${contacts}`);
    if (!(Number.isFinite(days) && days >= 1)) throw new Error(`days must be at least 1, got ${days}`);
    const erasures = options.erasures ?? 0;
    if (!(erasures >= 0 && erasures <= 1)) throw new Error(`erasures must be a share in [0, 1], got ${erasures}`);
    this.erasures = erasures;
    this.seed = String(options.seed);
    this.end = parseUntil(options.until);
    this.start = this.end - Math.round(days * DAY);
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
    // The custom properties contacts carry (see ContactLife), defined before the first contact as an admin would.
    const contactProperties = new Aggregate<PropertyDefinitionCommand, PropertyDefinitionEvent, PropertyDefinitionsState>(
      propertyDefinitionDecider,
      propertyDefinitionStream('contact'),
      log,
    );
    for (const data of CONTACT_PROPERTY_DEFINITIONS) {
      const step = system(this.start + MINUTE);
      contactProperties.handle({ type: 'DefineProperty', data, metadata: step.metadata }, step);
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

export const ownerActor = (rep: Rep): string => `owner:${rep.ownerId}`;
