import { isHidden, outsideRows, scopeOf } from './controls';
import { surroundings } from './surroundings';
import { cleanText } from './text';

/** Levels around a list where its own error shows: in the list, in its frame, not a toast elsewhere on the page. */
const ERROR_LEVELS = 2;
/** Longer text is a paragraph of the page, not a list's error message. */
const MAX_MESSAGE = 200;

const ALERT = '[role=alert], [aria-live=assertive]';
/** A class word that names an error: `gridjs-error`, `error`, `load-failed`, `is-failure`. */
const ERROR_CLASS = /(^|[\s_-])(error|failed|failure)($|\s)/i;

/**
 * The message of an error a list shows (a failed load drawn as a row or beside the rows), when it
 * shows one. A list that broke while it was drawn (Grid.js: "An error happened while fetching the
 * data", its pager disabled) looks finished to a reader that checks only "next" and a total.
 * `isMember` keeps a member's own cell (a status badge classed `error`) from counting.
 */
export function shownError(root: Element, rows: readonly Element[], isMember: (element: Element) => boolean): string | undefined {
  const outer = Array.from(surroundings(root, ERROR_LEVELS)).at(-1)?.level ?? root;
  // Outside the rows, where a list's messages go; and at either end of the rows, where a list draws
  // a failed load as a row of its own (Grid.js). The rest of 10,000 rows is not searched.
  const outside = outsideRows(scopeOf(outer)).filter(
    (element) => (element.matches(ALERT) || ERROR_CLASS.test(element.getAttribute('class') ?? '')) && outer.contains(element),
  );
  const first = rows[0];
  const last = rows.at(-1);
  const edges = [first, first?.parentElement?.firstElementChild, last, last?.parentElement?.lastElementChild].flatMap((row) =>
    row ? [...(row.matches(ALERT) ? [row] : []), ...row.querySelectorAll(ALERT)] : [],
  );
  for (const element of [...outside, ...edges]) {
    const text = cleanText(element.textContent ?? '');
    if (!text || text.length > MAX_MESSAGE || text.includes('@') || isHidden(element) || isMember(element)) continue;
    return text;
  }
  return undefined;
}
