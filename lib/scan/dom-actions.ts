export function isSelected(element: Element): boolean {
  return (
    element.getAttribute('aria-selected') === 'true' ||
    element.getAttribute('aria-current') === 'page' ||
    /(^|[\s_-])(active|selected|current)($|[\s_-])/i.test(element.getAttribute('class') ?? '')
  );
}

export function isBusy(root: Element): boolean {
  return !!root.closest('[aria-busy=true]') || !!root.querySelector('[aria-busy=true]');
}

/** Where a change shows up: the shadow root holding the list, else the document body. */
export function changeRoot(root: Element): Node {
  const top = root.getRootNode();
  return top.nodeType === 11 ? top : (root.ownerDocument.body ?? root.ownerDocument);
}

export function clickElement(element: Element): void {
  const clickable = element as Partial<HTMLElement>;
  if (typeof clickable.click === 'function') clickable.click();
  else element.dispatchEvent(new (element.ownerDocument.defaultView?.MouseEvent ?? MouseEvent)('click', { bubbles: true, cancelable: true }));
}

/** A press as a pointer makes it: custom selects (antd, MUI) open on the pointer's down, not on a click. */
export function pressElement(element: Element): void {
  const view = element.ownerDocument.defaultView;
  const MouseEventClass = view?.MouseEvent ?? MouseEvent;
  const PointerEventClass = view?.PointerEvent ?? MouseEventClass;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const init = { bubbles: true, cancelable: true, composed: true, button: 0, buttons: type.endsWith('down') ? 1 : 0 };
    element.dispatchEvent(
      type.startsWith('pointer')
        ? new PointerEventClass(type, { ...init, pointerType: 'mouse', isPrimary: true } as PointerEventInit)
        : new MouseEventClass(type, init),
    );
  }
}

export function pressEscape(target: Element): void {
  const view = target.ownerDocument.defaultView;
  const KeyboardEventClass = view?.KeyboardEvent ?? KeyboardEvent;
  for (const node of [target, target.ownerDocument]) {
    node.dispatchEvent(new KeyboardEventClass('keydown', { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, cancelable: true } as KeyboardEventInit));
  }
}
