// Formulas and replays: edit a formula (JSON or YAML) with the api's validation errors inline, rebuild the lead
// scores with a reason and follow the build (events/s, ETA) until it finishes, the replay report (movers, MQL/SQL
// transitions both ways), and backtests (AUC, deciles) as a chart and a table.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { hrefOf } from '../router';
import { can, type Session } from '../session';
import { Chart, ErrorBanner, Loading, Table, useApi } from '../ui/index';
import { toYaml } from '../ui/formulas-yaml';
import { formatNumber, formatShare, valueOf } from '../ui/records-common';

type Formula = { id: string; name: string; active: boolean; formula: Record<string, unknown> };
type Issue = { path: string; reason: string };
type Saved = { id: string; revision: number; position: string | null; warnings: Issue[] };
type Progress = {
  name: string;
  version: number;
  state: string;
  status: string;
  position: string | null;
  eventsProcessed: number;
  lagEvents: number | null;
  lagMs: number | null;
  eventsPerSecond: number | null;
  etaSeconds: number | null;
  activateWhenCaughtUp: boolean;
  parked: { eventId: string; type: string; position: string; error: string } | null;
};
type Transition = { from: string; to: string; contacts: number };
type Mover = { contactId: string; before: number; after: number; change: number; qualificationBefore: string; qualificationAfter: string };
type Report = {
  version: number;
  against: number;
  formulaId: string | null;
  againstFormulaId: string | null;
  compared: number;
  onlyBefore: number;
  onlyAfter: number;
  scoreChanged: number;
  qualificationChanged: number;
  transitions: Transition[];
  topMovers: Mover[];
};
type Decile = { decile: number; samples: number; won: number; winRate: number; minScore: number; maxScore: number };
type Backtest = {
  formulaId: string;
  formulaName: string;
  horizonDays: number;
  samples: number;
  won: number;
  lost: number;
  auc: number | null;
  deciles: Decile[];
  winRate: { mql: number | null; sql: number | null; qualified: number | null; rest: number | null };
  wonBelowMql: unknown[];
};

const RANK: Record<string, number> = { none: 0, mql: 1, sql: 2 };
const short = (id: string | null): string => (id ? id.slice(0, 12) : '—');

/** A finished build: activated, or (a dry run) caught up without replacing the active one. */
const finished = (p: Progress): boolean =>
  p.state === 'active' || p.state === 'retired' || (!p.activateWhenCaughtUp && p.status === 'live' && (p.lagEvents ?? 0) === 0);

