// Projections: every build with its status, lag and position; a parked build shows the event it stopped on, with
// resume for the roles that may (projections:write).
import { useEffect, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { can } from '../session';
import { ErrorBanner, Loading, Table, useApi } from '../ui/index';
import { formatNumber } from '../ui/records-common';

type Build = {
  name: string;
  version: number;
  codeVersion: number;
  state: string;
  status: string;
  position: string | null;
  eventsProcessed: number;
  lagEvents: number | null;
  lagMs: number | null;
  eventsPerSecond: number | null;
  parked: { eventId: string; type: string; position: string; error: string } | null;
  skipped: { eventId: string; position: string; reason: string; skippedBy: string; skippedAt: string }[];
  activateWhenCaughtUp: boolean;
};

function ProjectionsPage({ session }: PageProps) {
  const builds = useApi(() => session.api.get<{ data: Build[] }>('/v1/projections'), []);
  const [auto, setAuto] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const writable = can(session, 'projections:write');

  useEffect(() => {
    if (!auto) return;
    const timer = window.setInterval(() => builds.reload(), 5000);
    return () => window.clearInterval(timer);
  }, [auto]);

  const resume = async (name: string): Promise<void> => {
    setError(null);
    setMessage(null);
    const answer = await session.api.send<{ error?: string; message?: string }>('POST', `/v1/projections/${encodeURIComponent(name)}/resume`);
    if (answer.status === 202) {
      setMessage(`${name} resumed from the event it parked on.`);
      builds.reload();
    } else {
      setError({ status: answer.status, error: answer.body?.error ?? `HTTP_${answer.status}`, message: answer.body?.message ?? '', body: answer.body });
    }
  };

  const rows = builds.data?.data ?? [];
  const parked = rows.filter((b) => b.parked);
  return (
    <>
      <h1>Projections</h1>
      <div class="toolbar">
        <button type="button" class="secondary" onClick={() => builds.reload()}>
          Refresh
        </button>
        <label style={{ display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
          <input type="checkbox" checked={auto} onChange={(e) => setAuto((e.currentTarget as HTMLInputElement).checked)} />
          Refresh every 5 seconds
        </label>
      </div>
      <ErrorBanner error={builds.error} />
      <ErrorBanner error={error} title="Resume" />
      <div role="status" aria-live="polite">
        {message ? <p class="notice">{message}</p> : null}
      </div>
      {builds.loading && !builds.data ? <Loading /> : null}
      <Table<Build>
        caption={`Every build (${rows.length}): the active one of each projection, rebuilds, and retired ones kept for comparison`}
        rows={rows}
        rowKey={(b) => `${b.name}-${b.version}`}
        columns={[
          { key: 'name', header: 'Projection' },
          { key: 'version', header: 'Build', numeric: true, render: (b) => `v${b.version}` },
          { key: 'codeVersion', header: 'Code version', numeric: true },
          { key: 'state', header: 'State' },
          { key: 'status', header: 'Status', render: (b) => <strong style={b.status === 'parked' ? { color: '#9b1c1c' } : undefined}>{b.status}</strong> },
          { key: 'position', header: 'Position', numeric: true, render: (b) => b.position ?? '—' },
          { key: 'eventsProcessed', header: 'Events applied', numeric: true },
          { key: 'lagEvents', header: 'Lag (events)', numeric: true, render: (b) => (b.lagEvents === null ? '—' : String(b.lagEvents)) },
          { key: 'lagMs', header: 'Lag (ms)', numeric: true, render: (b) => (b.lagMs === null ? '—' : String(b.lagMs)) },
          { key: 'eventsPerSecond', header: 'Events/s', numeric: true, render: (b) => formatNumber(b.eventsPerSecond, 0) },
          { key: 'skipped', header: 'Skipped events', numeric: true, render: (b) => b.skipped.length },
        ]}
      />
      <h2>Parked events</h2>
      {parked.length === 0 ? (
        <p data-testid="no-parked">No build is parked.</p>
      ) : (
        <Table<Build>
          caption="Builds stopped on an event they could not apply"
          rows={parked}
          rowKey={(b) => `${b.name}-${b.version}`}
          columns={[
            { key: 'name', header: 'Projection', render: (b) => `${b.name} v${b.version}` },
            { key: 'type', header: 'Event', render: (b) => `${b.parked!.type} ${b.parked!.eventId}` },
            { key: 'position', header: 'Position', numeric: true, render: (b) => b.parked!.position },
            { key: 'error', header: 'Why', render: (b) => b.parked!.error },
            {
              key: 'resume',
              header: 'Action',
              render: (b) =>
                writable ? (
                  <button type="button" onClick={() => void resume(b.name)} aria-label={`Resume ${b.name}`}>
                    Resume
                  </button>
                ) : (
                  'resume needs projections:write'
                ),
            },
          ]}
        />
      )}
      {rows.some((b) => b.skipped.length) ? (
        <Table
          caption="Skipped events"
          rows={rows.flatMap((b) => b.skipped.map((s) => ({ ...s, build: `${b.name} v${b.version}` })))}
          columns={[
            { key: 'build', header: 'Build' },
            { key: 'eventId', header: 'Event' },
            { key: 'position', header: 'Position', numeric: true },
            { key: 'reason', header: 'Reason' },
            { key: 'skippedBy', header: 'By' },
            { key: 'skippedAt', header: 'When' },
          ]}
        />
      ) : null}
    </>
  );
}

export const projectionsPage: PageDefinition = { path: '/projections', title: 'Projections', permission: 'projections:read', component: ProjectionsPage };
