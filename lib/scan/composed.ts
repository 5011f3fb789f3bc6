/**
 * The tree as rendered: a shadow host shows its shadow root, a `<slot>` shows the light-DOM nodes
 * assigned to it. Web-component grids keep their cells in light DOM and project them through
 * slots, so the element tree alone puts every cell beside every other under the host.
 */

function isSlot(element: Element): element is HTMLSlotElement {
  return element.tagName === 'SLOT' && typeof (element as HTMLSlotElement).assignedNodes === 'function';
}

/** The nodes a slot shows: those assigned to it, else its fallback content. */
export function slotNodes(slot: Element): Node[] {
  if (!isSlot(slot)) return Array.from(slot.childNodes);
  const assigned = slot.assignedNodes({ flatten: true });
  return assigned.length > 0 ? assigned : Array.from(slot.childNodes);
}

/** The slot an element is assigned to, found by name where the DOM does not say (older or partial implementations). */
function assignedSlotOf(element: Element): Element | null {
  const said = (element as Partial<HTMLElement>).assignedSlot;
  if (said !== undefined) return said;
  const shadow = element.parentElement?.shadowRoot;
  if (!shadow) return null;
  const name = element.getAttribute('slot') ?? '';
  return Array.from(shadow.querySelectorAll('slot')).find((slot) => (slot.getAttribute('name') ?? '') === name) ?? null;
}

/** Where an element is drawn: in the slot it is assigned to, else in its parent or shadow host. */
export function composedParent(element: Element): Element | null {
  const slot = assignedSlotOf(element);
  if (slot) return slot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode?.() as ShadowRoot | undefined;
  return root && root.nodeType === 11 && root.host ? root.host : null;
}

/** The child nodes as drawn: a host's shadow root, a slot's assigned nodes, else the children. */
export function composedChildNodes(node: Node): Node[] {
  if (node.nodeType !== 1) return Array.from(node.childNodes);
  const element = node as Element;
  if (element.shadowRoot) return Array.from(element.shadowRoot.childNodes);
  if (element.tagName === 'SLOT') return slotNodes(element);
  return Array.from(element.childNodes);
}

/** The child elements as drawn. */
export function composedChildren(element: Element): Element[] {
  if (!element.shadowRoot && element.tagName !== 'SLOT') return Array.from(element.children);
  return composedChildNodes(element).filter((node): node is Element => node.nodeType === 1);
}

/** True when the element's subtree draws something through a slot (so textContent misses it). */
export function drawsSlots(element: Element): boolean {
  return element.tagName === 'SLOT' || element.getElementsByTagName('slot').length > 0;
}

/** The text the element shows, slotted content included, in drawing order. */
export function composedText(element: Element): string {
  if (!drawsSlots(element) && !element.shadowRoot) return element.textContent ?? '';
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
      for (const child of composedChildNodes(node)) visit(child);
    }
  };
  visit(element);
  return text;
}