function FormulaEditor({ session, formulas, onSaved }: { session: Session; formulas: Formula[]; onSaved: (saved: Saved) => void }) {
  const [format, setFormat] = useState<'json' | 'yaml'>('json');
  const [baseId, setBaseId] = useState('');
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const writable = can(session, 'scoring:write');

  const documentOf = (formula: Record<string, unknown>, as: 'json' | 'yaml'): string => (as === 'json' ? `${JSON.stringify(formula, null, 2)}\n` : toYaml(formula));

  // Starts from the active formula, or the one picked.
  useEffect(() => {
    if (text || formulas.length === 0) return;
    const start = formulas.find((f) => f.active) ?? formulas[0];
    setBaseId(start.id);
    setText(documentOf(start.formula, format));
  }, [formulas]);

  const load = (id: string, as: 'json' | 'yaml'): void => {
    const picked = formulas.find((f) => f.id === id);
    if (!picked) return;
    setBaseId(id);
    setText(documentOf(picked.formula, as));
    setIssues([]);
    setSaved(null);
  };

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setIssues([]);
    setError(null);
    setSaved(null);
    let body: unknown = text;
    if (format === 'json') {
      try {
        body = JSON.parse(text);
      } catch (failure) {
        setIssues([{ path: '', reason: `not JSON: ${(failure as Error).message}` }]);
        return;
      }
    }
    setBusy(true);
    try {
      const answer = await session.api.send<Saved | { errors?: Issue[]; fields?: { field: string; reason: string }[] }>(
        'POST',
        '/v1/scoring/formulas',
        body,
        format === 'yaml' ? { 'Content-Type': 'application/yaml' } : {},
      );
      if (answer.status >= 200 && answer.status < 300) {
        setSaved(answer.body as Saved);
        onSaved(answer.body as Saved);
      } else {
        const failed = answer.body as { errors?: Issue[]; fields?: { field: string; reason: string }[]; error?: string; message?: string };
        const listed = failed.errors ?? failed.fields?.map((f) => ({ path: f.field, reason: f.reason })) ?? [];
        if (listed.length) setIssues(listed);
        else setError({ status: answer.status, error: failed.error ?? `HTTP_${answer.status}`, message: failed.message ?? '', body: failed });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading">Edit a formula</h2>
      <form onSubmit={save} style={{ display: 'grid', gap: '0.5rem', maxWidth: '60rem' }}>
        <div class="toolbar">
          <label>
            Start from
            <select value={baseId} onChange={(e) => load(valueOf(e), format)}>
              {formulas.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({short(f.id)}){f.active ? ', active' : ''}
                </option>
              ))}
            </select>
          </label>
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend style={{ fontSize: '0.9rem' }}>Format</legend>
            {(['json', 'yaml'] as const).map((as) => (
              <label key={as} style={{ display: 'inline-flex', gap: '0.3rem', marginRight: '0.8rem' }}>
                <input
                  type="radio"
                  name="format"
                  value={as}
                  checked={format === as}
                  onChange={() => {
                    setFormat(as);
                    load(baseId, as);
                  }}
                />
                {as.toUpperCase()}
              </label>
            ))}
          </fieldset>
        </div>
        <label for="formula-document">Formula document ({format.toUpperCase()})</label>
        <textarea
          id="formula-document"
          name="formula"
          rows={22}
          spellcheck={false}
          style={{ fontFamily: 'ui-monospace, monospace', fontSize: '0.85rem', width: '100%' }}
          value={text}
          aria-invalid={issues.length > 0 ? 'true' : undefined}
          aria-describedby={issues.length > 0 ? 'formula-issues' : undefined}
          onInput={(e) => setText(valueOf(e))}
          readOnly={!writable}
        />
        {issues.length > 0 ? (
          <div id="formula-issues" class="error-banner" role="alert" data-testid="formula-issues">
            <strong>The api refused the formula:</strong>
            <ul>
              {issues.map((issue, index) => (
                <li key={index}>
                  <code>{issue.path || '(the whole document)'}</code> {issue.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {writable ? (
          <div>
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save formula'}
            </button>
          </div>
        ) : (
          <p class="help">The {session.role} role may read formulas but not save them.</p>
        )}
      </form>
      <ErrorBanner error={error} />
      <div role="status" aria-live="polite">
        {saved ? (
          <div class="notice" data-testid="formula-saved">
            Saved formula <code>{saved.id}</code>
            {saved.position === null ? ' (it was saved already)' : ''}.
            {saved.warnings.length ? (
              <ul>
                {saved.warnings.map((w, i) => (
                  <li key={i}>
                    Warning at <code>{w.path || '(the whole document)'}</code>: {w.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function ReplayReport({ report }: { report: Report }) {
  const up = report.transitions.filter((t) => RANK[t.to] > RANK[t.from]);
  const down = report.transitions.filter((t) => RANK[t.to] < RANK[t.from]);
  const transitionColumns = [
    { key: 'from', header: 'From', render: (t: Transition) => t.from.toUpperCase() },
    { key: 'to', header: 'To', render: (t: Transition) => t.to.toUpperCase() },
    { key: 'contacts', header: 'Contacts', numeric: true },
  ];
  return (
    <section aria-labelledby="report-heading" data-testid="replay-report">
      <h2 id="report-heading">
        Replay report: build v{report.version} against v{report.against}
      </h2>
      <p>
        Formula <code>{short(report.formulaId)}</code> against <code>{short(report.againstFormulaId)}</code>.
      </p>
      <ul class="stats">
        <li>
          Compared<strong>{report.compared}</strong>
        </li>
        <li>
          Score changed<strong>{report.scoreChanged}</strong>
        </li>
        <li>
          Qualification changed<strong data-testid="qualification-changed">{report.qualificationChanged}</strong>
        </li>
        <li>
          Only in v{report.against}
          <strong>{report.onlyBefore}</strong>
        </li>
        <li>
          Only in v{report.version}
          <strong>{report.onlyAfter}</strong>
        </li>
      </ul>
      <Table caption="Qualified up (for example none → MQL, MQL → SQL)" rows={up} columns={transitionColumns} empty="No contact moved up." />
      <Table caption="Qualified down (for example SQL → MQL, MQL → none)" rows={down} columns={transitionColumns} empty="No contact moved down." />
      <Table<Mover>
        caption="The largest score changes"
        rows={report.topMovers}
        rowKey={(m) => m.contactId}
        empty="No score changed."
        columns={[
          { key: 'contactId', header: 'Contact', render: (m) => <a href={hrefOf('/scores', { contact: m.contactId })}>{m.contactId}</a> },
          { key: 'before', header: 'Before', numeric: true, render: (m) => formatNumber(m.before) },
          { key: 'after', header: 'After', numeric: true, render: (m) => formatNumber(m.after) },
          { key: 'change', header: 'Change', numeric: true, render: (m) => `${m.change > 0 ? '+' : ''}${formatNumber(m.change)}` },
          { key: 'q', header: 'Qualification', render: (m) => `${m.qualificationBefore.toUpperCase()} → ${m.qualificationAfter.toUpperCase()}` },
        ]}
      />
    </section>
  );
}

function Rebuild({ session, formulas, preferred, onFinished }: { session: Session; formulas: Formula[]; preferred: string | null; onFinished: () => void }) {
  const [formulaId, setFormulaId] = useState('');
  const [reason, setReason] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (preferred) setFormulaId(preferred);
    else if (!formulaId && formulas.length) setFormulaId((formulas.find((f) => !f.active) ?? formulas[0]).id);
  }, [preferred, formulas]);

  // Polls the build's progress until it has finished, then asks for its replay report.
  useEffect(() => {
    if (version === null) return;
    let live = true;
    const poll = async (): Promise<void> => {
      try {
        const current = await session.api.get<Progress>(`/v1/projections/lead-score/rebuilds/${version}`);
        if (!live) return;
        setProgress(current);
        if (finished(current)) {
          // The formula list's "active" changes with the build.
          onFinished();
          try {
            setReport(await session.api.get<Report>(`/v1/projections/lead-score/rebuilds/${version}/report`));
          } catch (failure) {
            setReportError(failure);
          }
          return;
        }
      } catch (failure) {
        if (!live) return;
        setError(failure);
      }
      if (live) timer.current = window.setTimeout(() => void poll(), 500);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer.current);
    };
  }, [version]);

  const start = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    setReport(null);
    setReportError(null);
    setProgress(null);
    const answer = await session.api.send<{ version: number } & { error?: string; message?: string }>('POST', '/v1/projections/lead-score/rebuilds', {
      formulaId,
      dryRun,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (answer.status === 202) setVersion(answer.body.version);
    else setError({ status: answer.status, error: answer.body?.error ?? `HTTP_${answer.status}`, message: answer.body?.message ?? '', body: answer.body });
  };

  const done = progress !== null && finished(progress);
  const total = progress ? progress.eventsProcessed + (progress.lagEvents ?? 0) : 0;
  return (
    <section aria-labelledby="rebuild-heading">
      <h2 id="rebuild-heading">Rebuild the lead scores</h2>
      {can(session, 'projections:write') ? (
        <form onSubmit={start} style={{ display: 'grid', gap: '0.5rem', maxWidth: '40rem' }}>
          <label for="rebuild-formula">Formula to score with</label>
          <select id="rebuild-formula" value={formulaId} onChange={(e) => setFormulaId(valueOf(e))}>
            {formulas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({short(f.id)}){f.active ? ', active' : ''}
              </option>
            ))}
          </select>
          <label for="rebuild-reason">Reason (recorded in the log; required unless a dry run)</label>
          <textarea id="rebuild-reason" rows={2} value={reason} onInput={(e) => setReason(valueOf(e))} required={!dryRun} maxLength={1000} />
          <label style={{ display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
            <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun((e.currentTarget as HTMLInputElement).checked)} />
            Dry run: build and report, but keep the active build
          </label>
          <div>
            <button type="submit" disabled={version !== null && !done}>
              Start rebuild
            </button>
          </div>
        </form>
      ) : (
        <p class="help">The {session.role} role may not start a rebuild.</p>
      )}
      <ErrorBanner error={error} title="Rebuild" />
      {progress ? (
        <div data-testid="rebuild-progress">
          <h3>Build v{progress.version}</h3>
          <label for="rebuild-meter">Progress</label>{' '}
          <progress id="rebuild-meter" max={Math.max(1, total)} value={done ? Math.max(1, total) : progress.eventsProcessed} />
          <p role="status" aria-live="polite" data-testid="rebuild-status">
            {done ? `Finished: build v${progress.version} is ${progress.state}` : `Build v${progress.version} is ${progress.status}`}.
          </p>
          <ul class="stats">
            <li>
              Events applied<strong>{progress.eventsProcessed}</strong>
            </li>
            <li>
              Events left<strong>{progress.lagEvents ?? '—'}</strong>
            </li>
            <li>
              Events/s<strong>{formatNumber(progress.eventsPerSecond, 0)}</strong>
            </li>
            <li>
              Time left<strong>{progress.etaSeconds === null ? 'unknown' : `${formatNumber(progress.etaSeconds, 0)} s`}</strong>
            </li>
            <li>
              Position<strong>{progress.position ?? '—'}</strong>
            </li>
          </ul>
          {progress.parked ? (
            <ErrorBanner error={new Error(`parked on ${progress.parked.type} ${progress.parked.eventId}: ${progress.parked.error}; see Projections`)} />
          ) : null}
        </div>
      ) : version !== null ? (
        <Loading label="Starting the build…" />
      ) : null}
      <ErrorBanner error={reportError} title="Replay report" />
      {report ? <ReplayReport report={report} /> : null}
    </section>
  );
}

function Backtests({ session, formulas }: { session: Session; formulas: Formula[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [horizon, setHorizon] = useState('30');
  const [result, setResult] = useState<Backtest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (picked.length === 0 && formulas.length) setPicked([(formulas.find((f) => f.active) ?? formulas[0]).id]);
  }, [formulas]);

  const toggle = (id: string, on: boolean): void => setPicked((current) => (on ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id)));

  const run = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const answer = await session.api.send<{ data: Backtest[]; error?: string; message?: string }>('POST', '/v1/scoring/backtests', {
      formulaIds: picked,
      horizonDays: Number(horizon),
    });
    setBusy(false);
    if (answer.status === 200) setResult(answer.body.data);
    else setError({ status: answer.status, error: answer.body?.error ?? `HTTP_${answer.status}`, message: answer.body?.message ?? '', body: answer.body });
  };

  const deciles = Array.from({ length: 10 }, (_, i) => i + 1);
  return (
    <section aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">Backtest</h2>
      <form onSubmit={run} class="toolbar">
        <fieldset>
          <legend>Formulas (one, or two to compare)</legend>
          {formulas.map((f) => (
            <label key={f.id} style={{ display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
              <input type="checkbox" checked={picked.includes(f.id)} onChange={(e) => toggle(f.id, (e.currentTarget as HTMLInputElement).checked)} />
              {f.name} ({short(f.id)})
            </label>
          ))}
        </fieldset>
        <label>
          Days before the close
          <input type="number" min={0} max={3650} value={horizon} onInput={(e) => setHorizon(valueOf(e))} />
        </label>
        <button type="submit" disabled={busy || picked.length === 0}>
          {busy ? 'Running…' : 'Run backtest'}
        </button>
      </form>
      <ErrorBanner error={error} title="Backtest" />
      {result ? (
        <div data-testid="backtest-result">
          <Table<Backtest>
            caption="Backtest results"
            rows={result}
            rowKey={(r) => r.formulaId}
            columns={[
              { key: 'formulaName', header: 'Formula' },
              { key: 'samples', header: 'Samples', numeric: true },
              { key: 'won', header: 'Won', numeric: true },
              { key: 'lost', header: 'Lost', numeric: true },
              { key: 'auc', header: 'AUC', numeric: true, render: (r) => (r.auc === null ? 'no samples' : formatNumber(r.auc, 3)) },
              { key: 'mql', header: 'Win rate of MQLs', numeric: true, render: (r) => formatShare(r.winRate.mql) },
              { key: 'sql', header: 'Win rate of SQLs', numeric: true, render: (r) => formatShare(r.winRate.sql) },
              { key: 'rest', header: 'Win rate of the rest', numeric: true, render: (r) => formatShare(r.winRate.rest) },
              { key: 'missed', header: 'Won below MQL', numeric: true, render: (r) => r.wonBelowMql.length },
            ]}
          />
          {result.some((r) => r.deciles.length) ? (
            <Chart
              title="Win rate by score decile (10: the highest scores)"
              x={deciles}
              categories={deciles.map(String)}
              bars
              yLabel="win rate"
              series={result.map((r) => ({ label: r.formulaName, values: deciles.map((d) => r.deciles.find((x) => x.decile === d)?.winRate ?? null) }))}
            />
          ) : (
            <p>No closed deal with a scored contact yet: no deciles to draw.</p>
          )}
          {result.map((r) => (
            <Table<Decile>
              key={r.formulaId}
              caption={`Deciles of ${r.formulaName}`}
              rows={r.deciles}
              rowKey={(d) => String(d.decile)}
              empty="No samples."
              columns={[
                { key: 'decile', header: 'Decile', numeric: true },
                { key: 'range', header: 'Scores', render: (d) => `${formatNumber(d.minScore)} to ${formatNumber(d.maxScore)}` },
                { key: 'samples', header: 'Samples', numeric: true },
                { key: 'won', header: 'Won', numeric: true },
                { key: 'winRate', header: 'Win rate', numeric: true, render: (d) => formatShare(d.winRate) },
              ]}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function FormulasPage({ session }: PageProps) {
  const formulas = useApi(() => session.api.get<{ data: Formula[] }>('/v1/scoring/formulas'), []);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const list = formulas.data?.data ?? [];
  return (
    <>
      <h1>Formulas and replays</h1>
      <ErrorBanner error={formulas.error} />
      {formulas.loading && !formulas.data ? <Loading /> : null}
      <Table<Formula>
        caption="Saved formulas"
        rows={list}
        rowKey={(f) => f.id}
        columns={[
          { key: 'name', header: 'Name' },
          { key: 'id', header: 'Hash (SHA-256 of its canonical JSON)', render: (f) => <code>{f.id}</code> },
          { key: 'active', header: 'Active', render: (f) => (f.active ? 'yes: lead scores are built with it' : 'no') },
        ]}
      />
      <FormulaEditor
        session={session}
        formulas={list}
        onSaved={(saved) => {
          setLastSaved(saved.id);
          formulas.reload();
        }}
      />
      <Rebuild session={session} formulas={list} preferred={lastSaved} onFinished={formulas.reload} />
      <Backtests session={session} formulas={list} />
    </>
  );
}

export const formulasPage: PageDefinition = { path: '/formulas', title: 'Formulas and replays', permission: 'scoring:read', component: FormulasPage };

