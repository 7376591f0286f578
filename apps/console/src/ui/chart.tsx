// A uPlot chart in a labelled figure. The canvas is hidden from screen readers: every page that draws a chart also
// renders a table of the same numbers.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartSeries = { label: string; values: readonly (number | null)[]; color?: string };

export type ChartProps = {
  /** The chart's accessible name (figure caption). */
  title: string;
  /** x values: unix seconds when `time`, otherwise 0..n-1 with `categories` as their labels. */
  x: readonly number[];
  series: readonly ChartSeries[];
  categories?: readonly string[];
  time?: boolean;
  /** Bars rather than lines (two series stand side by side; more overlap). */
  bars?: boolean;
  height?: number;
  width?: number;
  yLabel?: string;
  /** The name of the x values in the legend (default: nothing). */
  xLabel?: string;
};

// AA contrast against white for strokes and legend swatches.
export const PALETTE = ['#1f5f99', '#b3471d', '#2e7d32', '#6a3d9a', '#8a6d00', '#00695c', '#ad1457', '#37474f'];

const barPaths = (count: number, index: number): uPlot.Series.PathBuilder => {
  if (count === 2) return uPlot.paths.bars!({ size: [0.35, 48], align: index === 0 ? -1 : 1 });
  return uPlot.paths.bars!({ size: [0.6 / Math.max(1, count), 64], align: 0 });
};

export function Chart({ title, x, series, categories, time = false, bars = false, height = 260, width, yLabel, xLabel }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  // Redrawn only when what it shows changes (pages pass fresh arrays on every render).
  const key = JSON.stringify({ title, x, series, categories, time, bars, height, width, yLabel, xLabel });
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const longLabels = (categories ?? []).some((c) => c.length > 10);
    const options: uPlot.Options = {
      width: width ?? Math.max(320, Math.min(element.clientWidth || 720, 960)),
      height: height + (longLabels ? 50 : 0),
      scales: {
        x: categories ? { time: false, range: [-0.5, Math.max(0.5, categories.length - 0.5)] } : { time },
        // Bars stand on zero.
        y: bars ? { range: (_u: uPlot, min: number, max: number) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] as uPlot.Range.MinMax } : {},
      },
      axes: [
        {
          stroke: '#222',
          values: categories ? (_u, splits) => splits.map((v) => (Number.isInteger(v) ? categories[v] ?? '' : '')) : undefined,
          splits: categories ? () => categories.map((_c, i) => i) : undefined,
          rotate: longLabels ? -25 : 0,
          size: longLabels ? 90 : 40,
        },
        { stroke: '#222', label: yLabel, size: 70 },
      ],
      series: [
        { label: xLabel ?? '', value: categories ? (_u, v) => (v === null ? '—' : categories[v] ?? '') : undefined },
        ...series.map((s, i) => {
          const color = s.color ?? PALETTE[i % PALETTE.length];
          return {
            label: s.label,
            stroke: color,
            fill: bars ? `${color}d9` : undefined,
            width: bars ? 1 : 2,
            paths: bars ? barPaths(series.length, i) : undefined,
            points: { show: !bars },
          };
        }),
      ],
    };
    const data = [x as number[], ...series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData;
    const plot = new uPlot(options, data, element);
    return () => plot.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} class="chart-canvas" aria-hidden="true" />
    </figure>
  );
}
