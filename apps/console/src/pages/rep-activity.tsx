// Rep activity: per owner and day, week or month, a chart and a table of the same numbers, and the CSV download
// (fetched with the key in its header, saved through a Blob link).
import { useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { can } from '../session';
import { Chart, ErrorBanner, formatMoney, Loading, Table, useApi } from '../ui/index';
import { downloadText, valueOf, withQuery } from '../ui/records-common';

type Row = {
  ownerId: string;
  period: string;
  emails: number;
  calls: number;
  meetings: number;
  notes: number;
  tasksCreated: number;
  tasksCompleted: number;
  dealsCreated: number;
  dealsWon: number;
  ticketsClosed: number;
  wonAmounts: { currency: string; amount: string }[];
};
type Answer = { position: string | null; range: { from: string; to: string }; granularity: string; data: Row[] };
type Owner = { ownerId: string; name: string };
type Filters = { from: string; to: string; granularity: string; ownerId: string };

const KINDS = [
  ['emails', 'Emails'],
  ['calls', 'Calls'],
  ['meetings', 'Meetings'],
  ['notes', 'Notes'],
  ['tasksCreated', 'Tasks created'],
  ['tasksCompleted', 'Tasks completed'],
  ['dealsCreated', 'Deals created'],
  ['dealsWon', 'Deals won'],
  ['ticketsClosed', 'Tickets closed'],
] as const;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function RepActivityPage({ session }: PageProps) {
  const [draft, setDraft] = useState<Filters>({ from: day(-29), to: day(0), granularity: 'day', ownerId: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [csvBusy, setCsvBusy] = useState(false);
  const path = withQuery('/v1/read-models/rep-activity', filters);
  const answer = useApi(() => session.api.get<Answer>(path), [path]);
  const owners = useApi(
    () => (can(session, 'owners:read') ? session.api.get<{ data: Owner[] }>('/v1/owners?limit=500').then((a) => a.data) : Promise.resolve([] as Owner[])),
    [],
  );
  const nameOf = (id: string): string => owners.data?.find((o) => o.ownerId === id)?.name ?? id;

  const rows = answer.data?.data ?? [];
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const series = KINDS.map(([key, label]) => ({
    label,
    values: periods.map((period) => rows.filter((r) => r.period === period).reduce((sum, r) => sum + r[key], 0)),
  })).filter((s) => s.values.some((v) => v > 0));

  const downloadCsv = async (): Promise<void> => {
    setCsvError(null);
    setCsvBusy(true);
    try {
      const text = await session.api.getText(path);
      downloadText(text, `rep-activity-${answer.data?.range.from ?? filters.from}-${answer.data?.range.to ?? filters.to}.csv`);
    } catch (error) {
      setCsvError(error);
    } finally {
      setCsvBusy(false);
    }
  };

  return (
    <>
      <h1>Rep activity</h1>
      <form
        class="toolbar"
        aria-label="Rep activity filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...draft });
        }}
      >
        <label>
          From (UTC day)
          <input type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: valueOf(e) })} />
        </label>
        <label>
          To (UTC day)
          <input type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: valueOf(e) })} />
        </label>
        <label>
          Period
          <select value={draft.granularity} onChange={(e) => setDraft({ ...draft, granularity: valueOf(e) })}>
            <option value="day">Day</option>
            <option value="week">ISO week</option>
            <option value="month">Month</option>
          </select>
        </label>
        <label>
          Owner
          {owners.data && owners.data.length ? (
            <select value={draft.ownerId} onChange={(e) => setDraft({ ...draft, ownerId: valueOf(e) })}>
              <option value="">Every owner</option>
              {owners.data.map((o) => (
                <option key={o.ownerId} value={o.ownerId}>
                  {o.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={draft.ownerId} onInput={(e) => setDraft({ ...draft, ownerId: valueOf(e) })} placeholder="Owner id (empty: every owner)" />
          )}
        </label>
        <button type="submit">Show</button>
        <button type="button" class="secondary" onClick={() => void downloadCsv()} disabled={csvBusy}>
          {csvBusy ? 'Preparing CSV…' : 'Download CSV'}
        </button>
      </form>
      <ErrorBanner error={answer.error} />
      <ErrorBanner error={csvError} title="CSV" />
      {answer.loading && !answer.data ? <Loading /> : null}
      {answer.data ? (
        <p class="help">
          {answer.data.range.from} to {answer.data.range.to}, by {answer.data.granularity}; read model at position {answer.data.position ?? '—'}.
        </p>
      ) : null}
      {series.length ? (
        <Chart
          title={`Activity per ${answer.data?.granularity ?? 'period'}${filters.ownerId ? ` of ${nameOf(filters.ownerId)}` : ', every owner'}`}
          x={periods.map((_p, i) => i)}
          categories={periods}
          series={series}
          bars
          yLabel="count"
        />
      ) : answer.data ? (
        <p>No activity in this range.</p>
      ) : null}
      <Table<Row>
        caption="Activity per owner and period"
        rows={rows}
        rowKey={(r) => `${r.ownerId}-${r.period}`}
        empty={answer.loading ? 'Loading…' : 'No activity in this range.'}
        columns={[
          { key: 'ownerId', header: 'Owner', render: (r) => nameOf(r.ownerId) },
          { key: 'period', header: 'Period' },
          ...KINDS.map(([key, label]) => ({ key, header: label, numeric: true, render: (r: Row) => String(r[key]) })),
          {
            key: 'wonAmounts',
            header: 'Won amounts',
            numeric: true,
            render: (r: Row) => (r.wonAmounts.length ? r.wonAmounts.map((w) => formatMoney(w.amount, w.currency)).join('; ') : '—'),
          },
        ]}
      />
    </>
  );
}

export const repActivityPage: PageDefinition = { path: '/rep-activity', title: 'Rep activity', permission: 'read-models:read', component: RepActivityPage };
