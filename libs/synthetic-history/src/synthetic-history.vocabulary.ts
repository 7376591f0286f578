// The generator's vocabulary: the names, words, weights and timings a history is drawn from. Plain data, no draws.
import { LIFECYCLE_STAGES, type LifecycleStage } from '#domain/contact';
import type { BillingPeriod } from '#domain/deal';
import type { EngagementKind } from '#domain/engagement';
import type { ContactSource } from '#domain/marketing-policy';
import type { TicketPriority } from '#domain/ticket';
import type { Weighted } from './prng.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const SITE = 'https://www.northpeak.example';
export const OWNER_EMAIL_DOMAIN = 'northpeak.example';

export type Country = Readonly<{ name: string; region: 'americas' | 'emea'; currency: 'USD' | 'EUR' | 'GBP'; phone: string; tld: string }>;

export const COUNTRIES: Weighted<Country> = [
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

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas', 'Harper', 'Mateo',
  'Aisha', 'Mohammed', 'Priya', 'Arjun', 'Mei', 'Wei', 'Yuki', 'Haruto', 'Sofía', 'José', 'Lucía', 'Diego',
  'Chloé', 'Louis', 'Léa', 'Hugo', 'Hannah', 'Jonas', 'Lena', 'Felix', 'Freya', 'Oscar', 'Isla', 'Jack',
  'Fatima', 'Omar', 'Zara', 'Ethan', 'Ava', 'Daniel', 'Grace', 'Samuel', 'Chiara', 'Marco', 'Ingrid', 'Lars',
  'Ana', 'Pedro', 'Camila', 'Rafael', 'Nia', 'Kwame', 'Chen', 'Ananya', 'Rohan', 'Sara', 'David', 'Julia',
];
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Lopez',
  'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Dubois', 'Lefèvre', 'Moreau', 'Bernard', 'Rossi', 'Bianchi', 'Jansen', 'de Vries',
  'Andersson', 'Nilsson', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Sato', 'Kim',
  'Park', 'Nguyen', 'Silva', 'Santos', 'Okafor', "O'Brien",
];

export const SENIOR_TITLES = [
  'VP of Sales', 'VP Marketing', 'Director of Operations', 'Head of Growth', 'Director of Engineering',
  'Head of Customer Success', 'VP Engineering', 'Director, Revenue Operations', 'Head of Finance', 'Sales Director',
];
export const STAFF_TITLES = [
  'Marketing Manager', 'Account Executive', 'Software Engineer', 'Operations Manager', 'Sales Development Representative',
  'Product Manager', 'Customer Success Manager', 'Data Analyst', 'Founder', 'CEO', 'CTO', 'Consultant',
  'Office Manager', 'Designer', 'Marketing Specialist', 'RevOps Analyst', 'Business Analyst', 'Controller',
];
export const STUDENT_TITLES = ['Student', 'PhD Student', 'MBA Student', 'Graduate Student'];

export const INDUSTRIES = [
  'Software', 'Financial Services', 'Healthcare', 'Manufacturing', 'Retail', 'Education', 'Marketing & Advertising',
  'Logistics', 'Real Estate', 'Media', 'Professional Services', 'Non-profit',
];
export const COMPANY_PREFIXES = [
  'Northwind', 'Bluefin', 'Redwood', 'Silverline', 'Brightpath', 'Ironbridge', 'Clearwater', 'Summit', 'Harbor',
  'Evergreen', 'Pinecrest', 'Stonegate', 'Lakeside', 'Goldleaf', 'Quantum', 'Vertex', 'Nimbus', 'Polaris', 'Atlas',
  'Beacon', 'Cobalt', 'Crescent', 'Driftwood', 'Ember', 'Falcon', 'Granite', 'Horizon', 'Juniper', 'Keystone',
  'Lumen', 'Maple', 'Meridian', 'Nova', 'Orchid', 'Pioneer', 'Prism', 'Riverbend', 'Sapphire', 'Sequoia', 'Solstice',
  'Sterling', 'Tidewater', 'Trillium', 'Union', 'Vantage', 'Willow', 'Zephyr', 'Aurora', 'Birch', 'Cedar',
  'Delta', 'Echo', 'Fjord', 'Glacier', 'Helix', 'Indigo', 'Jade', 'Kestrel', 'Larkspur', 'Mosaic',
];
export const COMPANY_SUFFIXES = [
  'Analytics', 'Labs', 'Systems', 'Logistics', 'Health', 'Partners', 'Foods', 'Robotics', 'Capital', 'Media',
  'Studio', 'Networks', 'Energy', 'Works', 'Solutions', 'Dynamics', 'Software', 'Digital', 'Cloud', 'Bio',
  'Retail', 'Apparel', 'Consulting', 'Learning', 'Motors', 'Security', 'Travel', 'Finance', 'Insurance', 'Clinics',
  'Foundry', 'Outfitters', 'Freight', 'Pharma', 'Realty', 'Brewing', 'Aerospace', 'Telecom', 'Payments', 'Markets',
];
// A second and later pass over the name grid keeps domains unique.
export const COMPANY_QUALIFIERS = ['', 'Group', 'International', 'Holdings', 'Global', 'Ventures', 'Collective', 'Co'];
export const PERSONAL_DOMAINS: Weighted<string> = [['gmail.com', 50], ['outlook.com', 20], ['yahoo.com', 12], ['icloud.com', 10], ['proton.me', 8]];

