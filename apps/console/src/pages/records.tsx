// Records: contacts, companies, deals and tickets, listed and searched (GET /v1/search across every type the role
// may read, or one type's list with q), and each record's timeline (GET /v1/timelines/:type/:id), paged.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { hrefOf, navigate } from '../router';
import { can, type Session } from '../session';
import { ErrorBanner, formatMoney, Loading, Table, useApi, usePagedApi, type Column } from '../ui/index';
import { formatInstant, formatNumber, prettyJson, valueOf, withQuery, type Paged } from '../ui/records-common';

type RecordType = 'contact' | 'company' | 'deal' | 'ticket';
const TYPES: readonly { type: RecordType; plural: string; label: string }[] = [
  { type: 'contact', plural: 'contacts', label: 'Contacts' },
  { type: 'company', plural: 'companies', label: 'Companies' },
  { type: 'deal', plural: 'deals', label: 'Deals' },
  { type: 'ticket', plural: 'tickets', label: 'Tickets' },
];

type Row = Record<string, unknown> & { id: string; title: string };
type Hit = { type: RecordType; id: string; title: string; subtitle: string | null; score: number; matched: string };
type TimelineEntry = {
  eventId: string;
  eventType: string;
  position: string;
  occurredAt: string;
  actor: string;
  summary: string;
  previous: Record<string, unknown> | null;
  via: { type: string; id: string } | null;
  data: Record<string, unknown>;
};

const text = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));

/** One type's list row as the table shows it: its id and title, and the columns of its kind. */
const rowOf = (type: RecordType, item: Record<string, unknown>): Row => {
  switch (type) {
    case 'contact':
      return { ...item, id: String(item.contactId), title: String(item.name) };
    case 'company':
      return { ...item, id: String(item.companyId), title: String(item.name) };
    case 'deal':
      return { ...item, id: String(item.dealId), title: String(item.name) };
    case 'ticket':
      return { ...item, id: String(item.ticketId), title: String(item.subject) };
  }
};

const titleLink = (type: RecordType) => (row: { id: string; title: string }) => (
  <a href={hrefOf('/records', { type, id: row.id, title: row.title })}>{row.title}</a>
);

const COLUMNS: Record<RecordType, Column<Row>[]> = {
  contact: [
    { key: 'title', header: 'Name', render: titleLink('contact') },
    { key: 'email', header: 'Email', render: (r) => text(r.email) },
    { key: 'lifecycleStage', header: 'Lifecycle stage', render: (r) => text(r.lifecycleStage) },
    { key: 'leadScore', header: 'Lead score', numeric: true, render: (r) => (r.leadScore === null ? '—' : formatNumber(r.leadScore as number)) },
    { key: 'ownerName', header: 'Owner', render: (r) => text(r.ownerName) },
  ],
  company: [
    { key: 'title', header: 'Name', render: titleLink('company') },
    { key: 'domain', header: 'Domain', render: (r) => text(r.domain) },
    { key: 'industry', header: 'Industry', render: (r) => text(r.industry) },
    { key: 'country', header: 'Country', render: (r) => text(r.country) },
  ],
  deal: [
    { key: 'title', header: 'Name', render: titleLink('deal') },
    { key: 'stage', header: 'Pipeline and stage', render: (r) => `${text(r.pipelineName ?? r.pipelineId)}: ${text(r.stageLabel ?? r.stageId)}` },
    { key: 'amount', header: 'Amount', numeric: true, render: (r) => formatMoney(String(r.amount), String(r.currency)) },
    { key: 'outcome', header: 'Outcome', render: (r) => text(r.outcome) },
    { key: 'ownerName', header: 'Owner', render: (r) => text(r.ownerName) },
  ],
  ticket: [
    { key: 'title', header: 'Subject', render: titleLink('ticket') },
    { key: 'stage', header: 'Pipeline and stage', render: (r) => `${text(r.pipelineName ?? r.pipelineId)}: ${text(r.stageLabel ?? r.stageId)}` },
    { key: 'priority', header: 'Priority', render: (r) => text(r.priority) },
    { key: 'status', header: 'Status', render: (r) => text(r.status) },
    { key: 'ownerName', header: 'Owner', render: (r) => text(r.ownerName) },
  ],
};

