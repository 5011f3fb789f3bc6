import { describe, expect, it } from 'vitest';
import { axisTicks, barLength, linePoints, niceMax, percent, splitSegments } from '../../../../components/dashboard/chart-scale';

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

describe('linePoints', () => {
  it('spreads x over the width and puts the nice maximum at the top', () => {
    expect(linePoints([0, 5, 10], 100, 50)).toEqual([
      { x: 0, y: 50 },
      { x: 50, y: 25 },
      { x: 100, y: 0 },
    ]);
  });
  it('centres a single point', () => {
    expect(linePoints([4], 100, 50)).toEqual([{ x: 50, y: 10 }]);
  });
});

describe('percent', () => {
  it('rounds and survives an empty whole', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(0, 0)).toBe('0%');
  });
});