export type Page = Readonly<{ path: string; title: string }>;
export const PRICING_PAGE: Page = { path: '/pricing', title: 'Pricing | Northpeak' };
export const PAGES: Weighted<Page> = [
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
export const REFERRERS: Weighted<string | undefined> = [
  [undefined, 35],
  ['https://www.google.com/', 35],
  ['https://www.linkedin.com/', 12],
  ['https://www.bing.com/', 5],
  ['https://www.g2.com/', 5],
  ['https://news.ycombinator.com/', 3],
];

export type FormId = 'newsletter' | 'ebook' | 'webinar' | 'contact' | 'demo';
export const FIRST_FORMS: Weighted<FormId> = [['newsletter', 45], ['ebook', 35], ['webinar', 12], ['contact', 8]];
export const LATER_FORMS: Weighted<FormId> = [['ebook', 50], ['webinar', 30], ['newsletter', 10], ['contact', 10]];
export const EBOOKS = ['The 2025 Forecasting Playbook', 'Pipeline Reviews That Work', 'The RevOps Handbook'];
export const WEBINARS = ['Forecasting in volatile markets', 'From spreadsheet to pipeline', 'Scoring leads you can trust'];

export const SOURCES: Weighted<ContactSource> = [
  ['form', 56],
  ['import', 24],
  ['integration', 6],
  ['manual', 7],
  ['api', 4],
  ['conversation', 3],
];

export const LOST_REASONS: Weighted<string> = [
  ['Price too high', 25],
  ['Chose a competitor', 22],
  ['No budget this year', 15],
  ['No decision', 15],
  ['Bad timing', 12],
  ['Went dark', 11],
];
export const CONTRACT_TERMS: Weighted<number> = [[12, 70], [24, 12], [36, 8], [1, 10]];
// medianAmount is a year's worth; a subscription plan (billingPeriod) sells a recurring contract whose amount is its
// value over the whole term (Starter month to month or yearly), Enterprise a one-off licence.
export const PLANS: Weighted<Readonly<{ name: string; medianAmount: number; billingPeriod: BillingPeriod | null; terms: Weighted<number> }>> = [
  [{ name: 'Starter', medianAmount: 3_600, billingPeriod: 'month', terms: [[1, 50], [12, 50]] }, 45],
  [{ name: 'Growth', medianAmount: 14_000, billingPeriod: 'year', terms: CONTRACT_TERMS.filter(([months]) => months >= 12) }, 40],
  [{ name: 'Enterprise', medianAmount: 60_000, billingPeriod: null, terms: CONTRACT_TERMS }, 15],
];
/** How often a customer renews a recurring contract as its term ends (otherwise it churns): month to month, or longer. */
export const renewalRate = (contractTermMonths: number): number => (contractTermMonths === 1 ? 0.9 : 0.7);

export const TICKET_SUBJECTS = [
  'Cannot log in after password reset', 'Question about our invoice', 'CSV import fails on row 1204',
  'Salesforce sync stopped', 'Dashboard shows wrong totals', 'How do I add a teammate?', 'Forecast export is empty',
  'Request: dark mode', 'SSO setup help', 'Duplicate contacts after import', 'Email tracking not working',
];
export const PRIORITIES: Weighted<TicketPriority> = [['low', 30], ['medium', 45], ['high', 20], ['urgent', 5]];
export const CALL_OUTCOMES: Weighted<string> = [['Connected', 45], ['Left voicemail', 30], ['No answer', 20], ['Wrong number', 5]];
export const MEETING_OUTCOMES: Weighted<string> = [['Completed', 80], ['Rescheduled', 12], ['No show', 8]];
export const OUTREACH_KINDS: Weighted<EngagementKind> = [['email', 35], ['call', 30], ['task', 20], ['note', 15]];
export const OPT_IN_REASONS = ['Opted in at a webinar', 'Subscribed in the preference center', 'Asked for the newsletter by email'];

export const OPEN_DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'] as const;
export const STAGE_MEDIAN_DAYS = [5, 8, 10, 9, 6] as const;
// Deals fall out early more often than late.
export const LOSS_STAGE_WEIGHTS: Weighted<number> = [[0, 30], [1, 28], [2, 20], [3, 13], [4, 9]];
export const WON_STAGE = 'closedwon';
export const LOST_STAGE = 'closedlost';
export const TICKET_WAITING_ON_US = 'waiting-on-us';
export const TICKET_WAITING_ON_CONTACT = 'waiting-on-contact';
export const TICKET_CLOSED = 'closed';

// The planted truth a backtest should find: demo requests and pricing views before a deal predict a win.
export const winProbability = (hadDemo: boolean, pricingViews: number): number => {
  if (hadDemo) return pricingViews > 0 ? 0.6 : 0.45;
  return pricingViews > 0 ? 0.22 : 0.12;
};

export const LIFECYCLE_RANK: ReadonlyMap<LifecycleStage, number> = new Map(LIFECYCLE_STAGES.map((stage, rank) => [stage, rank]));
