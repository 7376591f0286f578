// The pipeline board: a pipeline's deals as cards in stage columns, with totals and weighted totals per currency.
// A card moves by drag and drop or by its "Move to stage" select; the move is sent with If-Match (the deal stream's
// revision that came with the card from the deals list), a 409 is shown and the board reloads. Stuck deals (in their stage longer than its stuckAfterDays) are
// marked. Every column totals all its deals, not only the cards shown: open columns from pipeline health (its open
// deals), won and lost columns from the deals' totals (GET /v1/deals/totals), weighted by the stage's probability.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from '../page';
import { hrefOf } from '../router';
import { can, type Session } from '../session';
import { ErrorBanner } from '../ui/error-banner';
import { Loading } from '../ui/loading';
import { formatAmount, formatMoney, weightDecimal } from '../ui/money';
import type { ApiError } from '../api';

export type StageHealth = {
  stageId: string;
  label: string;
  probability: number;
  closed: 'won' | 'lost' | null;
  archived: boolean;
  stuckAfterDays: number | null;
  openDeals: number;
  amounts: { currency: string; total: string; weighted: string }[];
  averageAgeDays: number | null;
  stuckDeals: number;
};

export type PipelineHealth = {
  pipelineId: string;
  name: string;
  asOf: string;
  stages: StageHealth[];
  winRate: number | null;
  won: number;
  lost: number;
  forecast: { month: string; currency: string; weighted: string; total: string }[];
};

type DealRow = {
  dealId: string;
  name: string;
  stageId: string;
  amount: string;
  currency: string;
  closeDate: string;
  ownerName: string | null;
  outcome: 'open' | 'won' | 'lost';
  /** The deal stream's revision as of the page's position: the move's If-Match. */
  revision: number;
};

type StuckDeal = { dealId: string; daysInStage: number; stuckAfterDays: number };
/** Every deal of a stage in one currency (GET /v1/deals/totals): how many, and their exact sum. */
type StageTotal = { stageId: string; currency: string; deals: number; total: string };
type Page<T> = { position: string; data: T; nextCursor?: string | null };
type Column = { stage: StageHealth; totals: StageTotal[]; deals: DealRow[]; nextCursor: string | null; loadingMore: boolean };
type Board = { health: PipelineHealth; columns: Column[]; stuck: Map<string, StuckDeal>; position: string };
type CommandAnswer = { id: string; revision: number; position: string | null; events: string[] };
type Notice = { kind: 'ok' | 'error'; text?: string; error?: unknown };

const CARDS_PER_PAGE = 25;

const query = (values: Record<string, string | undefined>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  return params.toString();
};

const loadColumn = (session: Session, pipelineId: string, stageId: string, minPosition?: string, cursor?: string) =>
  session.api.get<Page<DealRow[]>>(
    `/v1/deals?${query({ pipelineId, stageId, limit: String(CARDS_PER_PAGE), sort: '-createdAt', minPosition, cursor })}`,
  );

/**
 * The board in one round trip: the pipeline's health, its stuck deals and a page of cards per stage, in parallel,
 * the stages taken from what the page already knows (a stage added since is fetched after).
 */
const loadBoard = async (session: Session, pipelineId: string, knownStages: readonly StageHealth[], minPosition?: string): Promise<Board> => {
  const open = (stages: readonly StageHealth[]) => stages.filter((stage) => !stage.archived);
  const known = open(knownStages);
  const [health, totals, stuck, ...pages] = await Promise.all([
    session.api.get<Page<PipelineHealth>>(`/v1/read-models/pipeline-health?${query({ pipelineId, minPosition })}`),
    session.api.get<Page<StageTotal[]>>(`/v1/deals/totals?${query({ pipelineId, minPosition })}`),
    session.api.get<Page<StuckDeal[]>>(`/v1/read-models/pipeline-health/stuck-deals?${query({ pipelineId, limit: '500' })}`),
    ...known.map((stage) => loadColumn(session, pipelineId, stage.stageId, minPosition)),
  ]);
  const stages = open(health.data.stages);
  const byStage = new Map(known.map((stage, i) => [stage.stageId, pages[i]]));
  const missing = stages.filter((stage) => !byStage.has(stage.stageId));
  const more = await Promise.all(missing.map((stage) => loadColumn(session, pipelineId, stage.stageId, minPosition)));
  missing.forEach((stage, i) => byStage.set(stage.stageId, more[i]));
  return {
    health: health.data,
    columns: stages.map((stage) => {
      const page = byStage.get(stage.stageId)!;
      const own = totals.data.filter((total) => total.stageId === stage.stageId);
      return { stage, totals: own, deals: page.data, nextCursor: page.nextCursor ?? null, loadingMore: false };
    }),
    stuck: new Map(stuck.data.map((deal) => [deal.dealId, deal])),
    position: health.position,
  };
};

