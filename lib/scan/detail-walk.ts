import type { ContactDetail, DetailWalk } from './profile';
import type { MemberRow } from '../model';
import { clickElement, isBusy, pressEscape } from './dom-actions';
import { cleanText } from './text';

const DETAIL_TIMEOUT_MS = 2000;

/** A row whose detail is still to be read: the row as the list shows it, its element, its identity. */
export interface PendingRow {
  row: MemberRow;
  element: Element;
  key: string;
}

/** What the walk needs from the scan that runs it. */
export interface WalkHost {
  doc: Document;
  listRoot(): Element;
  checkStop(): void;
  settle<T>(root: Node, timeoutMs: number, probe: () => T | undefined): Promise<T | undefined>;
  /** The row's element now (the list may have re-rendered since it was read). */
  rowElement(item: PendingRow): Element | undefined;
  /** Called after a detail closed: the list may have re-rendered. */
  afterClose(): void;
  emit(rows: MemberRow[]): void;
  breathe(): Promise<void>;
}

/** Opens each contact in turn, reads what its detail says, and closes it again. */
export async function walkDetails(walk: DetailWalk, pending: readonly PendingRow[], host: WalkHost): Promise<void> {
  const body = host.doc.body ?? host.doc;
  let name = '';
  const findDetail = () => walk.findDetail(host.doc, host.listRoot(), name);
  let previous: { detail?: Element; text: string } = { text: '' };
  for (const item of pending) {
    host.checkStop();
    const element = host.rowElement(item);
    let row = item.row;
    name = row.name;
    if (element) {
      // The detail counts once it shows this contact, done loading, and is not the last one still
      // on screen (another panel, other text, or a load seen in between).
      let loadSeen = false;
      const shownDetail = () => {
        const detail = findDetail();
        if (!detail) return undefined;
        if (isBusy(detail)) {
          loadSeen = true;
          return undefined;
        }
        const text = cleanText(detail.textContent);
        const fresh = loadSeen || detail !== previous.detail || text !== previous.text;
        return fresh && showsRow(text, item.row) ? detail : undefined;
      };
      clickElement(walk.opener(element));
      const detail = await host.settle(body, DETAIL_TIMEOUT_MS, shownDetail);
      if (detail) {
        previous = { detail, text: cleanText(detail.textContent) };
        row = withDetail(row, walk.read(detail));
        // A dialog is closed before the next contact; a pane beside the list stays and is refilled.
        if (isDialog(detail)) {
          const closer = walk.closer(detail);
          if (closer) clickElement(closer);
          else pressEscape(detail);
          await host.settle(body, DETAIL_TIMEOUT_MS, () => (findDetail() ? undefined : true));
        }
        host.afterClose();
      }
    }
    host.emit([row]);
    await host.breathe();
  }
}

function isDialog(element: Element): boolean {
  return !!element.closest('[role=dialog], [role=alertdialog], [aria-modal=true], dialog');
}

/** A detail shows the row's contact when it names the person or shows the identifier. */
function showsRow(detailText: string, row: MemberRow): boolean {
  const marks = [row.name, row.identifier].filter(Boolean);
  return marks.length === 0 || marks.some((mark) => detailText.includes(mark));
}

export function withDetail(row: MemberRow, detail: ContactDetail): MemberRow {
  const next: MemberRow = { ...row, fields: { ...row.fields } };
  if (detail.linkStatus && detail.linkStatus !== 'unknown') next.linkStatus = detail.linkStatus;
  // A LINE badge in the list or in the detail marks a LINE user; a detail drawn without one is no proof otherwise.
  if (detail.isLineUser !== undefined) next.isLineUser = detail.isLineUser || row.isLineUser === true;
  if (detail.contactKind) next.fields = { ...next.fields, contactKind: next.isLineUser ? 'line' : detail.contactKind };
  // As in a list row: the ID identifies the contact, else the address it shows.
  if (!next.identifier) next.identifier = detail.identifier || detail.email || '';
  if (!next.email && detail.email && detail.email !== next.identifier) next.email = detail.email;
  return next;
}
