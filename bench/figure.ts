/** One benchmark figure: the measured value and the baseline measured in the same run. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** Highest acceptable value / baseline. */
  target?: number;
  /** Highest acceptable value itself, where the issue sets a budget rather than a ratio (in `unit`). */
  budget?: number;
}

/** Median of `runs` timings of `fn`, in milliseconds. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Medians of a baseline and a subject timed in alternation: when the machine's load drifts, both
 * see the same drift, so their ratio stays meaningful.
 */
export async function interleavedMediansMs(
  runs: number,
  baseline: () => unknown | Promise<unknown>,
  subject: () => unknown | Promise<unknown>,
): Promise<{ baseline: number; subject: number }> {
  const times = { baseline: [] as number[], subject: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [key, fn] of [
      ['baseline', baseline],
      ['subject', subject],
    ] as const) {
      const start = performance.now();
      await fn();
      times[key].push(performance.now() - start);
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { baseline: median(times.baseline), subject: median(times.subject) };
}
