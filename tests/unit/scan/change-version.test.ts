import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { changeVersion, whileWatchingChanges } from '../../../lib/scan/change-version';

function page() {
  const { document } = parseHTML('<!doctype html><html><body><table><tbody><tr><td>a</td></tr></tbody></table></body></html>');
  return { document, table: document.querySelector('table')! };
}

describe('change versions', () => {
  it('are undefined outside a scan: nothing is cached, nothing is watched', () => {
    expect(changeVersion(page().table)).toBeUndefined();
  });

  it('stay while nothing changes and move on the change, seen in the same task', async () => {
    const { document, table } = page();
    await whileWatchingChanges(async () => {
      const first = changeVersion(table);
      expect(first).toBeDefined();
      expect(changeVersion(table)).toBe(first);
      table.querySelector('td')!.textContent = 'b';
      const second = changeVersion(table);
      expect(second).not.toBe(first);
      table.querySelector('tbody')!.appendChild(document.createElement('tr'));
      const third = changeVersion(table);
      expect(third).not.toBe(second);
      table.setAttribute('aria-busy', 'true');
      expect(changeVersion(table)).not.toBe(third);
    });
  });

  it('never repeat across scans, so a cache from an earlier scan is never taken for current', async () => {
    const { table } = page();
    const earlier = await whileWatchingChanges(async () => changeVersion(table));
    expect(changeVersion(table)).toBeUndefined();
    const later = await whileWatchingChanges(async () => changeVersion(table));
    expect(later).not.toBe(earlier);
  });
});