function Search({ session, params }: { session: Session; params: URLSearchParams }) {
  const readable = TYPES.filter((t) => can(session, `${t.plural}:read`));
  const searchAll = can(session, 'search:read');
  const scope = params.get('in') ?? (searchAll ? 'all' : readable[0]?.plural ?? 'contacts');
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState({ scope, q });
  // Follow the address only when it changes: on mount the effect would run after the first paint and undo what
  // the user already chose in the form (a browser spec selected a type and searched before it ran).
  const shown = useRef({ scope, q });
  useEffect(() => {
    if (shown.current.scope === scope && shown.current.q === q) return;
    shown.current = { scope, q };
    setDraft({ scope, q });
  }, [scope, q]);

  const kind = TYPES.find((t) => t.plural === scope);
  const term = q.trim();
  // Every record type at once is a search, and needs words; one type is its list, filtered by them.
  const found = usePagedApi<Hit>(
    () => (scope === 'all' && term ? session.api.get<Paged<Hit>>(withQuery('/v1/search', { q: term, limit: 50 })) : Promise.resolve({ data: [] })),
    [scope, q],
  );
  const listed = usePagedApi<Row>(
    async (after) => {
      if (!kind) return { data: [] };
      const page = await session.api.get<Paged<Record<string, unknown>>>(withQuery(`/v1/${kind.plural}`, { q: term, limit: 50, cursor: after }));
      return { ...page, data: page.data.map((item) => rowOf(kind.type, item)) };
    },
    [scope, q],
  );
  const loading = found.loading || listed.loading;

  return (
    <>
      <h1>Records</h1>
      <form
        class="toolbar"
        role="search"
        aria-label="Records"
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/records', { in: draft.scope, q: draft.q.trim() });
        }}
      >
        <label>
          Search
          <input type="search" name="q" value={draft.q} onInput={(e) => setDraft({ ...draft, q: valueOf(e) })} placeholder="Name, email, domain, phone" />
        </label>
        <label>
          In
          <select name="in" value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: valueOf(e) })}>
            {searchAll ? <option value="all">Every record type</option> : null}
            {readable.map((t) => (
              <option key={t.plural} value={t.plural}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorBanner error={found.error ?? listed.error} />
      {scope === 'all' ? (
        term ? (
          <Table<Hit>
            caption={`Records matching “${term}”, best first`}
            rows={found.items}
            rowKey={(h) => `${h.type}-${h.id}`}
            empty={loading ? 'Searching…' : 'Nothing matches.'}
            columns={[
              { key: 'type', header: 'Type' },
              { key: 'title', header: 'Record', render: (h) => titleLink(h.type)(h) },
              { key: 'subtitle', header: 'Details', render: (h) => text(h.subtitle) },
              { key: 'matched', header: 'Matched by' },
            ]}
          />
        ) : (
          <p>Type a name, an email, a domain or a phone number, or pick one record type to list it.</p>
        )
      ) : kind ? (
        <>
          <Table<Row>
            caption={term ? `${kind.label} matching “${term}”` : `${kind.label}, newest first`}
            rows={listed.items}
            rowKey={(r) => r.id}
            empty={loading ? 'Loading…' : 'Nothing matches.'}
            columns={COLUMNS[kind.type]}
          />
          {listed.hasMore ? (
            <button type="button" class="secondary" disabled={loading} onClick={listed.more}>
              More {kind.label.toLowerCase()}
            </button>
          ) : null}
        </>
      ) : null}
      {loading ? <Loading /> : null}
    </>
  );
}

function Timeline({ session, type, id, title }: { session: Session; type: RecordType; id: string; title: string | null }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = TYPES.find((t) => t.type === type);
  const score = useApi(
    () => (type === 'contact' ? session.api.get<{ data: { total: number; qualification: string } }>(`/v1/read-models/lead-scores/${id}`).catch(() => null) : Promise.resolve(null)),
    [id],
  );

  const timeline = usePagedApi<TimelineEntry>(
    (after) => session.api.get<Paged<TimelineEntry>>(withQuery(`/v1/timelines/${type}/${id}`, { limit: 50, cursor: after })),
    [type, id],
  );
  useEffect(() => heading.current?.focus(), [type, id]);

  return (
    <>
      <p>
        <a href={hrefOf('/records', { in: kind?.plural })}>← {kind?.label ?? 'Records'}</a>
      </p>
      <h1 tabIndex={-1} ref={heading} data-testid="timeline-heading">
        Timeline of {title ?? `${type} ${id}`}
      </h1>
      <p class="help">
        {type} <code>{id}</code>
        {score.data ? (
          <>
            {' '}
            · lead score <a href={hrefOf('/scores', { contact: id })}>{formatNumber(score.data.data.total)}</a> ({score.data.data.qualification.toUpperCase()})
          </>
        ) : null}
      </p>
      <ErrorBanner error={timeline.error} />
      <Table<TimelineEntry>
        caption="What happened, newest first: the record's own events and the engagements on records associated with it"
        rows={timeline.items}
        rowKey={(e) => e.eventId}
        empty={timeline.loading ? 'Loading…' : 'Nothing happened to this record yet.'}
        columns={[
          { key: 'occurredAt', header: 'When', render: (e) => formatInstant(e.occurredAt) },
          { key: 'eventType', header: 'Event' },
          { key: 'summary', header: 'Summary' },
          { key: 'via', header: 'Via', render: (e) => (e.via ? <a href={hrefOf('/records', { type: e.via.type, id: e.via.id })}>{`${e.via.type} ${e.via.id.slice(0, 8)}…`}</a> : '—') },
          { key: 'actor', header: 'By' },
          {
            key: 'data',
            header: 'Data',
            render: (e) => (
              <details>
                <summary>Data of {e.eventType}</summary>
                <pre>{prettyJson(e.data)}</pre>
                {e.previous ? <pre aria-label="Values it replaced">{prettyJson(e.previous)}</pre> : null}
              </details>
            ),
          },
        ]}
      />
      {timeline.hasMore ? (
        <button type="button" class="secondary" disabled={timeline.loading} onClick={timeline.more}>
          Older events
        </button>
      ) : null}
      {timeline.loading ? <Loading /> : null}
    </>
  );
}

function RecordsPage({ session, params }: PageProps) {
  const type = params.get('type') as RecordType | null;
  const id = params.get('id');
  if (type && id && TYPES.some((t) => t.type === type)) return <Timeline key={`${type}-${id}`} session={session} type={type} id={id} title={params.get('title')} />;
  return <Search session={session} params={params} />;
}

export const recordsPage: PageDefinition = { path: '/records', title: 'Records', permission: 'contacts:read', component: RecordsPage };