/**
 * Per currency, every deal of the column: pipeline health's totals for an open stage (its open deals), the deals'
 * totals for a won or lost one, weighted as the api weights (1 won, 0 lost: exact, rounded once, half to even).
 */
const columnTotals = (column: Column): { currency: string; total: string; weighted: string }[] => {
  if (column.stage.closed === null) return column.stage.amounts;
  return column.totals.map(({ currency, total }) => ({ currency, total, weighted: weightDecimal(total, column.stage.probability) }));
};

/** The column's deals: all of them, not the cards shown. */
const columnCount = (column: Column): number =>
  column.stage.closed === null ? column.stage.openDeals : column.totals.reduce((sum, total) => sum + total.deals, 0);

const percent = (probability: number): string => `${Math.round(probability * 1000) / 10}%`;

function BoardPage({ session, params }: PageProps) {
  const mayMove = can(session, 'deals:write');
  const [pipelines, setPipelines] = useState<PipelineHealth[] | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  // The latest board and pipelines for reload(), which knows the stages from them before asking.
  const boardRef = useRef<Board | null>(null);
  boardRef.current = board;
  const pipelinesRef = useRef<PipelineHealth[] | null>(null);
  pipelinesRef.current = pipelines;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [lost, setLost] = useState<{ deal: DealRow; stageId: string } | null>(null);
  const generation = useRef(0);
  // True while the cards shown are the latest load's (specs and the bench wait for it).
  const [ready, setReady] = useState(false);

  const pipelineId = params.get('pipeline') ?? pipelines?.[0]?.pipelineId ?? null;

  useEffect(() => {
    session.api.get<Page<PipelineHealth[]>>('/v1/read-models/pipeline-health').then(
      (answer) => setPipelines(answer.data),
      (failure: unknown) => setError(failure),
    );
  }, [session]);

  const reload = useCallback(
    async (minPosition?: string) => {
      if (!pipelineId) return;
      const run = ++generation.current;
      setReady(false);
      try {
        const known = boardRef.current?.health.pipelineId === pipelineId ? boardRef.current.health.stages : pipelinesRef.current?.find((p) => p.pipelineId === pipelineId)?.stages ?? [];
        const loaded = await loadBoard(session, pipelineId, known, minPosition);
        if (run !== generation.current) return;
        setBoard(loaded);
        setError(null);
        setReady(true);
      } catch (failure) {
        if (run === generation.current) setError(failure);
      }
    },
    [session, pipelineId],
  );

  useEffect(() => {
    setBoard(null);
    void reload();
  }, [reload]);

  const loadMore = async (stageId: string): Promise<void> => {
    if (!board || !pipelineId) return;
    const column = board.columns.find((c) => c.stage.stageId === stageId);
    if (!column?.nextCursor) return;
    setBoard({ ...board, columns: board.columns.map((c) => (c === column ? { ...c, loadingMore: true } : c)) });
    try {
      // At the board's position: the next page's revisions are no older than the first page's.
      const page = await loadColumn(session, pipelineId, stageId, board.position, column.nextCursor);
      setBoard((current) =>
        current && {
          ...current,
          columns: current.columns.map((c) =>
            c.stage.stageId === stageId ? { ...c, deals: [...c.deals, ...page.data], nextCursor: page.nextCursor ?? null, loadingMore: false } : c,
          ),
        },
      );
    } catch (failure) {
      setNotice({ kind: 'error', error: failure });
    }
  };

  const move = async (deal: DealRow, stageId: string, lostReason?: string): Promise<void> => {
    if (!board) return;
    const target = board.columns.find((c) => c.stage.stageId === stageId)?.stage;
    if (!target || stageId === deal.stageId) return;
    if (target.closed === 'lost' && lostReason === undefined) {
      setLost({ deal, stageId });
      return;
    }
    setBusy(deal.dealId);
    setNotice(null);
    try {
      const { revision } = deal;
      // A won or lost deal moves again only by reopening it into an open stage.
      const answer =
        deal.outcome === 'open'
          ? await session.api.send<CommandAnswer | ApiError>('PUT', `/v1/deals/${encodeURIComponent(deal.dealId)}/stage`, lostReason === undefined ? { stageId } : { stageId, lostReason }, { 'If-Match': `"${revision}"` })
          : await session.api.send<CommandAnswer | ApiError>('POST', `/v1/deals/${encodeURIComponent(deal.dealId)}/reopen`, { stageId }, { 'If-Match': `"${revision}"` });
      if (answer.status >= 200 && answer.status < 300) {
        const done = answer.body as CommandAnswer;
        // At the move's position: the card comes back with the revision the move made.
        await reload(done.position ?? undefined);
        setNotice({ kind: 'ok', text: `Moved “${deal.name}” to ${target.label}.` });
        // Keyboard users keep their place: focus follows the card to its new column.
        requestAnimationFrame(() => document.getElementById(`move-${deal.dealId}`)?.focus());
        return;
      }
      const body = (answer.body ?? {}) as Partial<ApiError> & { message?: string | string[] };
      const message = Array.isArray(body.message) ? body.message.join('; ') : body.message ?? `HTTP ${answer.status}`;
      const failure: ApiError = { status: answer.status, error: String(body.error ?? `HTTP_${answer.status}`), message, body: answer.body };
      if (answer.status === 409) {
        setNotice({
          kind: 'error',
          text: `“${deal.name}” changed since the board loaded (409 Conflict): nothing was moved. The board has been reloaded; check the deal and try again.`,
          error: failure,
        });
        await reload();
      } else {
        setNotice({ kind: 'error', error: failure });
      }
    } catch (failure) {
      setNotice({ kind: 'error', error: failure });
    } finally {
      setBusy(null);
    }
  };

  if (error && !board) {
    return (
      <section aria-labelledby="board-title">
        <h1 id="board-title">Pipeline board</h1>
        <ErrorBanner error={error} />
      </section>
    );
  }

  const dealPipelines = pipelines ?? [];
  return (
    <section aria-labelledby="board-title">
      <h1 id="board-title">Pipeline board</h1>
      <div class="toolbar">
        <label>
          Pipeline
          <select
            value={pipelineId ?? ''}
            onChange={(event) => {
              location.hash = hrefOf('/board', { pipeline: (event.target as HTMLSelectElement).value });
            }}
          >
            {dealPipelines.map((p) => (
              <option key={p.pipelineId} value={p.pipelineId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => void reload()}>
          Refresh
        </button>
        {board ? (
          <p class="help">
            Win rate {board.health.winRate === null ? '—' : percent(board.health.winRate)} ({board.health.won} won, {board.health.lost} lost)
            {mayMove ? ' · Drag a card to another column, or use its “Move to stage” control.' : ' · Your role may read the board but not move deals.'}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" role="status" class="board-status">
        {notice?.kind === 'ok' ? <p class="notice">{notice.text}</p> : null}
      </div>
      {notice?.kind === 'error' ? (
        <div role="alert" class="error-banner" data-testid="board-error">
          {notice.text ? <p>{notice.text}</p> : null}
          {notice.error ? <ErrorDetail error={notice.error} /> : null}
        </div>
      ) : null}
      {error && board ? <ErrorBanner error={error} /> : null}
      {lost ? (
        <LostReasonForm
          deal={lost.deal}
          stageLabel={board?.columns.find((c) => c.stage.stageId === lost.stageId)?.stage.label ?? lost.stageId}
          onCancel={() => setLost(null)}
          onConfirm={(reason) => {
            const pending = lost;
            setLost(null);
            void move(pending.deal, pending.stageId, reason);
          }}
        />
      ) : null}
      {!board ? (
        <Loading label="Loading the board…" />
      ) : (
        <div class="board" data-testid="board" data-ready={ready ? 'true' : 'false'} role="region" aria-label="Stages" tabIndex={0}>
          {board.columns.map((column) => (
            <StageColumn
              key={column.stage.stageId}
              column={column}
              stages={board.columns.map((c) => c.stage)}
              stuck={board.stuck}
              mayMove={mayMove}
              busy={busy}
              onMove={move}
              onMore={() => void loadMore(column.stage.stageId)}
              findDeal={(dealId) => board.columns.flatMap((c) => c.deals).find((d) => d.dealId === dealId)}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function ErrorDetail({ error }: { error: unknown }) {
  const e = error as Partial<ApiError>;
  if (typeof e.status === 'number') {
    return (
      <p>
        {e.status === 403 ? 'Forbidden' : e.status === 409 ? 'Conflict' : 'Refused'} ({e.status} {e.error}): {e.message}
      </p>
    );
  }
  return <p>{error instanceof Error ? error.message : String(error)}</p>;
}

type StageColumnProps = {
  column: Column;
  stages: StageHealth[];
  stuck: Map<string, StuckDeal>;
  mayMove: boolean;
  busy: string | null;
  onMove: (deal: DealRow, stageId: string) => Promise<void>;
  onMore: () => void;
  findDeal: (dealId: string) => DealRow | undefined;
};

function StageColumn({ column, stages, stuck, mayMove, busy, onMove, onMore, findDeal }: StageColumnProps) {
  const [over, setOver] = useState(false);
  const { stage } = column;
  const id = `stage-${stage.stageId}`;
  const totals = columnTotals(column);
  const count = columnCount(column);
  return (
    <section
      class={`column${over ? ' drop-target' : ''}`}
      aria-labelledby={id}
      data-stage={stage.stageId}
      onDragOver={(event) => {
        if (!mayMove) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const dealId = event.dataTransfer?.getData('text/plain');
        const deal = dealId ? findDeal(dealId) : undefined;
        if (deal) void onMove(deal, stage.stageId);
      }}
    >
      <h2 id={id}>
        {stage.label}{' '}
        <span class="help">
          ({count} · {percent(stage.probability)}
          {stage.closed ? ` · ${stage.closed}` : ''})
        </span>
      </h2>
      <table class="column-totals" data-testid="column-totals">
        <caption class="visually-hidden">Totals in {stage.label}</caption>
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" class="num">Total</th>
            <th scope="col" class="num">Weighted</th>
          </tr>
        </thead>
        <tbody>
          {totals.length === 0 ? (
            <tr>
              <td colSpan={3}>No amounts</td>
            </tr>
          ) : (
            totals.map((t) => (
              <tr key={t.currency} data-currency={t.currency}>
                <th scope="row">{t.currency}</th>
                <td class="num" data-testid={`total-${t.currency}`}>
                  {formatAmount(t.total)}
                </td>
                <td class="num" data-testid={`weighted-${t.currency}`}>
                  {formatAmount(t.weighted)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {stage.stuckDeals > 0 ? (
        <p class="more">
          <span class="stuck-badge">{stage.stuckDeals} stuck</span>
        </p>
      ) : null}
      <ul class="cards" aria-label={`Deals in ${stage.label}`}>
        {column.deals.map((deal) => (
          <DealCard key={deal.dealId} deal={deal} stages={stages} stuck={stuck.get(deal.dealId)} mayMove={mayMove} busy={busy === deal.dealId} onMove={onMove} />
        ))}
      </ul>
      {column.nextCursor ? (
        <p class="more">
          <button type="button" class="secondary" onClick={onMore} disabled={column.loadingMore}>
            {column.loadingMore ? 'Loading…' : `More deals in ${stage.label}`}
          </button>
        </p>
      ) : null}
    </section>
  );
}

type DealCardProps = {
  deal: DealRow;
  stages: StageHealth[];
  stuck: StuckDeal | undefined;
  mayMove: boolean;
  busy: boolean;
  onMove: (deal: DealRow, stageId: string) => Promise<void>;
};

function DealCard({ deal, stages, stuck, mayMove, busy, onMove }: DealCardProps) {
  const [target, setTarget] = useState(deal.stageId);
  useEffect(() => setTarget(deal.stageId), [deal.stageId]);
  const selectId = `move-${deal.dealId}`;
  // An open deal may go to any other stage; a closed one only back to an open stage (a reopen).
  const choices = stages.filter((s) => s.stageId !== deal.stageId && (deal.outcome === 'open' || s.closed === null));
  return (
    <li
      class={`card${stuck ? ' stuck' : ''}`}
      data-deal={deal.dealId}
      aria-busy={busy ? 'true' : undefined}
      draggable={mayMove}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', deal.dealId);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <h3>{deal.name}</h3>
      {stuck ? (
        <p class="stuck-badge" data-testid="stuck">
          Stuck: {stuck.daysInStage} days in stage (limit {stuck.stuckAfterDays})
        </p>
      ) : null}
      <p class="amount">{formatMoney(deal.amount, deal.currency)}</p>
      <p class="help">
        Closes {deal.closeDate}
        {deal.ownerName ? ` · ${deal.ownerName}` : ''}
      </p>
      {mayMove && choices.length > 0 ? (
        <form
          class="move"
          onSubmit={(event) => {
            event.preventDefault();
            if (target !== deal.stageId) void onMove(deal, target);
          }}
        >
          <label for={selectId}>Move to stage</label>
          <select id={selectId} value={target} onChange={(event) => setTarget((event.target as HTMLSelectElement).value)} disabled={busy}>
            <option value={deal.stageId}>(choose)</option>
            {choices.map((s) => (
              <option key={s.stageId} value={s.stageId}>
                {s.label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || target === deal.stageId} aria-label={`Move ${deal.name}`}>
            Move
          </button>
        </form>
      ) : null}
    </li>
  );
}

function LostReasonForm({ deal, stageLabel, onCancel, onConfirm }: { deal: DealRow; stageLabel: string; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="notice lost-reason"
      aria-labelledby="lost-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) onConfirm(reason.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="lost-title">
        Move “{deal.name}” to {stageLabel}
      </h2>
      <label for="lost-reason">Why was it lost?</label> <input id="lost-reason" ref={input} required value={reason} onInput={(event) => setReason((event.target as HTMLInputElement).value)} />{' '}
      <button type="submit">Mark lost</button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

export const boardPage: PageDefinition = { path: '/board', title: 'Pipeline board', permission: 'deals:read', component: BoardPage };
