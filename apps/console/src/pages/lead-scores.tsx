// Lead scores: a searchable list, and one contact's score as a waterfall of contributions, each linked to its
// event, with the formula's hash and build, `verify`, and the score as of any date (derived from the event log).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { PageDefinition, PageProps } from '../page';
import { hrefOf, navigate } from '../router';
import { can, type Session } from '../session';
import { ErrorBanner, Loading, Table, useApi, usePagedApi } from '../ui/index';
import { ScoreWaterfall, type Contribution } from '../ui/lead-scores-waterfall';
import { formatInstant, formatNumber, localInputToIso, prettyJson, valueOf, withQuery, type Paged } from '../ui/records-common';

type Explanation = {
  contactId: string;
  formulaId: string;
  asOf: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: string;
  derivedFrom: 'read-model' | 'event-log';
  contributions: Contribution[];
};
type ContactRow = { contactId: string; name: string; email: string | null; leadScore: number | null; qualification: string | null; lastActivityAt: string | null };
type ScoreRow = { contactId: string; total: number; qualification: string; asOf: string; fit: number; engagement: number };
type Listed = { contactId: string; name: string | null; email: string | null; total: number | null; qualification: string | null };
type Build = { name: string; version: number; state: string; status: string; params: Record<string, unknown> };
type Formula = { id: string; name: string; active: boolean };
type Verify = { version: number; formulaId: string; position: string | null; checked: number; mismatches: { field: string; stored: unknown; derived: unknown }[] };
type TimelineEntry = { eventId: string; eventType: string; position: string; occurredAt: string; actor: string; summary: string; data: Record<string, unknown> };

const QUALIFICATIONS = ['mql', 'sql', 'none'] as const;

