// The funnel, the pure part: each event becomes fact rows (a contact's creation and stage entries, its touches, its
// merge, a deal's creation, its contacts' association changes and its outcomes), keyed by the event, with the
// event's business instant (metadata.occurredAt) and log position. No row depends on another, so a batch applied
// again or split differently leaves the same rows; the funnel math runs on the facts as of the asked date.
import type { RecordedEvent } from '#event-store';
import { associationChangesOf } from '#domain/association';
import type { ContactCreated, ContactLifecycleStageChanged, ContactMerged, FormSubmitted, MarketingEmailClicked, PageViewed } from '#domain/contact';
import type { DealCreated, DealLost, DealReopened, DealWon } from '#domain/deal';

export const FUNNEL_EVENT_TYPES: readonly string[] = [
  'ContactCreated',
  'ContactLifecycleStageChanged',
  'ContactMerged',
  'PageViewed',
  'FormSubmitted',
  'MarketingEmailClicked',
  'DealCreated',
  'DealContactAssociated',
  'DealContactDissociated',
  'RecordsAssociated',
  'RecordsDissociated',
  'DealWon',
  'DealLost',
  'DealReopened',
];

type Positioned = Readonly<{ posCommit: string; posPrepare: string }>;

export type FunnelContactRow = Readonly<{ contactId: string; createdAt: string; source: string; eventId: string }>;
export type StageEntryRow = Positioned & Readonly<{ eventId: string; contactId: string; stage: string; enteredAt: string }>;
export type TouchKind = 'created' | 'page-view' | 'form' | 'email-click';
export type TouchRow = Positioned & Readonly<{ eventId: string; contactId: string; kind: TouchKind; source: string; touchedAt: string }>;
export type MergeRow = Readonly<{ eventId: string; contactId: string; mergedInto: string; mergedAt: string }>;
export type FunnelDealRow = Readonly<{ dealId: string; createdAt: string; eventId: string }>;
export type DealContactRow = Positioned &
  Readonly<{ eventId: string; dealId: string; contactId: string; label: string; added: boolean; changedAt: string }>;
export type OutcomeRow = Positioned &
  Readonly<{ eventId: string; dealId: string; outcome: 'won' | 'lost' | 'reopened'; amount: string | null; currency: string | null; closedAt: string }>;

export type FunnelRows = Readonly<{
  contacts: FunnelContactRow[];
  stageEntries: StageEntryRow[];
  touches: TouchRow[];
  merges: MergeRow[];
  deals: FunnelDealRow[];
  dealContacts: DealContactRow[];
  outcomes: OutcomeRow[];
}>;

export const emptyFunnelRows = (): FunnelRows => ({ contacts: [], stageEntries: [], touches: [], merges: [], deals: [], dealContacts: [], outcomes: [] });

// Sources are labels people read and group by: trimmed, lower-cased, bounded.
const MAX_SOURCE_LENGTH = 100;
const label = (value: string): string | null => {
  const trimmed = value.trim().toLowerCase().slice(0, MAX_SOURCE_LENGTH);
  return trimmed === '' ? null : trimmed;
};

const parsedUrl = (value: string | null | undefined): URL | null => {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

const utmSourceOf = (url: URL | null): string | null => {
  const value = url?.searchParams.get('utm_source');
  return value ? label(value) : null;
};

const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^www\./, '');

/**
 * The source of a page view: its utm_source; else the referring host when the visitor came from another site; else
 * `direct` when nothing referred it. A page reached from another page of the same site is browsing, not a touch.
 */
export const pageViewSource = (url: string, referrer: string | null): string | null => {
  const page = parsedUrl(url);
  const tagged = utmSourceOf(page);
  if (tagged) return tagged;
  if (referrer === null) return 'direct';
  const from = parsedUrl(referrer);
  if (from === null) return label(referrer);
  if (page !== null && hostOf(page) === hostOf(from)) return null;
  return label(hostOf(from));
};

