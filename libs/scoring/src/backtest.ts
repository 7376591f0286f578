// The calibration step practitioners do by hand: score every contact on a closed deal as it stood `horizon`
// before the close, and see whether the score told won from lost.
import { scoreContact } from './evaluate.js';
import { formulaId } from './formula-id.js';
import type { Formula, Qualification } from './formula.js';
import { propertiesAsOf, scoringEventsOf, type History } from './contact-history.js';

export type BacktestSample = Readonly<{
  contactId: string;
  dealId: string;
  outcome: 'won' | 'lost';
  closedAt: string;
  asOf: string;
  score: number;
  qualification: Qualification;
}>;

export type DecileRow = Readonly<{ decile: number; samples: number; won: number; winRate: number; minScore: number; maxScore: number }>;

export type BacktestReport = Readonly<{
  formulaId: string;
  formulaName: string;
  horizonDays: number;
  samples: number;
  won: number;
  lost: number;
  /** Probability that a won sample outscored a lost one (ties count half); 0.5 is a coin toss. */
  auc: number | null;
  deciles: DecileRow[];
  winRate: Readonly<{ mql: number | null; sql: number | null; qualified: number | null; rest: number | null }>;
  /** Contacts of won deals that scored below the MQL threshold: what the formula misses. */
  wonBelowMql: readonly Pick<BacktestSample, 'contactId' | 'dealId' | 'score' | 'closedAt'>[];
}>;

const DAY_MS = 86_400_000;

const rate = (samples: readonly BacktestSample[]): number | null =>
  samples.length === 0 ? null : Math.round((samples.filter((s) => s.outcome === 'won').length / samples.length) * 10_000) / 10_000;

/** Mann-Whitney U over average ranks: exact for ties. */
export const rocAuc = (samples: readonly Pick<BacktestSample, 'score' | 'outcome'>[]): number | null => {
  const won = samples.filter((s) => s.outcome === 'won').length;
  const lost = samples.length - won;
  if (won === 0 || lost === 0) return null;
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  let rankSumWon = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k].outcome === 'won') rankSumWon += averageRank;
    i = j;
  }
  const u = rankSumWon - (won * (won + 1)) / 2;
  return Math.round((u / (won * lost)) * 10_000) / 10_000;
};

export const backtestSamples = (formula: Formula, history: History, horizonDays: number): BacktestSample[] => {
  const samples: BacktestSample[] = [];
  const deals = [...history.deals.values()].sort((a, b) => a.dealId.localeCompare(b.dealId));
  for (const deal of deals) {
    if (deal.outcome === 'open' || !deal.closedAt) continue;
    const asOf = new Date(Date.parse(deal.closedAt) - horizonDays * DAY_MS).toISOString();
    for (const contactId of [...deal.contactIds].sort()) {
      const record = history.contacts.get(contactId);
      if (!record) continue;
      const breakdown = scoreContact(formula, {
        properties: propertiesAsOf(record, asOf),
        events: scoringEventsOf(history, contactId),
        asOf,
      });
      samples.push({
        contactId,
        dealId: deal.dealId,
        outcome: deal.outcome,
        closedAt: deal.closedAt,
        asOf,
        score: breakdown.total,
        qualification: breakdown.qualification,
      });
    }
  }
  return samples;
};

export const backtest = (formula: Formula, history: History, horizonDays: number): BacktestReport => {
  const samples = backtestSamples(formula, history, horizonDays);
  const byScore = [...samples].sort((a, b) => a.score - b.score || a.contactId.localeCompare(b.contactId));
  const deciles: DecileRow[] = [];
  for (let d = 0; d < 10 && byScore.length > 0; d++) {
    const slice = byScore.slice(Math.floor((d * byScore.length) / 10), Math.floor(((d + 1) * byScore.length) / 10));
    if (slice.length === 0) continue;
    const won = slice.filter((s) => s.outcome === 'won').length;
    deciles.push({
      decile: d + 1,
      samples: slice.length,
      won,
      winRate: Math.round((won / slice.length) * 10_000) / 10_000,
      minScore: slice[0].score,
      maxScore: slice[slice.length - 1].score,
    });
  }
  const qualified = samples.filter((s) => s.qualification !== 'none');
  return {
    formulaId: formulaId(formula),
    formulaName: formula.name,
    horizonDays,
    samples: samples.length,
    won: samples.filter((s) => s.outcome === 'won').length,
    lost: samples.filter((s) => s.outcome === 'lost').length,
    auc: rocAuc(samples),
    deciles,
    winRate: {
      mql: rate(samples.filter((s) => s.qualification === 'mql')),
      sql: rate(samples.filter((s) => s.qualification === 'sql')),
      qualified: rate(qualified),
      rest: rate(samples.filter((s) => s.qualification === 'none')),
    },
    wonBelowMql: samples
      .filter((s) => s.outcome === 'won' && s.score < formula.thresholds.mql)
      .map(({ contactId, dealId, score, closedAt }) => ({ contactId, dealId, score, closedAt })),
  };
};
