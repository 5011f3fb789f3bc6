import type { ReactNode } from 'react';
import { axisTicks, barLength, linePoints, niceMax, percent, splitSegments } from './chart-scale';

/** Rows behind a chart, shown to screen readers as a table and spoken as the picture's label. */
interface ChartData {
  columns: string[];
  rows: { label: string; values: number[] }[];
}

function spoken(title: string, data: ChartData): string {
  const rows = data.rows.map(
    (row) =>
      `${row.label}: ${row.values.map((v, i) => (data.columns.length > 1 ? `${data.columns[i]} ${v.toLocaleString()}` : v.toLocaleString())).join(', ')}`,
  );
  return `${title}. ${rows.join('; ')}`;
}

/** A picture with its numbers: `role="img"` + a label saying them, and the same numbers as a hidden table. */
function ChartFigure({
  title,
  data,
  width,
  height,
  children,
  legend,
}: {
  title: string;
  data: ChartData;
  width: number;
  height: number;
  children: ReactNode;
  legend?: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={spoken(title, data)} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {children}
      </svg>
      {legend}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <td />
            {data.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={`${row.label}-${i}`}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, j) => (
                <td key={j}>{value.toLocaleString()}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface Bar {
  /** What a click on the bar selects (a finding id, a domain); absent: the bar is a picture only. */
  key?: string;
  label: string;
  value: number;
  /** CSS class giving the colour: internal, external, unknown, critical, warning, info. */
  tone?: string;
}

/**
 * Horizontal bars, one per item, longest scale rounded up so bars compare at a glance. Drawn in
 * HTML so a label takes the room it needs (cut with "…" and shown whole on hover and focus), and
 * a bar with a key is a button: choosing it filters what the chart counts (`onSelect`).
 */
export function BarChart({
  title,
  valueLabel,
  bars,
  emptyText,
  onSelect,
  selected,
}: {
  title: string;
  valueLabel: string;
  bars: Bar[];
  emptyText: string;
  onSelect?: (key: string) => void;
  selected?: string | undefined;
}) {
  if (bars.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{emptyText}</p>
      </figure>
    );
  }
  const max = Math.max(...bars.map((bar) => bar.value));
  const row = (bar: Bar) => (
    <>
      <span className="bar-label">
        <bdi>{bar.label}</bdi>
      </span>
      <span className="bar-track" aria-hidden="true">
        <span className={`bar-fill ${bar.tone ?? ''}`} style={{ width: `${barLength(bar.value, max, 100)}%` }} />
      </span>
      <span className="bar-value">{bar.value.toLocaleString()}</span>
    </>
  );
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="bars" aria-label={`${title} (${valueLabel})`}>
        {bars.map((bar, i) => (
          <li key={`${bar.key ?? bar.label}-${i}`}>
            {onSelect && bar.key !== undefined ? (
              <button type="button" className="bar-row" title={bar.label} aria-pressed={selected === bar.key} onClick={() => onSelect(bar.key!)}>
                {row(bar)}
              </button>
            ) : (
              <div className="bar-row" title={bar.label}>
                {row(bar)}
              </div>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** One bar split into parts (internal / external / unknown), with percentages in the legend. */
export function SplitChart({
  title,
  valueLabel,
  parts,
  onSelect,
  selected,
}: {
  title: string;
  valueLabel: string;
  parts: { key: string; label: string; value: number }[];
  /** Choosing a part (its legend entry or its segment) filters by it. */
  onSelect?: (key: string) => void;
  selected?: string | undefined;
}) {
  const width = 560;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  const segments = splitSegments(parts);
  return (
    <ChartFigure
      title={title}
      width={width}
      height={28}
      data={{
        columns: [valueLabel, '%'],
        rows: parts.map((part) => ({ label: part.label, values: [part.value, Math.round(total ? (part.value / total) * 100 : 0)] })),
      }}
      legend={
        <ul className="chart-legend" aria-hidden={onSelect ? undefined : true}>
          {parts.map((part) => {
            const entry = (
              <>
                <span className={`swatch ${part.key}`} />
                {part.label} <strong>{part.value.toLocaleString()}</strong> <span className="muted">({percent(part.value, total)})</span>
              </>
            );
            return (
              <li key={part.key}>
                {onSelect ? (
                  <button type="button" className="legend-button" aria-pressed={selected === part.key} onClick={() => onSelect(part.key)}>
                    {entry}
                  </button>
                ) : (
                  entry
                )}
              </li>
            );
          })}
        </ul>
      }
    >
      <rect x={0} y={2} width={width} height={24} rx={5} className="chart-track" aria-hidden="true" />
      {segments.map((segment) =>
        segment.size > 0 ? (
          <rect
            key={segment.key}
            aria-hidden="true"
            x={segment.start * width}
            y={2}
            width={segment.size * width}
            height={24}
            className={`chart-bar ${segment.key}${onSelect ? ' clickable' : ''}`}
            onClick={onSelect ? () => onSelect(segment.key) : undefined}
          />
        ) : null,
      )}
    </ChartFigure>
  );
}

export interface TrendSeries {
  key: string;
  label: string;
  values: number[];
}

/** Lines across the audits of one roster, oldest left; the axis starts at zero so growth is not exaggerated. */
export function TrendChart({ title, pointLabels, series }: { title: string; pointLabels: string[]; series: TrendSeries[] }) {
  const width = 560;
  const height = 180;
  const left = 48;
  const bottom = 22;
  const plotWidth = width - left - 16;
  const plotHeight = height - bottom - 10;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const top = niceMax(max);
  const ticks = axisTicks(max, 4);
  return (
    <ChartFigure
      title={title}
      width={width}
      height={height}
      data={{ columns: series.map((s) => s.label), rows: pointLabels.map((label, i) => ({ label, values: series.map((s) => s.values[i] ?? 0) })) }}
      legend={
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className={`swatch ${s.key}`} />
              {s.label}
            </li>
          ))}
        </ul>
      }
    >
      <g aria-hidden="true">
        {ticks.map((tick) => {
          const y = 10 + plotHeight - (tick / top) * plotHeight;
          return (
            <g key={tick}>
              <line x1={left} x2={left + plotWidth} y1={y} y2={y} className="chart-grid" />
              <text x={left - 6} y={y + 4} textAnchor="end" className="chart-value">
                {tick.toLocaleString()}
              </text>
            </g>
          );
        })}
        {series.map((s) => {
          const points = linePoints(s.values, plotWidth, plotHeight).map((p) => ({ x: p.x + left, y: p.y + 10 }));
          return (
            <g key={s.key} className={`chart-line ${s.key}`}>
              <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" />
              {points.map((p, i) => (
                <circle key={i} cx={p.x} cy={p.y} r={3.5} />
              ))}
            </g>
          );
        })}
        {pointLabels.map((label, i) => {
          const x = left + (pointLabels.length > 1 ? (i * plotWidth) / (pointLabels.length - 1) : plotWidth / 2);
          return pointLabels.length <= 8 || i === 0 || i === pointLabels.length - 1 ? (
            <text key={i} x={x} y={height - 4} textAnchor="middle" className="chart-value">
              {label}
            </text>
          ) : null;
        })}
      </g>
    </ChartFigure>
  );
}
