import { isStateClass } from './list';

/**
 * CSS selector paths that find an element again after the page re-renders or is loaded anew. They
 * lean on what a page keeps from one render to the next (ids, class words written by people, roles,
 * `data-*` attributes) and use positions only when nothing else tells the element apart.
 */

/** A CSS identifier that needs no escaping: the only class words and ids a selector path holds. */
export const PLAIN_IDENTIFIER = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
/** Shadow roots deeper than this are not followed (the reader stops there too). */
export const MAX_SHADOW_HOSTS = 5;

/** Words a build tool or framework generates (css-1x2y3z, jss12, Table_root__3xYz1, React's :r1:): they change with every release. */
function looksGenerated(word: string): boolean {
  if (/^(css|sc|jsx|jss|emotion|svelte|styled|tw)-/i.test(word)) return true;
  if (/__[A-Za-z0-9_-]{5,}$/.test(word) && /\d/.test(word)) return true;
  if (/\d{3,}/.test(word)) return true;
  return word.split(/[-_]+/).some((part) => part.length >= 5 && /\d/.test(part) && /[a-z]/i.test(part));
}

/** A class word or id that names what an element is, and stays with it. */
export function isStableWord(word: string): boolean {
  return word.length <= 100 && PLAIN_IDENTIFIER.test(word) && !looksGenerated(word);
}

/** `data-*` attributes whose name and value describe the element (data-list="members"), not its state or its position. */
function describingData(element: Element): string[] {
  const found: string[] = [];
  for (const { name, value } of Array.from(element.attributes)) {
    if (!name.startsWith('data-') || !PLAIN_IDENTIFIER.test(name) || looksGenerated(name)) continue;
    if (/state|selected|active|expanded|open|focus|hover|checked/i.test(name)) continue;
    if (!/^[A-Za-z][A-Za-z_-]{0,39}$/.test(value) || /^(true|false)$/i.test(value)) continue;
    found.push(`[${name}="${value}"]`);
    if (found.length === 2) break;
  }
  return found;
}

/** One element in a path: `#id` when it has a stable one, else its tag, role, stable class words and describing `data-*`. */
function stepOf(element: Element): string {
  const id = element.getAttribute('id');
  if (id && isStableWord(id)) return `#${id}`;
  let step = element.localName;
  const role = element.getAttribute('role');
  if (role && /^[a-z]{1,30}$/.test(role)) step += `[role="${role}"]`;
  const classes = Array.from(element.classList).filter((name) => !isStateClass(name) && isStableWord(name));
  for (const name of classes.slice(0, 3)) step += `.${name}`;
  return step + describingData(element).join('');
}

/** The elements a selector matches in a root; none for a selector the root refuses. */
export function queryPath(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * A selector that finds the element in its own root (document or shadow root): its own step, then
 * the telling ancestors before it (descendant combinators, so that a wrapper added later does not
 * break it), until it matches this element alone.
 */
export function selectorPath(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const isUnique = (selector: string) => {
    const found = queryPath(root, selector);
    return found.length === 1 && found[0] === element;
  };
  let selector = stepOf(element);
  if (isUnique(selector)) return selector;
  for (let node = element.parentElement; node; node = node.parentElement) {
    const step = stepOf(node);
    if (step === node.localName) continue;
    selector = `${step} ${selector}`;
    if (isUnique(selector)) return selector;
    if (step.startsWith('#')) break;
  }
  return positionalPath(element);
}

/**
 * The last resort when nothing else tells the element from its look-alikes: each step from the
 * nearest id (or the root) with its place among siblings of its tag. It finds the element now, and
 * again as long as the page keeps that order.
 */
function positionalPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const step = stepOf(node);
    if (step.startsWith('#')) {
      steps.unshift(step);
      break;
    }
    const siblings = (node.parentNode as ParentNode | null)?.children ?? [node];
    const sameTag = Array.from(siblings).filter((sibling) => sibling.localName === node!.localName);
    steps.unshift(sameTag.length > 1 ? `${step}:nth-of-type(${sameTag.indexOf(node) + 1})` : step);
  }
  return steps.join(' > ');
}

/** Selector paths of the shadow hosts around an element, from the document down; undefined when it lies too deep. */
export function hostPath(element: Element): string[] | undefined {
  const hosts: string[] = [];
  for (let root = element.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) {
    hosts.unshift(selectorPath(root.host));
    if (hosts.length > MAX_SHADOW_HOSTS) return undefined;
  }
  return hosts;
}

/** The root that holds the container: the document, or the open shadow root at the end of the host path. */
export function rootAt(doc: Document, hosts: readonly string[]): Document | ShadowRoot | undefined {
  let root: Document | ShadowRoot = doc;
  for (const selector of hosts) {
    const shadow: ShadowRoot | null | undefined = queryPath(root, selector).find((host) => host.shadowRoot)?.shadowRoot;
    if (!shadow) return undefined;
    root = shadow;
  }
  return root;
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && !!(node as ShadowRoot).host;
}
