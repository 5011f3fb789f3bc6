import { ListPick } from './list-pick';
import { listAt, pickSummary, sourceFromPick, type FoundList } from './pick';
import { hostPath, isStableWord, selectorPath } from './selector-path';
import type { HeaderTest } from './table';

/**
 * The picker drawn over the page while the admin chooses the list: an outline around the row under
 * the pointer (and a dashed one around its list), an instruction banner, a click that picks and
 * Escape that cancels. It lives outside the page's body in a closed shadow root of its own, so the
 * page's styles cannot reach it and the reader never takes it for part of a roster; it lets every
 * pointer event through to the page underneath (pointer-events: none) and keeps the click from it.
 */

export interface PickerTexts {
  instruction: string;
  notARow: string;
}

export interface PickerEvents {
  picked(pick: ListPick): void;
  cancelled(): void;
}

const HOST_TAG = 'roster-audit-picker';
/** The events of a click, all held back from the page so that its own handlers do not run. */
const CLICK_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'];
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: '0',
  'z-index': '2147483647',
  'pointer-events': 'none',
};
const OVERLAY_STYLE = `
.list, .row { position: fixed; box-sizing: border-box; pointer-events: none; border-radius: 3px; }
.list { outline: 2px dashed #1a73e8; background: rgba(26, 115, 232, 0.04); }
.row { outline: 3px solid #1a73e8; background: rgba(26, 115, 232, 0.14); }
.banner { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); max-width: 90vw; box-sizing: border-box;
  padding: 8px 14px; border-radius: 6px; background: #202124; color: #fff; font: 14px/1.5 system-ui, sans-serif;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); pointer-events: none; }
[hidden] { display: none; }
`;

/** Starts picking on the page; returns what stops it (and removes everything it drew). */
export function startPicker(doc: Document, isHeader: HeaderTest, texts: PickerTexts, events: PickerEvents): () => void {
  const win = doc.defaultView!;
  const host = doc.createElement(HOST_TAG);
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_STYLE;
  const part = (name: string) => {
    const element = doc.createElement('div');
    element.className = name;
    return element;
  };
  const [listBox, rowBox, banner] = [part('list'), part('row'), part('banner')];
  listBox.hidden = rowBox.hidden = true;
  banner.setAttribute('role', 'status');
  banner.textContent = texts.instruction;
  shadow.append(style, listBox, rowBox, banner);
  doc.documentElement.append(host);

  let hovered: FoundList | undefined;
  let hoveredTarget: Element | undefined;
  let frame = 0;
  const draw = () => {
    frame = 0;
    place(listBox, hovered?.source.root);
    place(rowBox, hovered?.row);
  };
  const redraw = () => {
    frame ||= win.requestAnimationFrame(draw);
  };

  const onOver = (event: Event) => {
    const target = targetOf(event);
    if (!target || target === hoveredTarget) return;
    hoveredTarget = target;
    hovered = listAt(target, isHeader);
    redraw();
  };
  const onClick = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click') return;
    const target = targetOf(event);
    const found = target && listAt(target, isHeader);
    const pick = found && describePick(found, isHeader);
    if (!pick) {
      banner.textContent = texts.notARow;
      return;
    }
    stop();
    events.picked(pick);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    stop();
    events.cancelled();
  };

  const listeners: [string, EventListener][] = [
    ['mouseover', onOver],
    ...CLICK_EVENTS.map((type): [string, EventListener] => [type, onClick]),
    ['keydown', onKey as EventListener],
    ['scroll', redraw],
    ['resize', redraw],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  const stop = () => {
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
    if (frame) win.cancelAnimationFrame(frame);
    host.remove();
  };
  return stop;
}

/** The element the event happened on, inside open shadow roots too. */
function targetOf(event: Event): Element | undefined {
  const first = event.composedPath()[0] as Node | undefined;
  if (!first) return undefined;
  return first.nodeType === 1 ? (first as Element) : (first.parentElement ?? undefined);
}

function place(box: HTMLElement, element: Element | undefined): void {
  box.hidden = !element;
  if (!element) return;
  const rect = element.getBoundingClientRect();
  Object.assign(box.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
}

/** The choice as data, described by the list found again from it (so that what is kept is known to work). */
export function describePick(found: FoundList, isHeader: HeaderTest): ListPick | undefined {
  const container = found.source.root;
  const hosts = hostPath(container);
  if (!hosts) return undefined;
  const draft = {
    kind: found.source.kind,
    hosts,
    container: selectorPath(container),
    ...(found.shape ? { item: { tag: found.shape.tag, classes: found.shape.classes.filter(isStableWord).slice(0, 10) } } : {}),
    caption: '',
    rows: 0,
  };
  const parsed = ListPick.safeParse(draft);
  if (!parsed.success) return undefined;
  const again = sourceFromPick(container.ownerDocument, parsed.data, isHeader);
  return { ...parsed.data, ...pickSummary(again ?? found.source) };
}
