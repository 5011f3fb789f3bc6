/**
 * A number that moves whenever anything under a node changes, so that what the reader derives from
 * a large subtree (a 10,000-row table's rows, the page's controls) is computed once per change
 * instead of once per look. Pending mutation records are taken synchronously: a change made earlier
 * in the same task counts. Nodes are watched only while a scan runs (`whileWatchingChanges`), so
 * the admin's page keeps no observer of ours.
 */
interface Watch {
  observer: MutationObserver;
  version: number;
}

const watched = new Map<Node, Watch>();
/** Versions are drawn from one clock, so a version never repeats, even across watches of one node. */
let clock = 0;
let scans = 0;

/** Undefined outside a scan, and where nothing can observe the node (a document parsed for reading has no window). */
export function changeVersion(node: Node): number | undefined {
  if (scans === 0) return undefined;
  let watch = watched.get(node);
  if (!watch) {
    const Observer = (node.ownerDocument ?? (node as Document)).defaultView?.MutationObserver;
    if (!Observer) return undefined;
    const created: Watch = { observer: new Observer(() => void (created.version = ++clock)), version: ++clock };
    created.observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
    watched.set(node, created);
    watch = created;
  }
  if (watch.observer.takeRecords().length > 0) watch.version = ++clock;
  return watch.version;
}

/** Runs a scan with changes watched; every watch ends with the last scan running. */
export async function whileWatchingChanges<T>(scan: () => Promise<T>): Promise<T> {
  scans++;
  try {
    return await scan();
  } finally {
    if (--scans === 0) {
      for (const watch of watched.values()) watch.observer.disconnect();
      watched.clear();
    }
  }
}