/** A form fill is a touch when it carries a utm_source field (a hidden field of tagged forms). */
export const formSource = (fields: Readonly<Record<string, string>>): string | null => {
  const key = Object.keys(fields).find((name) => name.toLowerCase() === 'utm_source');
  return key === undefined ? null : label(fields[key]);
};

/** An email click: the link's utm_source, else `email`. */
export const emailClickSource = (url: string | null): string => utmSourceOf(parsedUrl(url)) ?? 'email';

const at = (event: RecordedEvent): string => new Date(event.metadata.occurredAt).toISOString();
const positioned = (event: RecordedEvent): Positioned => ({ posCommit: event.position.commit.toString(), posPrepare: event.position.prepare.toString() });

type Data<E extends { data: unknown }> = E['data'];

/** The fact rows of a batch of recorded events, in log order. */
export const funnelRowsOf = (events: readonly RecordedEvent[]): FunnelRows => {
  const rows = emptyFunnelRows();
  for (const event of events) {
    const base = { eventId: event.id, ...positioned(event) };
    switch (event.type) {
      case 'ContactCreated': {
        const data = event.data as Data<ContactCreated>;
        rows.contacts.push({ contactId: data.contactId, createdAt: at(event), source: data.source, eventId: event.id });
        rows.stageEntries.push({ ...base, contactId: data.contactId, stage: data.lifecycleStage, enteredAt: at(event) });
        rows.touches.push({ ...base, contactId: data.contactId, kind: 'created', source: data.source, touchedAt: at(event) });
        break;
      }
      case 'ContactLifecycleStageChanged': {
        const data = event.data as Data<ContactLifecycleStageChanged>;
        rows.stageEntries.push({ ...base, contactId: data.contactId, stage: data.stage, enteredAt: at(event) });
        break;
      }
      case 'ContactMerged': {
        const data = event.data as Data<ContactMerged>;
        rows.merges.push({ eventId: event.id, contactId: data.contactId, mergedInto: data.mergedInto, mergedAt: at(event) });
        break;
      }
      case 'PageViewed': {
        const data = event.data as Data<PageViewed>;
        const source = pageViewSource(data.url, data.referrer);
        if (source) rows.touches.push({ ...base, contactId: data.contactId, kind: 'page-view', source, touchedAt: at(event) });
        break;
      }
      case 'FormSubmitted': {
        const data = event.data as Data<FormSubmitted>;
        const source = formSource(data.fields);
        if (source) rows.touches.push({ ...base, contactId: data.contactId, kind: 'form', source, touchedAt: at(event) });
        break;
      }
      case 'MarketingEmailClicked': {
        const data = event.data as Data<MarketingEmailClicked>;
        rows.touches.push({ ...base, contactId: data.contactId, kind: 'email-click', source: emailClickSource(data.url), touchedAt: at(event) });
        break;
      }
      case 'DealWon': {
        const data = event.data as Data<DealWon>;
        rows.outcomes.push({ ...base, dealId: data.dealId, outcome: 'won', amount: data.amount, currency: data.currency, closedAt: at(event) });
        break;
      }
      case 'DealLost':
      case 'DealReopened': {
        const data = event.data as Data<DealLost | DealReopened>;
        const outcome = event.type === 'DealLost' ? 'lost' : 'reopened';
        rows.outcomes.push({ ...base, dealId: data.dealId, outcome, amount: null, currency: null, closedAt: at(event) });
        break;
      }
      default:
        break;
    }
    if (event.type === 'DealCreated') {
      const data = event.data as Data<DealCreated>;
      rows.deals.push({ dealId: data.dealId, createdAt: at(event), eventId: event.id });
    }
    // Every way a deal and a contact get (un)associated, read as association changes: one model for every reader.
    for (const change of associationChangesOf(event.type, event.data)) {
      if (change.kind === 'merged' || change.a.type !== 'contact' || change.b.type !== 'deal') continue;
      rows.dealContacts.push({
        ...base,
        dealId: change.b.id,
        contactId: change.a.id,
        label: change.label ?? '',
        added: change.kind === 'added',
        changedAt: at(event),
      });
    }
  }
  return rows;
};
