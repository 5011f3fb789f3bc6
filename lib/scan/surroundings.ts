import { composedChildren, composedParent } from './composed';

/** Levels with more than one child looked at: a list's toolbar, header and footer sit this close. */
export const NEAR_LEVELS = 4;
/** Every ancestor looked at, wrappers included: a bound for pages nested without end. */
const MAX_STEPS = 14;

/**
 * The list's surroundings, nearest first: each ancestor with the child on the way up from the
 * list. Libraries wrap a list's rows in as many single-child wrappers as they need (scroll
 * containers, sizers, a virtual list's window), so a wrapper holding nothing beside the way up
 * does not count as a level: the title 「全 1,000 件」 of a virtual table is as near to its
 * rows as the title of a plain one.
 */
export function* surroundings(root: Element, levels = NEAR_LEVELS): Generator<{ level: Element; inside: Element }> {
  let inside = root;
  let counted = 0;
  for (let level = composedParent(root), steps = 0; level && level.tagName !== 'HTML' && counted < levels && steps < MAX_STEPS; steps++) {
    yield { level, inside };
    if (composedChildren(level).length > 1) counted++;
    inside = level;
    level = composedParent(level);
  }
}
