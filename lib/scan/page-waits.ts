/**
 * How the reader waits on a live page: on the page's own changes (MutationObserver) and on tasks
 * (MessageChannel), never on timers but for an upper bound. The extension's scanner and the
 * benchmarks use these same waits.
 */

/** Tasks in a row with changes before a change counts as done anyway (a page that never stops changing). */
const MAX_BUSY_TASKS = 50;

/**
 * One turn of the page's event loop. A message, not a timer: a background tab holds timers back
 * to once a second (and far longer after a while), which would make a long read crawl.
 */
export function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The next animation frame, or a task if no frame comes soon (a page that stopped drawing). */
function nextFrameOrTask(view: Window): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    view.requestAnimationFrame(() => done());
    // Frames can stop even on a visible page (an occluded window): a bound, not a wait.
    setTimeout(done, 50);
  });
}

/**
 * Resolves once the page has changed and finished changing (a task passed with no further change)
 * and `settled()` holds, when given; never past the timeout.
 */
export function waitForChange(root: Node, timeoutMs: number, settled?: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let changedAgain = false;
    let watching = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(deadline);
      resolve();
    };
    const view = (root.ownerDocument ?? (root as Document)).defaultView;
    const watchUntilQuiet = async () => {
      if (watching) return;
      watching = true;
      for (let tasks = 0; tasks < MAX_BUSY_TASKS && !done; tasks++) {
        changedAgain = false;
        await nextTask();
        // Grids that draw a batch of rows per frame are done only when a frame passes unchanged
        // (a visible page; a hidden one draws no frames, and waits by tasks alone).
        if (!changedAgain && view?.document.visibilityState === 'visible') await nextFrameOrTask(view);
        if (!changedAgain) break;
      }
      watching = false;
      if (!settled || settled()) finish();
    };
    const observer = new MutationObserver(() => {
      changedAgain = true;
      void watchUntilQuiet();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    const deadline = setTimeout(finish, timeoutMs);
    if (settled?.()) finish();
  });
}
