// Live events: the log as Server-Sent Events (GET /v1/streams/all or /v1/streams/:category), read over fetch so
// the key stays in a header. Type and category filters; pause and resume pick up after the last event shown with
// Last-Event-ID, and so does a reconnect after a dropped connection.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { ErrorBanner, useApi } from '../ui/index';
import { formatInstant, prettyJson, valueOf, withQuery } from '../ui/records-common';

const CATEGORIES = ['contact', 'activity', 'company', 'deal', 'ticket', 'engagement', 'owner', 'pipeline', 'scoring'] as const;
const KEEP = 300;

type Envelope = { id: string; type: string; stream: string; revision: number; position: string; occurredAt: string; data: unknown; metadata?: unknown };
type Filters = { category: string; types: string[]; start: 'now' | 'beginning' | 'position'; from: string };
type Connection = 'connecting' | 'live' | 'paused' | 'reconnecting';

const pathOf = (filters: Filters, from: string | undefined): string =>
  withQuery(`/v1/streams/${filters.category || 'all'}`, { types: filters.types.join(','), from });

function LiveEventsPage({ session }: PageProps) {
  const catalog = useApi(() => session.api.get<{ data: { type: string }[] }>('/v1/events/catalog').then((a) => a.data.map((e) => e.type).sort()), []);
  const [draft, setDraft] = useState<Filters>({ category: '', types: [], start: 'now', from: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [running, setRunning] = useState(true);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [events, setEvents] = useState<Envelope[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const lastId = useRef<string>('');

  useEffect(() => {
    if (!running) {
      setConnection('paused');
      return;
    }
    const controller = new AbortController();
    let retry: number | undefined;
    const connect = async (): Promise<void> => {
      setConnection(lastId.current ? 'reconnecting' : 'connecting');
      try {
        // The first connection starts where asked; every later one resumes after the last event seen.
        let from: string | undefined;
        if (!lastId.current) {
          if (filters.start === 'now') from = (await session.api.get<{ headPosition: string | null }>('/v1/health')).headPosition ?? undefined;
          else if (filters.start === 'position') from = filters.from.trim() || undefined;
        }
        await session.api.stream(
          pathOf(filters, from),
          (message) => {
            if (message.event === 'message' || !message.data) return;
            let envelope: Envelope;
            try {
              envelope = JSON.parse(message.data) as Envelope;
            } catch {
              return;
            }
            lastId.current = message.id;
            setConnection('live');
            setEvents((current) => [envelope, ...current].slice(0, KEEP));
          },
          { lastEventId: lastId.current || undefined, signal: controller.signal, onOpen: () => setConnection('live') },
        );
        setError(null);
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(failure);
        // A refusal (4xx) will not heal by itself; a dropped connection does.
        const status = (failure as { status?: number }).status;
        if (status !== undefined && status >= 400 && status < 500) {
          setRunning(false);
          return;
        }
      }
      if (controller.signal.aborted) return;
      setConnection('reconnecting');
      retry = window.setTimeout(() => void connect(), 1000);
    };
    // Live once the api accepts the stream (onOpen), not after a guessed delay; until then "connecting".
    void connect();
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, [running, filters, generation]);

  const apply = (event: Event): void => {
    event.preventDefault();
    setError(null);
    // New filters start where asked, not after the events of the old ones.
    lastId.current = '';
    setEvents([]);
    setFilters({ ...draft, types: [...draft.types] });
    setRunning(true);
    setGeneration((g) => g + 1);
  };

  // Announced on a change of state only, not on every event.
  const statusText =
    connection === 'paused'
      ? `Paused${lastId.current ? ` after position ${lastId.current}` : ''}. Resume picks up there (Last-Event-ID).`
      : connection === 'live'
        ? 'Live.'
        : connection === 'reconnecting'
          ? `Reconnecting after position ${lastId.current || '—'}…`
          : 'Connecting…';

  return (
    <>
      <h1>Live events</h1>
      <form class="toolbar" aria-label="Event filters" onSubmit={apply}>
        <label>
          Category
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: valueOf(e) })}>
            <option value="">Every category</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event types (none selected: every type)
          <select
            multiple
            size={5}
            onChange={(e) => setDraft({ ...draft, types: [...(e.currentTarget as HTMLSelectElement).selectedOptions].map((o) => o.value) })}
          >
            {(catalog.data ?? []).map((type) => (
              <option key={type} value={type} selected={draft.types.includes(type)}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start
          <select value={draft.start} onChange={(e) => setDraft({ ...draft, start: valueOf(e) as Filters['start'] })}>
            <option value="now">From now</option>
            <option value="beginning">From the beginning of the log</option>
            <option value="position">After a position</option>
          </select>
        </label>
        {draft.start === 'position' ? (
          <label>
            Position
            <input value={draft.from} inputMode="numeric" onInput={(e) => setDraft({ ...draft, from: valueOf(e) })} />
          </label>
        ) : null}
        <button type="submit">Apply filters</button>
        <button type="button" class="secondary" onClick={() => setRunning(!running)} data-testid="pause-resume">
          {running ? 'Pause' : 'Resume'}
        </button>
      </form>
      <ErrorBanner error={catalog.error} title="Event types" />
      <ErrorBanner error={error} title="Stream" />
      <p role="status" aria-live="polite" data-testid="stream-status">
        {statusText}
      </p>
      <p class="help">{events.length ? `${events.length} shown; the last at position ${events[0].position}.` : 'No event shown yet.'}</p>
      <div class="table-wrap">
        <table data-testid="live-events">
          <caption>
            Events as they arrive, newest first (the last {KEEP} kept){filters.category ? `, category ${filters.category}` : ''}
            {filters.types.length ? `, types ${filters.types.join(', ')}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                Position
              </th>
              <th scope="col">Type</th>
              <th scope="col">Stream</th>
              <th scope="col">Occurred</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody aria-live="off">
            {events.length === 0 ? (
              <tr>
                <td colSpan={5}>No event yet.</td>
              </tr>
            ) : (
              events.map((e) => (
                <tr key={e.position} data-event-type={e.type}>
                  <td class="num">{e.position}</td>
                  <td>{e.type}</td>
                  <td>
                    <code>{e.stream}</code> #{e.revision}
                  </td>
                  <td>{formatInstant(e.occurredAt)}</td>
                  <td>
                    <details>
                      <summary>Data of {e.type}</summary>
                      <pre>{prettyJson(e.data)}</pre>
                    </details>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const liveEventsPage: PageDefinition = { path: '/live', title: 'Live events', permission: 'events:read', component: LiveEventsPage };
