import { isHidden } from './controls';
import { surroundings } from './surroundings';
import { cleanText } from './text';

/** Levels around a list where its own error shows: in the list, in its frame, not a toast elsewhere on the page. */
const ERROR_LEVELS = 2;
/** Longer text is a paragraph of the page, not a list's error message. */
const MAX_MESSAGE = 200;

const ALERT = '[role=alert], [aria-live=assertive]';
/** Elements whose class may name an error, found natively: a list of 10,000 rows has 50,000 classed elements. */
const CLASSED_ERROR = '[class*=error], [class*=Error], [class*=fail], [class*=Fail]';
/** A class word that names an error: `gridjs-error`, `error`, `load-failed`, `is-failure`. */
const ERROR_CLASS = /(^|[\s_-])(error|failed|failure)($|\s)/i;

/**
 * The message of an error a list shows (a failed load drawn as a row or beside the rows), when it
 * shows one. A list that broke while it was drawn (Grid.js: "An error happened while fetching the
 * data", its pager disabled) looks finished to a reader that checks only "next" and a total.
 * `isMember` keeps a member's own cell (a status badge classed `error`) from counting.
 */
export function shownError(root: Element, isMember: (element: Element) => boolean): string | undefined {
  const scopes = [root, ...Array.from(surroundings(root, ERROR_LEVELS), ({ level }) => level)];
  const outer = scopes[scopes.length - 1]!;
  const candidates = [...(outer.matches(ALERT) ? [outer] : []), ...outer.querySelectorAll(`${ALERT}, ${CLASSED_ERROR}`)];
  for (const element of candidates) {
    if (!element.matches(ALERT) && !ERROR_CLASS.test(element.getAttribute('class') ?? '')) continue;
    const text = cleanText(element.textContent ?? '');
    if (!text || text.length > MAX_MESSAGE || text.includes('@') || isHidden(element) || isMember(element)) continue;
    return text;
  }
  return undefined;
}
