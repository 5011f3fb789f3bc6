import { describe, expect, it } from 'vitest';
import { axisTicks, barLength, labelIndices, lineRuns, niceMax, percent, splitSegments } from '../../../../components/dashboard/chart-scale';

describe('niceMax', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(26)).toBe(50);
    expect(niceMax(51)).toBe(100);
    expect(niceMax(98_765)).toBe(100_000);
    expect(niceMax(0.3)).toBe(0.5);
  });
  it('gives 1 for nothing to show', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe('axisTicks', () => {
  it('spaces ticks evenly up to the nice maximum', () => {
    expect(axisTicks(90, 4)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('barLength', () => {
  it('scales against the nice maximum and keeps a tiny non-zero value visible', () => {
    expect(barLength(50, 90, 200)).toBe(100);
    expect(barLength(0, 90, 200)).toBe(0);
    expect(barLength(1, 100_000, 200)).toBe(1);
  });
});

describe('splitSegments', () => {
  it('splits in proportion and skips nothing', () => {
    const segments = splitSegments([
      { key: 'internal', value: 3 },
      { key: 'external', value: 1 },
      { key: 'unknown', value: 0 },
    ]);
    expect(segments).toEqual([
      { key: 'internal', value: 3, start: 0, size: 0.75 },
      { key: 'external', value: 1, start: 0.75, size: 0.25 },
      { key: 'unknown', value: 0, start: 1, size: 0 },
    ]);
  });
  it('gives zero sizes for an empty whole', () => {
    expect(splitSegments([{ key: 'a', value: 0 }]).map((s) => s.size)).toEqual([0]);
  });
});

describe('lineRuns', () => {
  it('spreads x over the width and puts the shared top at the top', () => {
    expect(lineRuns([0, 5, 10], 20, 100, 50)).toEqual([
      [
        { index: 0, x: 0, y: 50 },
        { index: 1, x: 50, y: 37.5 },
        { index: 2, x: 100, y: 25 },
      ],
    ]);
  });
  it('centres a single point', () => {
    expect(lineRuns([4], 8, 100, 50)).toEqual([[{ index: 0, x: 50, y: 25 }]]);
  });
  it('breaks the line where a value was not recorded instead of drawing a 0', () => {
    const runs = lineRuns([1, null, 3, 4, null], 4, 40, 10);
    expect(runs.map((run) => run.map((point) => point.index))).toEqual([[0], [2, 3]]);
    expect(runs[1]?.[0]).toEqual({ index: 2, x: 20, y: 2.5 });
  });
});

describe('labelIndices', () => {
  it('labels every point that fits: both of two audits', () => {
    expect(labelIndices(2, 6)).toEqual([0, 1]);
    expect(labelIndices(1, 6)).toEqual([0]);
    expect(labelIndices(0, 6)).toEqual([]);
  });
  it('thins 50 audits to the room there is, keeping the first and the last', () => {
    const shown = labelIndices(50, 6);
    expect(shown).toHaveLength(6);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(49);
    for (let i = 1; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBeGreaterThanOrEqual(9);
  });
  it('always labels the two ends, however little room', () => {
    expect(labelIndices(50, 0)).toEqual([0, 49]);
  });
});

describe('percent', () => {
  it('rounds and survives an empty whole', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(0, 0)).toBe('0%');
  });
});
