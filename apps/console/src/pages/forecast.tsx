// Forecast and pipeline health: the weighted forecast by month, one chart per currency (currencies are never added
// together) with a table of the same numbers; the win rate; the open deals, age and stuck deals per stage; and the
// stage durations (median and 90th percentile) as a chart and a table.
import { useEffect, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { hrefOf } from '../router';
import type { Session } from '../session';
import { Chart } from '../ui/chart';
import { ErrorBanner } from '../ui/error-banner';
import { Loading } from '../ui/loading';
import { formatMoney, toChartNumber } from '../ui/money';
import { Table, type Column } from '../ui/table';
import type { PipelineHealth, StageHealth } from './board';

type Page<T> = { position: string; data: T };
type Forecast = PipelineHealth['forecast'][number];
type StageDuration = {
  stageId: string;
  label: string;
  closed: 'won' | 'lost' | null;
  archived: boolean;
  visits: number;
  completedVisits: number;
  medianMs: number | null;
  p90Ms: number | null;
  conversionToNext: number | null;
};

/** The unit a chart of durations reads best in: the largest whose count of the longest duration is at least 1. */
const UNITS = [
  { name: 'days', ms: 86_400_000 },
  { name: 'hours', ms: 3_600_000 },
  { name: 'minutes', ms: 60_000 },
  { name: 'seconds', ms: 1000 },
  { name: 'milliseconds', ms: 1 },
] as const;
const unitFor = (longest: number) => UNITS.find((unit) => longest >= unit.ms) ?? UNITS[UNITS.length - 1];
const inUnit = (ms: number | null, unit: number): number | null => (ms === null ? null : Math.round((ms / unit) * 100) / 100);

/** A duration for people: "3 d 4 h", "5 h 12 min", "42 s", "12 ms". */
export const formatDuration = (ms: number | null): string => {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${s % 60} s`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
};

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

const monthLabel = (month: string): string => month;

const load = async (session: Session, pipelineId: string | null) => {
  const all = await session.api.get<Page<PipelineHealth[]>>('/v1/read-models/pipeline-health');
  const chosen = all.data.find((p) => p.pipelineId === pipelineId) ?? all.data[0] ?? null;
  const durations = chosen
    ? await session.api.get<Page<StageDuration[]>>(`/v1/read-models/stage-durations?pipelineId=${encodeURIComponent(chosen.pipelineId)}`).catch((error: unknown) => {
        // A pipeline without a stage visit yet is a 404 here: no durations to show, not a broken page.
        if ((error as { status?: number }).status === 404) return { position: all.position, data: [] as StageDuration[] };
        throw error;
      })
    : { position: all.position, data: [] as StageDuration[] };
  return { pipelines: all.data, chosen, durations: durations.data };
};

function ForecastPage({ session, params }: PageProps) {
  const [state, setState] = useState<Awaited<ReturnType<typeof load>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pipelineId = params.get('pipeline');

  useEffect(() => {
    let live = true;
    setError(null);
    load(session, pipelineId).then(
      (loaded) => live && setState(loaded),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [session, pipelineId]);

  return (
    <section aria-labelledby="forecast-title">
      <h1 id="forecast-title">Forecast and pipeline health</h1>
      <ErrorBanner error={error} />
      {!state && !error ? <Loading label="Loading the forecast…" /> : null}
      {state ? <ForecastView state={state} /> : null}
    </section>
  );
}

function ForecastView({ state }: { state: Awaited<ReturnType<typeof load>> }) {
  const { pipelines, chosen, durations } = state;
  if (!chosen) return <p>No deal pipeline yet.</p>;
  const months = [...new Set(chosen.forecast.map((f) => f.month))].sort();
  const currencies = [...new Set(chosen.forecast.map((f) => f.currency))].sort();
  const forecastColumns: Column<Forecast>[] = [
    { key: 'month', header: 'Month' },
    { key: 'currency', header: 'Currency' },
    { key: 'weighted', header: 'Weighted forecast', numeric: true, render: (f) => formatMoney(f.weighted, f.currency) },
    { key: 'total', header: 'Unweighted', numeric: true, render: (f) => formatMoney(f.total, f.currency) },
  ];
  const stageColumns: Column<StageHealth>[] = [
    { key: 'label', header: 'Stage' },
    { key: 'probability', header: 'Probability', numeric: true, render: (s) => percent(s.probability) },
    { key: 'openDeals', header: 'Open deals', numeric: true },
    {
      key: 'amounts',
      header: 'Open amount (weighted)',
      numeric: true,
      render: (s) => (s.amounts.length ? s.amounts.map((a) => `${formatMoney(a.total, a.currency)} (${formatMoney(a.weighted, a.currency)})`).join('; ') : '—'),
    },
    { key: 'averageAgeDays', header: 'Average age (days)', numeric: true, render: (s) => (s.averageAgeDays === null ? '—' : String(s.averageAgeDays)) },
    { key: 'stuckDeals', header: 'Stuck deals', numeric: true },
  ];
  const durationRows = durations.filter((d) => !d.archived);
  const durationColumns: Column<StageDuration>[] = [
    { key: 'label', header: 'Stage' },
    { key: 'visits', header: 'Visits', numeric: true },
    { key: 'completedVisits', header: 'Completed', numeric: true },
    { key: 'medianMs', header: 'Median time in stage', numeric: true, render: (d) => formatDuration(d.medianMs) },
    { key: 'p90Ms', header: '90th percentile', numeric: true, render: (d) => formatDuration(d.p90Ms) },
    { key: 'conversionToNext', header: 'Conversion to next stage', numeric: true, render: (d) => percent(d.conversionToNext) },
  ];
  return (
    <div data-testid="forecast">
      <div class="toolbar">
        <label>
          Pipeline
          <select
            value={chosen.pipelineId}
            onChange={(event) => {
              location.hash = hrefOf('/forecast', { pipeline: (event.target as HTMLSelectElement).value });
            }}
          >
            {pipelines.map((p) => (
              <option key={p.pipelineId} value={p.pipelineId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul class="stats" aria-label="Pipeline summary">
        <li data-testid="win-rate">
          Win rate <strong>{percent(chosen.winRate)}</strong>
          {chosen.won} won, {chosen.lost} lost
        </li>
        <li>
          Open deals <strong>{chosen.stages.reduce((n, s) => n + s.openDeals, 0)}</strong>
          in {chosen.stages.filter((s) => s.closed === null && !s.archived).length} open stages
        </li>
        <li>
          Stuck deals <strong>{chosen.stages.reduce((n, s) => n + s.stuckDeals, 0)}</strong>
          past their stage's limit
        </li>
      </ul>

      <h2 id="forecast-heading">Weighted forecast by month</h2>
      <p class="help">
        Open deals count in the month of their expected close, weighted by their stage's probability; won deals count in
        full in the month they were won. Each currency on its own: currencies are never added together.
      </p>
      {currencies.length === 0 ? <p>No forecast: no open or won deal with an amount.</p> : null}
      <div class="charts" data-testid="forecast-charts">
        {currencies.map((currency) => {
          const rows = months.map((month) => chosen.forecast.find((f) => f.month === month && f.currency === currency) ?? null);
          return (
            <Chart
              key={currency}
              title={`Forecast in ${currency} by month`}
              x={months.map((_m, i) => i)}
              categories={months.map(monthLabel)}
              xLabel="Month"
              bars
              yLabel={currency}
              series={[
                { label: `Weighted ${currency}`, values: rows.map((r) => (r ? toChartNumber(r.weighted) : null)) },
                { label: `Unweighted ${currency}`, values: rows.map((r) => (r ? toChartNumber(r.total) : null)) },
              ]}
            />
          );
        })}
      </div>
      <Table caption="Forecast by month and currency" columns={forecastColumns} rows={chosen.forecast} rowKey={(f) => `${f.month}-${f.currency}`} empty="No forecast." />

      <h2>Pipeline health by stage</h2>
      <Table caption={`Stages of ${chosen.name} as of ${chosen.asOf.slice(0, 16).replace('T', ' ')} UTC`} columns={stageColumns} rows={chosen.stages.filter((s) => !s.archived)} rowKey={(s) => s.stageId} />

      <h2>Time in stage</h2>
      <p class="help">Completed visits only: the median and the 90th percentile of the time a deal spent in each stage.</p>
      {durationRows.some((d) => d.medianMs !== null) ? (
        <DurationChart rows={durationRows} />
      ) : (
        <p>No completed stage visit yet.</p>
      )}
      <Table caption="Time in stage" columns={durationColumns} rows={durationRows} rowKey={(d) => d.stageId} />
    </div>
  );
}

function DurationChart({ rows }: { rows: StageDuration[] }) {
  const unit = unitFor(Math.max(...rows.map((d) => d.p90Ms ?? d.medianMs ?? 0)));
  return (
    <Chart
      title="Median and 90th percentile time in stage"
      x={rows.map((_d, i) => i)}
      categories={rows.map((d) => d.label)}
      xLabel="Stage"
      bars
      yLabel={unit.name}
      series={[
        { label: `Median (${unit.name})`, values: rows.map((d) => inUnit(d.medianMs, unit.ms)) },
        { label: `90th percentile (${unit.name})`, values: rows.map((d) => inUnit(d.p90Ms, unit.ms)) },
      ]}
    />
  );
}

export const forecastPage: PageDefinition = { path: '/forecast', title: 'Forecast and pipeline health', permission: 'read-models:read', component: ForecastPage };
