import { z } from 'zod';
import { MAX_SHADOW_HOSTS, PLAIN_IDENTIFIER } from './selector-path';

/**
 * The list the admin chose by clicking one of its rows, as data: where it is (a selector path from
 * the document, through open shadow roots, to its container) and what its rows look like. It is
 * built by the picker from the page and travels to the background and back, so it is parsed at
 * every boundary: only the selector forms the picker writes are accepted.
 */

/** What a selector path holds: tag, `#id`, `.class`, `[attr="value"]`, `:nth-of-type(n)`, descendant and child combinators; no other pseudo-class. */
const SELECTOR = /^(?:[A-Za-z0-9_#.>[\]=" -]|:nth-of-type\(\d{1,4}\))+$/;

const Selector = z.string().min(1).max(1000).regex(SELECTOR);

/** What the popup says of a chosen list: its kind, its caption (or first headers) and its rows. */
export const PickSummary = z.object({
  kind: z.enum(['table', 'grid', 'list']),
  caption: z.string().max(200),
  rows: z.number().int().nonnegative().max(100_000_000),
});
export type PickSummary = z.infer<typeof PickSummary>;

export const ListPick = PickSummary.extend({
  /** Selector paths of the shadow hosts from the document down to the root that holds the container. */
  hosts: z.array(Selector).max(MAX_SHADOW_HOSTS),
  /** Selector path of the table, grid or list container within that root. */
  container: Selector,
  /** A list's rows: the container's children of this tag with these class words. Tables and grids know their rows. */
  item: z
    .object({
      tag: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,49}$/),
      classes: z.array(z.string().max(100).regex(PLAIN_IDENTIFIER)).max(10),
    })
    .optional(),
}).refine((pick) => pick.kind !== 'list' || pick.item !== undefined, { message: 'a list needs the shape of its rows' });
export type ListPick = z.infer<typeof ListPick>;

/** A remembered choice as this page shows it now: found (with the rows it has now), or not (the reader's own pick is used). */
export const PickState = PickSummary.extend({ found: z.boolean() });
export type PickState = z.infer<typeof PickState>;
