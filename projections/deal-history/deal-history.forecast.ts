// The forecast of a month as it stood at a date, pure: open deals expected to close in the month weighted by their
// stage's probability then, plus the deals won in the month (closedAt's UTC date) in full; per currency, never
// added across currencies without a rate; converted deal by deal at the rate in force on the figure's date (the
// expected close date of an open deal, the close date of a won one), a missing rate listed as a gap, never a 0.
// The waterfall explains how the forecast of a month moved from one date to the next and to what closed.
import { compareAmounts, scaleAmount, subtractAmounts, sumAmounts } from '#domain/shared';
import type { Conversion, RateBook, RateUsed } from '#projections/exchange-rates';

/** What converts: the rate book of #projections/exchange-rates, or any other with its convert. */
export type Converter = Pick<RateBook, 'convert'>;

/** A deal as it stood at asOf, in the month's forecast: open with its expected close in the month, or won in it. */
export type ForecastDeal = Readonly<{
  dealId: string;
  name: string;
  pipelineId: string;
  stageId: string;
  ownerId: string | null;
  outcome: 'open' | 'won';
  amount: string;
  currency: string;
  closeDate: string;
  closedAt: string | null;
  /** The stage's probability at asOf (decimal text); null when the pipeline then had no such stage. */
  probability: string | null;
  /** The event of the deal version used, and when that version began. */
  eventId: string;
  validFrom: string;
  /** The event of the pipeline version whose stage probability was used. */
  stageEventId: string | null;
}>;

export type ConvertedFigure = Readonly<{ currency: string; amount: string; weighted: string; rate: string | null; rateDate: string | null }>;

export type ForecastLine = ForecastDeal &
  Readonly<{
    /** The day the figure is for: the expected close date when open, the close date when won. */
    figureDate: string;
    /** amount × probability (half-even, the currency's digits) when open; the amount when won. */
    weighted: string;
    /** In the asked currency; null when none was asked or no rate was found (see gap). */
    converted: ConvertedFigure | null;
    gap: string | null;
  }>;

export type CurrencyForecast = Readonly<{
  currency: string;
  openDeals: number;
  openAmount: string;
  /** The open deals' weighted amounts. */
  weighted: string;
  wonDeals: number;
  wonAmount: string;
  /** weighted + wonAmount. */
  forecast: string;
}>;

export type ForecastGap = Readonly<{ dealId: string; from: string; to: string; date: string; reason: string }>;

export type ConvertedForecast = CurrencyForecast &
  Readonly<{
    /** false when some deal had no rate: its figures are left out of the converted totals and listed in gaps. */
    complete: boolean;
    ratesUsed: readonly RateUsed[];
    gaps: readonly ForecastGap[];
  }>;

/** The UTC day of an instant. */
export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

