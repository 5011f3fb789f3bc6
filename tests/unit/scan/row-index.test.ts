import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { missingNumbers, rowPositionKey } from '../../../lib/scan/row-index';

describe('item numbers of windowed rows', () => {
  it('names the item a row draws by the first index attribute it carries', () => {
    const { document } = parseHTML(
      '<div><div id="a" aria-rowindex="7" row-index="5"></div><div id="b" class="row" data-index=" 12 "></div><div id="c" class="row"></div></div>',
    );
    expect(rowPositionKey(document.getElementById('a')!)).toBe('aria-rowindex=7');
    expect(rowPositionKey(document.getElementById('b')!)).toBe('data-index=12');
    expect(rowPositionKey(document.getElementById('c')!)).toBe('');
  });

  it.each([
    ['every item up to the stated count when nothing is read', [], 3, 10, [1, 2, 3]],
    ['gaps between the lowest and highest, lowest first', [2, 3, 6, 9], 8, 10, [4, 5, 7, 8]],
    ['then items past the highest while the page states more', [2, 3, 4], 5, 10, [5, 6]],
    ['none when all stated are read', [2, 3, 4], 3, 10, []],
    ['at most the limit', [1, 100000], 200000, 3, [2, 3, 4]],
  ])('%s', (_, read, expected, limit, missing) => {
    expect(missingNumbers(new Set(read), expected, limit)).toEqual(missing);
  });
});
