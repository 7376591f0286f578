// A lead score as a waterfall: one row per contribution, its bar running from the total before it to the total
// after it. The table is the chart: every figure a bar shows is a cell beside it, so the bars are hidden from
// screen readers.
import { hrefOf } from '../router';
import { formatInstant, formatNumber } from './records-common';

export type Contribution = {
  groupId: string;
  ruleId: string;
  eventId: string | null;
  eventType: string | null;
  streamName: string | null;
  revision: number | null;
  position: string | null;
  occurredAt: string | null;
  rawPoints: number;
  decayFactor: number;
  points: number;
  cutByRuleCap: number;
  cutByGroupLimit: number;
  cutByTotalLimit: number;
  counted: number;
  formulaId?: string;
};

type Step = { contribution: Contribution; index: number; before: number; after: number };

// Sums in hundredths, as the api does: the running totals end exactly at the score.
const stepsOf = (contributions: readonly Contribution[]): Step[] => {
  let running = 0;
  return contributions.map((contribution, index) => {
    const before = running;
    running = Math.round(running * 100 + contribution.counted * 100) / 100;
    return { contribution, index, before, after: running };
  });
};

const cutsOf = (c: Contribution): string => {
  const cuts = [
    c.cutByRuleCap ? `rule cap −${formatNumber(c.cutByRuleCap)}` : '',
    c.cutByGroupLimit ? `group limit −${formatNumber(c.cutByGroupLimit)}` : '',
    c.cutByTotalLimit ? `total limit −${formatNumber(c.cutByTotalLimit)}` : '',
  ].filter(Boolean);
  return cuts.length ? cuts.join(', ') : 'none';
};

export type WaterfallProps = {
  contactId: string;
  contributions: readonly Contribution[];
  total: number;
  /** Kept in the event links, so following one keeps the date asked for. */
  asOf?: string;
  selectedEventId?: string | null;
};

export function ScoreWaterfall({ contactId, contributions, total, asOf, selectedEventId }: WaterfallProps) {
  const steps = stepsOf(contributions);
  const values = [0, total, ...steps.flatMap((s) => [s.before, s.after])];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const pct = (value: number): number => ((value - low) / span) * 100;
  return (
    <div class="table-wrap">
      <table class="waterfall" data-testid="score-waterfall">
        <caption>Contributions to the score, in the order the formula counted them</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Rule</th>
            <th scope="col">Event</th>
            <th scope="col">Occurred</th>
            <th scope="col" class="num">Raw points</th>
            <th scope="col" class="num">Decay factor</th>
            <th scope="col" class="num">After decay</th>
            <th scope="col">Cut by caps and limits</th>
            <th scope="col" class="num">Counted</th>
            <th scope="col" class="num">Running total</th>
            <th scope="col">Waterfall</th>
          </tr>
        </thead>
        <tbody>
          {steps.length === 0 ? (
            <tr>
              <td colSpan={11}>No rule matched: the score is 0.</td>
            </tr>
          ) : (
            steps.map(({ contribution: c, index, before, after }) => {
              const from = Math.min(before, after);
              const to = Math.max(before, after);
              const selected = c.eventId !== null && c.eventId === selectedEventId;
              return (
                <tr key={`${index}`} aria-current={selected ? 'true' : undefined} style={selected ? { background: '#fff4d6' } : undefined}>
                  <td>{c.groupId}</td>
                  <td>
                    <code>{c.ruleId}</code>
                  </td>
                  <td>
                    {c.eventId ? (
                      <a href={hrefOf('/scores', { contact: contactId, asOf, event: c.eventId })} data-testid="contribution-event">
                        {c.eventType ?? 'event'}
                        <span class="visually-hidden" style={HIDDEN}> {c.eventId}</span>
                      </a>
                    ) : (
                      <span>a property (fit)</span>
                    )}
                  </td>
                  <td>{formatInstant(c.occurredAt)}</td>
                  <td class="num">{formatNumber(c.rawPoints)}</td>
                  <td class="num">{formatNumber(c.decayFactor, 4)}</td>
                  <td class="num">{formatNumber(c.points)}</td>
                  <td>{cutsOf(c)}</td>
                  <td class="num">{formatNumber(c.counted)}</td>
                  <td class="num">{formatNumber(after)}</td>
                  <td aria-hidden="true">
                    <div style={{ position: 'relative', width: '12rem', height: '1rem', background: '#f4f6f9' }}>
                      <div style={{ position: 'absolute', left: `${pct(0)}%`, top: 0, bottom: 0, width: '1px', background: '#4a5360' }} />
                      <div
                        style={{
                          position: 'absolute',
                          top: '2px',
                          bottom: '2px',
                          left: `${pct(from)}%`,
                          width: `${Math.max(0.5, pct(to) - pct(from))}%`,
                          background: after >= before ? '#2e7d32' : '#9b1c1c',
                        }}
                      />
                    </div>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={8}>
              Score
            </th>
            <td class="num" data-testid="score-total">
              {formatNumber(total)}
            </td>
            <td class="num">{formatNumber(steps.length ? steps[steps.length - 1].after : 0)}</td>
            <td aria-hidden="true">
              <div style={{ position: 'relative', width: '12rem', height: '1rem' }}>
                <div style={{ position: 'absolute', top: '2px', bottom: '2px', left: `${pct(Math.min(0, total))}%`, width: `${Math.abs(pct(total) - pct(0))}%`, background: '#1f5f99' }} />
              </div>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Visually hidden, still read by screen readers. */
export const HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
