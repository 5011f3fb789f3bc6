/** `aria-rowindex` (1-based, header rows counted): where a grid row stands in the whole grid; 0 when not said. */
export function rowIndexOf(element: Element): number {
  const index = Number(element.getAttribute('aria-rowindex'));
  return Number.isInteger(index) && index > 0 ? index : 0;
}

/**
 * Attributes by which windowed lists say which item a row element draws: ARIA first, then the
 * index attributes of common virtualisers (AG Grid `row-index`, MUI `data-rowindex`, TanStack
 * Virtual `data-index`, react-window `aria-posinset` / `data-react-window-index`, SlickGrid `data-row`).
 */
const INDEX_ATTRIBUTES = [
  'aria-rowindex',
  'aria-posinset',
  'row-index',
  'data-rowindex',
  'data-row-index',
  'data-index',
  'data-item-index',
  'data-react-window-index',
  'data-row',
] as const;

/**
 * A key that names the item a row element draws, the same in every view of a windowed list:
 * `<attribute>=<n>`, or '' when the element says nothing about its place.
 */
export function rowPositionKey(element: Element): string {
  if (!element.hasAttributes()) return '';
  for (const name of INDEX_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null && /^\d{1,9}$/.test(value.trim())) return `${name}=${value.trim()}`;
  }
  return '';
}

/**
 * The item numbers missing from those read, lowest first: gaps between the lowest and highest read,
 * then those after the highest while fewer than `expected` are read; at most `limit` of them.
 */
export function missingNumbers(read: ReadonlySet<number>, expected: number, limit: number): number[] {
  const sorted = [...read].sort((a, b) => a - b);
  const missing: number[] = [];
  for (let i = 1; i < sorted.length; i++) for (let n = sorted[i - 1]! + 1; n < sorted[i]! && missing.length < limit; n++) missing.push(n);
  const last = sorted[sorted.length - 1] ?? 0;
  for (let n = 1; read.size + missing.length < expected && missing.length < limit; n++) missing.push(last + n);
  return missing;
}