function ScoreList({ session }: { session: Session }) {
  const byContacts = can(session, 'contacts:read');
  const [draft, setDraft] = useState({ q: '', qualification: '' });
  const [query, setQuery] = useState(draft);
  // The contacts list searches names and emails and sorts by score; a qualification filter needs the scores list.
  const list = usePagedApi<Listed>(
    async (after) => {
      if (byContacts && !query.qualification) {
        const answer = await session.api.get<Paged<ContactRow>>(withQuery('/v1/contacts', { q: query.q.trim(), sort: '-score', limit: 50, cursor: after }));
        return { ...answer, data: answer.data.map((c) => ({ contactId: c.contactId, name: c.name, email: c.email, total: c.leadScore, qualification: c.qualification })) };
      }
      const answer = await session.api.get<Paged<ScoreRow>>(
        withQuery('/v1/read-models/lead-scores', { qualification: query.qualification, sort: '-score', limit: 50, cursor: after }),
      );
      return { ...answer, data: answer.data.map((s) => ({ contactId: s.contactId, name: null, email: null, total: s.total, qualification: s.qualification })) };
    },
    [query],
  );

  return (
    <>
      <h1>Lead scores</h1>
      <form
        class="toolbar"
        role="search"
        aria-label="Lead scores"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ ...draft });
        }}
      >
        {byContacts ? (
          <label>
            Search contacts
            <input type="search" name="q" value={draft.q} onInput={(e) => setDraft({ ...draft, q: valueOf(e) })} placeholder="Name, email or phone" />
          </label>
        ) : null}
        <label>
          Qualification
          <select value={draft.qualification} onChange={(e) => setDraft({ ...draft, qualification: valueOf(e) })}>
            <option value="">Any</option>
            {QUALIFICATIONS.map((q) => (
              <option key={q} value={q}>
                {q.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {byContacts && query.qualification ? <p class="help">With a qualification the list shows contact ids: the scores list has no names.</p> : null}
      <ErrorBanner error={list.error} />
      <Table<Listed>
        caption="Contacts by lead score, highest first"
        rowKey={(row) => row.contactId}
        rows={list.items}
        empty={list.loading ? 'Loading…' : 'No contact matches.'}
        columns={[
          { key: 'name', header: 'Contact', render: (row) => <a href={hrefOf('/scores', { contact: row.contactId })}>{row.name ?? row.contactId}</a> },
          { key: 'email', header: 'Email', render: (row) => row.email ?? '—' },
          { key: 'total', header: 'Score', numeric: true, render: (row) => (row.total === null ? 'not scored' : formatNumber(row.total)) },
          { key: 'qualification', header: 'Qualification', render: (row) => (row.qualification ?? '—').toUpperCase() },
        ]}
      />
      {list.hasMore ? (
        <button type="button" class="secondary" disabled={list.loading} onClick={list.more}>
          More contacts
        </button>
      ) : null}
      {list.loading ? <Loading /> : null}
    </>
  );
}

/** The event behind a contribution, read from the contact's timeline (which keeps every event's data). */
const findEvent = async (api: Api, contactId: string, eventId: string, eventType: string | null): Promise<TimelineEntry | null> => {
  const search = async (types: string | undefined): Promise<TimelineEntry | null> => {
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const answer = await api.get<Paged<TimelineEntry>>(withQuery(`/v1/timelines/contact/${contactId}`, { limit: 500, types, cursor }));
      const found = answer.data.find((entry) => entry.eventId === eventId);
      if (found) return found;
      if (!answer.nextCursor) return null;
      cursor = answer.nextCursor;
    }
    return null;
  };
  try {
    return await search(eventType ?? undefined);
  } catch (error) {
    // A type the timeline does not keep is refused by name: look through every entry instead.
    if ((error as { status?: number }).status === 400 && eventType) return search(undefined);
    throw error;
  }
};

function EventPanel({ api, contactId, contribution, canRead }: { api: Api; contactId: string; contribution: Contribution; canRead: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const event = useApi(
    () => (canRead && contribution.eventId ? findEvent(api, contactId, contribution.eventId, contribution.eventType) : Promise.resolve(null)),
    [contactId, contribution.eventId],
  );
  useEffect(() => heading.current?.focus(), [contribution.eventId]);
  return (
    <section class="notice" aria-labelledby="event-heading" data-testid="event-panel">
      <h2 id="event-heading" tabIndex={-1} ref={heading}>
        Event {contribution.eventType}
      </h2>
      <dl class="event-facts">
        <dt>Event id</dt>
        <dd>
          <code>{contribution.eventId}</code>
        </dd>
        <dt>Type</dt>
        <dd data-testid="event-type">{contribution.eventType}</dd>
        <dt>Occurred</dt>
        <dd>{formatInstant(contribution.occurredAt)}</dd>
        <dt>Stream and revision</dt>
        <dd>
          <code>{contribution.streamName}</code> #{contribution.revision}
        </dd>
        <dt>Log position</dt>
        <dd>{contribution.position}</dd>
        <dt>Rule</dt>
        <dd>
          <code>{contribution.ruleId}</code> in group <code>{contribution.groupId}</code>: {formatNumber(contribution.rawPoints)} points × decay{' '}
          {formatNumber(contribution.decayFactor, 4)} = {formatNumber(contribution.points)}, counted {formatNumber(contribution.counted)}
          {contribution.cutByRuleCap ? `, ${formatNumber(contribution.cutByRuleCap)} cut by the rule's cap` : ''}
          {contribution.cutByGroupLimit ? `, ${formatNumber(contribution.cutByGroupLimit)} cut by the group's limit` : ''}
          {contribution.cutByTotalLimit ? `, ${formatNumber(contribution.cutByTotalLimit)} cut by the total limit` : ''}
        </dd>
        {event.data ? (
          <>
            <dt>Summary</dt>
            <dd>{event.data.summary}</dd>
            <dt>Caused by</dt>
            <dd>{event.data.actor}</dd>
          </>
        ) : null}
      </dl>
      {event.loading ? <Loading label="Loading the event's data…" /> : null}
      <ErrorBanner error={event.error} />
      {event.data ? (
        <>
          <h3>Data</h3>
          <pre data-testid="event-data" tabIndex={0} aria-label="The event's data">
            {prettyJson(event.data.data)}
          </pre>
        </>
      ) : !event.loading && canRead ? (
        <p class="help">The contact's timeline does not show this event.</p>
      ) : null}
    </section>
  );
}

function ScoreDetail({ session, contactId, asOf, eventId }: { session: Session; contactId: string; asOf?: string; eventId: string | null }) {
  const { api } = session;
  const [asOfDraft, setAsOfDraft] = useState(asOf ? asOf.slice(0, 16) : '');
  const [verify, setVerify] = useState<{ report?: Verify; error?: unknown; busy: boolean }>({ busy: false });
  const explanation = useApi(() => api.get<{ data: Explanation }>(withQuery(`/v1/read-models/lead-scores/${contactId}/explain`, { asOf })), [contactId, asOf]);
  const contact = useApi(
    () => (can(session, 'contacts:read') ? api.get<{ firstName?: string | null; lastName?: string | null; email?: string }>(`/v1/contacts/${contactId}`) : Promise.resolve(null)),
    [contactId],
  );
  const formulaId = explanation.data?.data.formulaId;
  const formula = useApi(
    () => (formulaId && can(session, 'scoring:read') ? api.get<Formula>(`/v1/scoring/formulas/${formulaId}`) : Promise.resolve(null)),
    [formulaId],
  );
  const builds = useApi(() => (can(session, 'projections:read') ? api.get<{ data: Build[] }>('/v1/projections/lead-score') : Promise.resolve(null)), []);
  const build = builds.data?.data.find((b) => b.state === 'active' && b.params.formulaId === formulaId) ?? builds.data?.data.find((b) => b.params.formulaId === formulaId);

  const runVerify = async (): Promise<void> => {
    setVerify({ busy: true });
    try {
      setVerify({ busy: false, report: await api.get<Verify>(`/v1/read-models/lead-scores/${contactId}/verify`) });
    } catch (error) {
      setVerify({ busy: false, error });
    }
  };

  const name = contact.data ? [contact.data.firstName, contact.data.lastName].filter(Boolean).join(' ') || contact.data.email : null;
  const data = explanation.data?.data;
  const selected = eventId ? data?.contributions.find((c) => c.eventId === eventId) : undefined;

  return (
    <>
      <p>
        <a href={hrefOf('/scores')}>← All lead scores</a>
      </p>
      <h1>
        Lead score of {name ?? 'contact'} <small style={{ fontWeight: 400, fontSize: '0.9rem' }}>{contactId}</small>
      </h1>
      <form
        class="toolbar"
        aria-label="Score as of a date"
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/scores', { contact: contactId, asOf: localInputToIso(asOfDraft) });
        }}
      >
        <label>
          Score as of (UTC)
          <input type="datetime-local" name="asOf" value={asOfDraft} onInput={(e) => setAsOfDraft(valueOf(e))} />
        </label>
        <button type="submit">Show</button>
        {asOf ? (
          <a href={hrefOf('/scores', { contact: contactId })} onClick={() => setAsOfDraft('')}>
            Back to the stored score
          </a>
        ) : null}
        {can(session, 'audit:read') ? (
          <button type="button" class="secondary" onClick={() => void runVerify()} disabled={verify.busy}>
            {verify.busy ? 'Verifying…' : 'Verify against the event log'}
          </button>
        ) : null}
      </form>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {verify.report ? (
          verify.report.mismatches.length === 0 ? (
            <p class="notice">
              Verified: the stored score equals the score re-derived from the event log alone (build v{verify.report.version}, formula{' '}
              <code>{verify.report.formulaId.slice(0, 12)}</code>, log read to position {verify.report.position ?? '—'}; {verify.report.checked} checked).
            </p>
          ) : (
            <Table
              caption={`Verify found ${verify.report.mismatches.length} difference(s) between the stored and the re-derived score`}
              rows={verify.report.mismatches}
              columns={[
                { key: 'field', header: 'Field' },
                { key: 'stored', header: 'Stored', render: (m) => String(m.stored) },
                { key: 'derived', header: 'Derived from the log', render: (m) => String(m.derived) },
              ]}
            />
          )
        ) : null}
      </div>
      <ErrorBanner error={verify.error} title="Verify" />
      <ErrorBanner error={explanation.error} />
      {explanation.loading ? <Loading /> : null}
      {data ? (
        <>
          <ul class="stats" aria-label="Score">
            <li>
              Total<strong data-testid="score-value">{formatNumber(data.total)}</strong>
            </li>
            <li>
              Fit<strong>{formatNumber(data.fit)}</strong>
            </li>
            <li>
              Engagement<strong>{formatNumber(data.engagement)}</strong>
            </li>
            <li>
              Qualification<strong>{data.qualification.toUpperCase()}</strong>
            </li>
            <li>
              As of<strong>{formatInstant(data.asOf)}</strong>
            </li>
          </ul>
          <p data-testid="formula-facts">
            Formula {formula.data ? <strong>{formula.data.name}</strong> : null} hash <code>{data.formulaId}</code>
            {build ? (
              <>
                , lead-score build <strong>v{build.version}</strong> ({build.state})
              </>
            ) : null}
            . {data.derivedFrom === 'event-log' ? 'Derived from the event log as of the date asked for.' : 'As stored by the read model.'}
          </p>
          <ScoreWaterfall contactId={contactId} contributions={data.contributions} total={data.total} asOf={asOf} selectedEventId={eventId} />
          {selected ? <EventPanel api={api} contactId={contactId} contribution={selected} canRead={can(session, 'read-models:read')} /> : null}
          {eventId && !selected ? <ErrorBanner error={new Error(`no contribution of this score comes from event ${eventId}`)} /> : null}
        </>
      ) : null}
    </>
  );
}

function LeadScoresPage({ session, params }: PageProps) {
  const contactId = params.get('contact');
  if (contactId) {
    return <ScoreDetail key={contactId} session={session} contactId={contactId} asOf={params.get('asOf') ?? undefined} eventId={params.get('event')} />;
  }
  return <ScoreList session={session} />;
}

export const leadScoresPage: PageDefinition = { path: '/scores', title: 'Lead scores', permission: 'read-models:read', component: LeadScoresPage };
