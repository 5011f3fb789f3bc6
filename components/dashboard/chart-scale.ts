/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** Evenly spaced tick values from 0 to `niceMax(max)`, `count` intervals. */
export function axisTicks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** Length of a bar for `value` on an axis `length` long whose top is `niceMax(max)`; a non-zero value stays visible. */
export function barLength(value: number, max: number, length: number): number {
  if (!(value > 0)) return 0;
  return Math.max(1, (value / niceMax(max)) * length);
}

export interface Segment {
  key: string;
  value: number;
  /** Start and size as fractions of the whole (0..1). */
  start: number;
  size: number;
}

/** Splits one bar into parts in proportion to their values; zero parts take no room. */
export function splitSegments(parts: readonly { key: string; value: number }[]): Segment[] {
  const total = parts.reduce((sum, part) => sum + Math.max(0, part.value), 0);
  let start = 0;
  return parts.map(({ key, value }) => {
    const size = total > 0 ? Math.max(0, value) / total : 0;
    const segment = { key, value, start, size };
    start += size;
    return segment;
  });
}

/** x of point `index` of `count` spread over `width` (a single point in the middle). */
export function pointX(index: number, count: number, width: number): number {
  return count > 1 ? (index * width) / (count - 1) : width / 2;
}

export interface LinePoint {
  index: number;
  x: number;
  y: number;
}

/**
 * A line chart's points on a shared axis whose top is `top`: x spread evenly over `width`, y from
 * `height` (0) up to 0 (`top`). A value not recorded (`null`) breaks the line, so the runs between
 * gaps are drawn apart and nothing is drawn as 0 that was never counted.
 */
export function lineRuns(values: readonly (number | null)[], top: number, width: number, height: number): LinePoint[][] {
  const runs: LinePoint[][] = [];
  let run: LinePoint[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    run.push({ index, x: pointX(index, values.length, width), y: height - (Math.max(0, value) / top) * height });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Which of `count` points get an axis label when at most `room` fit: all of them when they fit, else
 * the first, the last and evenly spaced ones between, so labels never crowd (the rest are read on hover and focus).
 */
export function labelIndices(count: number, room: number): number[] {
  if (count <= 0) return [];
  const fit = Math.max(2, Math.floor(room));
  if (count <= fit) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (fit - 1);
  return [...new Set(Array.from({ length: fit }, (_, i) => Math.round(i * step)))];
}

/** Whole percent of a part, '0%' for an empty whole. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}
