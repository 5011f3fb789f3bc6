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

/** Points of a line chart: x spread evenly over `width`, y from `height` (0) up to 0 (`niceMax`). */
export function linePoints(values: readonly number[], width: number, height: number): { x: number; y: number }[] {
  const top = niceMax(Math.max(0, ...values));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, i) => ({
    x: values.length > 1 ? i * step : width / 2,
    y: height - (Math.max(0, value) / top) * height,
  }));
}

/** Whole percent of a part, '0%' for an empty whole. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}