export const forecastLine = (deal: ForecastDeal): ForecastLine => ({
  ...deal,
  figureDate: deal.outcome === 'won' && deal.closedAt !== null ? utcDay(deal.closedAt) : deal.closeDate,
  // A stage the pipeline did not have then weighs nothing (pipeline health leaves such deals out of its weighting).
  weighted: deal.outcome === 'won' ? deal.amount : scaleAmount(deal.amount, deal.currency, deal.probability ?? '0'),
  converted: null,
  gap: null,
});

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Figures of lines all in `currency` (the deals' own, or the converted one). */
const figuresOf = (
  currency: string,
  lines: readonly Readonly<{ outcome: 'open' | 'won'; amount: string; weighted: string }>[],
): CurrencyForecast => {
  const open = lines.filter((line) => line.outcome === 'open');
  const won = lines.filter((line) => line.outcome === 'won');
  const weighted = sumAmounts(open.map((line) => line.weighted), currency);
  const wonAmount = sumAmounts(won.map((line) => line.amount), currency);
  return {
    currency,
    openDeals: open.length,
    openAmount: sumAmounts(open.map((line) => line.amount), currency),
    weighted,
    wonDeals: won.length,
    wonAmount,
    forecast: sumAmounts([weighted, wonAmount], currency),
  };
};

/** One entry per currency of the lines, by currency code. */
export const currencyForecasts = (lines: readonly ForecastLine[]): CurrencyForecast[] =>
  [...new Set(lines.map((line) => line.currency))].sort(byCode).map((currency) => figuresOf(currency, lines.filter((line) => line.currency === currency)));

const rateKey = (rate: RateUsed): string => `${rate.from}|${rate.to}|${rate.rateDate}|${rate.rate}`;

/** Each line converted to `target` on its figure's date; the totals of what converted, and the gaps of what did not. */
export const convertForecast = (
  lines: readonly ForecastLine[],
  book: Converter,
  target: string,
): { lines: ForecastLine[]; converted: ConvertedForecast } => {
  const rates = new Map<string, RateUsed>();
  const gaps: ForecastGap[] = [];
  const convertedLines = lines.map((line): ForecastLine => {
    const amount = book.convert(line.amount, line.currency, target, line.figureDate);
    const weighted = book.convert(line.weighted, line.currency, target, line.figureDate);
    if (!amount.ok || !weighted.ok) {
      const { gap } = (!amount.ok ? amount : weighted) as Extract<Conversion, { ok: false }>;
      gaps.push({ dealId: line.dealId, ...gap });
      return { ...line, converted: null, gap: gap.reason };
    }
    if (amount.rateUsed) rates.set(rateKey(amount.rateUsed), amount.rateUsed);
    return {
      ...line,
      converted: { currency: target, amount: amount.amount, weighted: weighted.amount, rate: amount.rateUsed?.rate ?? null, rateDate: amount.rateUsed?.rateDate ?? null },
      gap: null,
    };
  });
  const figures = figuresOf(
    target,
    convertedLines.flatMap((line) => (line.converted ? [{ outcome: line.outcome, amount: line.converted.amount, weighted: line.converted.weighted }] : [])),
  );
  const ratesUsed = [...rates.values()].sort((a, b) => byCode(rateKey(a), rateKey(b)));
  return { lines: convertedLines, converted: { ...figures, complete: gaps.length === 0, ratesUsed, gaps } };
};

/** Drill-down order: won before open, then by figure date and deal id. */
export const sortLines = (lines: readonly ForecastLine[]): ForecastLine[] =>
  [...lines].sort((a, b) => byCode(b.outcome, a.outcome) || byCode(a.figureDate, b.figureDate) || byCode(a.dealId, b.dealId));

// ---- accuracy and waterfall ----

/**
 * What one deal adds to a forecast, in one currency. A converted figure also names the rate and its publication
 * date (both null when the deal was in that currency already); a figure in the deal's own currency has neither.
 */
export type FigureLine = Readonly<{
  dealId: string;
  currency: string;
  outcome: 'open' | 'won';
  figure: string;
  eventId: string;
  rate?: string | null;
  rateDate?: string | null;
}>;

export const figureLines = (lines: readonly ForecastLine[]): FigureLine[] =>
  lines.map((line) => ({ dealId: line.dealId, currency: line.currency, outcome: line.outcome, figure: line.weighted, eventId: line.eventId }));

/** The converted figures of the lines that converted (the others are gaps), each with the rate and rate date it used. */
export const convertedFigureLines = (lines: readonly ForecastLine[]): FigureLine[] =>
  lines.flatMap((line) =>
    line.converted
      ? [
          {
            dealId: line.dealId,
            currency: line.converted.currency,
            outcome: line.outcome,
            figure: line.converted.weighted,
            eventId: line.eventId,
            rate: line.converted.rate,
            rateDate: line.converted.rateDate,
          },
        ]
      : [],
  );

export type MoveKind = 'added' | 'removed' | 'won' | 'changed';

export type WaterfallMove = Readonly<{
  dealId: string;
  kind: MoveKind;
  before: string | null;
  after: string | null;
  change: string;
  /** The deal version behind `after` (or `before` when removed). */
  eventId: string;
  /**
   * Converted moves only: the rate and rate date behind `before` and `after` (null where that side has no figure or
   * the deal was in the target currency already), so a move that is only a new rate says so.
   */
  beforeRate?: string | null;
  beforeRateDate?: string | null;
  afterRate?: string | null;
  afterRateDate?: string | null;
}>;

export type WaterfallStep = Readonly<{
  from: string;
  to: string;
  start: string;
  end: string;
  /** Deals new to the month's forecast (created, or expected in the month since). */
  added: string;
  /** Deals gone from it (lost, expected in another month, or not won by the end). */
  removed: string;
  /** Open deals won in the month: their amount less what they were weighted at. */
  won: string;
  /** Amount, stage or probability changes of deals in both. */
  changed: string;
  moves: readonly WaterfallMove[];
}>;

export type SnapshotFigures = Readonly<{
  asOf: string;
  openDeals: number;
  weighted: string;
  wonDeals: number;
  won: string;
  forecast: string;
  /** actual - forecast. */
  difference: string;
}>;

export type CurrencyAccuracy = Readonly<{
  currency: string;
  /** Won in the month, as the history stands now. */
  actual: string;
  actualDeals: number;
  snapshots: readonly SnapshotFigures[];
  steps: readonly WaterfallStep[];
}>;

export type Snapshot = Readonly<{ label: string; lines: readonly FigureLine[] }>;

export const ACTUAL_LABEL = 'actual';

const stepBetween = (currency: string, from: Snapshot, to: Snapshot): WaterfallStep => {
  const before = new Map(from.lines.map((line) => [line.dealId, line]));
  const after = new Map(to.lines.map((line) => [line.dealId, line]));
  const moves: WaterfallMove[] = [];
  for (const dealId of [...new Set([...before.keys(), ...after.keys()])].sort(byCode)) {
    const was = before.get(dealId);
    const is = after.get(dealId);
    const change = subtractAmounts(is?.figure ?? '0', was?.figure ?? '0', currency);
    const kind: MoveKind = !was ? 'added' : !is ? 'removed' : was.outcome === 'open' && is.outcome === 'won' ? 'won' : 'changed';
    if (kind === 'changed' && compareAmounts(change, '0') === 0) continue;
    const move: WaterfallMove = { dealId, kind, before: was?.figure ?? null, after: is?.figure ?? null, change, eventId: (is ?? was)!.eventId };
    const converted = (was ?? is)!.rate !== undefined;
    moves.push(
      converted
        ? { ...move, beforeRate: was?.rate ?? null, beforeRateDate: was?.rateDate ?? null, afterRate: is?.rate ?? null, afterRateDate: is?.rateDate ?? null }
        : move,
    );
  }
  const total = (kind: MoveKind) => sumAmounts(moves.filter((move) => move.kind === kind).map((move) => move.change), currency);
  return {
    from: from.label,
    to: to.label,
    start: sumAmounts(from.lines.map((line) => line.figure), currency),
    end: sumAmounts(to.lines.map((line) => line.figure), currency),
    added: total('added'),
    removed: total('removed'),
    won: total('won'),
    changed: total('changed'),
    moves,
  };
};

/**
 * Per currency: each snapshot's forecast against what was won in the month (the actual: won lines as the history
 * stands now), and the steps from each snapshot to the next and from the last to the actual. `only`: these currencies
 * (with zeros where they have no deal) instead of those of the lines.
 */
export const forecastAccuracy = (snapshots: readonly Snapshot[], actual: readonly FigureLine[], only?: readonly string[]): CurrencyAccuracy[] => {
  const currencies = only ?? [...new Set([...snapshots.flatMap((snapshot) => snapshot.lines), ...actual].map((line) => line.currency))].sort(byCode);
  return currencies.map((currency) => {
    const own = (lines: readonly FigureLine[]) => lines.filter((line) => line.currency === currency);
    const actualLines = own(actual);
    const actualAmount = sumAmounts(actualLines.map((line) => line.figure), currency);
    const chain: Snapshot[] = [...snapshots.map((snapshot) => ({ label: snapshot.label, lines: own(snapshot.lines) })), { label: ACTUAL_LABEL, lines: actualLines }];
    return {
      currency,
      actual: actualAmount,
      actualDeals: actualLines.length,
      snapshots: chain.slice(0, -1).map((snapshot) => {
        const open = snapshot.lines.filter((line) => line.outcome === 'open');
        const won = snapshot.lines.filter((line) => line.outcome === 'won');
        const forecast = sumAmounts(snapshot.lines.map((line) => line.figure), currency);
        return {
          asOf: snapshot.label,
          openDeals: open.length,
          weighted: sumAmounts(open.map((line) => line.figure), currency),
          wonDeals: won.length,
          won: sumAmounts(won.map((line) => line.figure), currency),
          forecast,
          difference: subtractAmounts(actualAmount, forecast, currency),
        };
      }),
      steps: chain.slice(1).map((snapshot, index) => stepBetween(currency, chain[index], snapshot)),
    };
  });
};
