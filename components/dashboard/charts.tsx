import { useCallback, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { axisTicks, barLength, labelIndices, lineRuns, niceMax, percent, pointX, splitSegments } from './chart-scale';

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
  /** CSS class giving the line's colour and dash. */
  tone: string;
  /** One per point; `null` where the audit did not record it (the line breaks there). */
  values: (number | null)[];
}

export interface TrendPoint {
  /** Short, for the axis (thinned when they do not all fit). */
  label: string;
  /** Whole, on hover and focus and in the table. */
  full: string;
  href: string;
}

/** Room one axis label needs, in CSS pixels: a short date with space around it. */
const LABEL_ROOM_PX = 96;

/** Width of an element, followed as it changes; `fallback` before the first layout. */
function useWidth(fallback: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.current.observe(element);
  }, []);
  return [ref, width];
}

/**
 * Lines across the audits of one roster, oldest left, on one axis from zero so growth is not
 * exaggerated. Readable at 2 audits (both labelled, legend in full) and at 50 (axis labels thinned to
 * the room there is, never overlapping). Each audit is a link to it: the arrow keys move between
 * audits, and hover or focus shows its full date and every value. A value an audit did not record
 * breaks the line and reads "not recorded". The same numbers are a table for screen readers.
 */
export function TrendChart({ title, points, series, notRecorded }: { title: string; points: TrendPoint[]; series: TrendSeries[]; notRecorded: string }) {
  const [plotRef, plotWidth] = useWidth(560);
  const [focusIndex, setFocusIndex] = useState(points.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const top = niceMax(max);
  const ticks = axisTicks(max, 4);
  const labelled = labelIndices(points.length, plotWidth / LABEL_ROOM_PX);
  const current = Math.min(focusIndex, points.length - 1);
  const valueText = (v: number | null) => (v === null ? notRecorded : v.toLocaleString());
  const pointText = (i: number) => `${points[i]!.full}: ${series.map((s) => `${s.label} ${valueText(s.values[i] ?? null)}`).join(', ')}`;
  const x = (i: number) => pointX(i, points.length, 100);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(points.length - 1, to));
    setFocusIndex(next);
    links.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const to = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: points.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };
  // Lines drawn earlier are wider, so a line that another covers exactly (members = external before
  // any internal domain is set, two kinds both at 0) still shows as a border around it.
  const strokeWidth = (i: number) => 2.5 + 1.75 * Math.min(series.length - 1 - i, 3);
  // Each audit's hit area reaches halfway to its neighbours and stops at the plot's edges (nothing sticks out to scroll to).
  const hitArea = (i: number) => {
    const start = i === 0 ? 0 : (x(i - 1) + x(i)) / 2;
    const end = i === points.length - 1 ? 100 : (x(i) + x(i + 1)) / 2;
    return { left: `${start}%`, width: `${end - start}%` };
  };
  // A tip near an edge is anchored to that edge so it never leaves the chart.
  const tipAlign = (i: number) => (x(i) < 25 ? 'start' : x(i) > 75 ? 'end' : 'middle');
  return (
    <figure className="chart trend">
      <figcaption>{title}</figcaption>
      <ul className="chart-legend">
        {series.map((s, order) => (
          <li key={s.key}>
            <span className={`line-swatch ${s.tone}`} style={{ borderTopWidth: strokeWidth(order) }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <div className="trend-frame">
        <div className="trend-ticks" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick} style={{ top: `${100 - (tick / top) * 100}%` }}>
              {tick.toLocaleString()}
            </span>
          ))}
        </div>
        <div className="trend-plot" ref={plotRef} role="group" aria-label={title} onKeyDown={onKeyDown} onMouseLeave={() => setShown(null)}>
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={100}
                y1={100 - (tick / top) * 100}
                y2={100 - (tick / top) * 100}
                className="chart-grid"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {series.map((s, order) =>
              lineRuns(s.values, top, 100, 100).map((run) => (
                <polyline
                  key={`${s.key}-${run[0]!.index}`}
                  className={`trend-line ${s.tone}`}
                  strokeWidth={strokeWidth(order)}
                  points={run.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  vectorEffect="non-scaling-stroke"
                />
              )),
            )}
          </svg>
          {series.map((s, order) =>
            lineRuns(s.values, top, 100, 100).flatMap((run) =>
              run.map((p) => (
                <span
                  key={`${s.key}-${p.index}`}
                  aria-hidden="true"
                  className={`trend-dot ${s.tone}${shown === p.index ? ' active' : ''}`}
                  style={{ left: `${p.x}%`, top: `${p.y}%`, '--dot': `${strokeWidth(order) + 4}px` } as CSSProperties}
                />
              )),
            ),
          )}
          {points.map((point, i) => (
            <a
              key={point.href}
              ref={(element) => {
                links.current[i] = element;
              }}
              href={point.href}
              className="trend-hit"
              style={hitArea(i)}
              tabIndex={i === current ? 0 : -1}
              aria-label={pointText(i)}
              onFocus={() => {
                setFocusIndex(i);
                setShown(i);
              }}
              onBlur={() => setShown(null)}
              onMouseEnter={() => setShown(i)}
            />
          ))}
          {shown !== null && points[shown] && (
            <div className={`trend-tip ${tipAlign(shown)}`} style={{ left: `${x(shown)}%` }} aria-hidden="true">
              <strong>{points[shown].full}</strong>
              <ul>
                {series.map((s) => (
                  <li key={s.key}>
                    <span className={`line-swatch ${s.tone}`} />
                    {s.label} <strong>{valueText(s.values[shown] ?? null)}</strong>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="trend-axis" aria-hidden="true">
          {labelled.map((i) => (
            <span key={i} className={`trend-label ${tipAlign(i)}`} style={{ left: `${x(i)}%` }} title={points[i]!.full}>
              {points[i]!.label}
            </span>
          ))}
        </div>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <td />
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point, i) => (
            <tr key={point.href}>
              <th scope="row">{point.full}</th>
              {series.map((s) => (
                <td key={s.key}>{valueText(s.values[i] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
