import { describe, expect, it } from 'vitest';
import { forgetAllPicks, forgetPick, pagePattern, recallPick, rememberPick, type KeyValueArea } from '../../lib/pick-memory';
import type { ListPick } from '../../lib/scan/list-pick';

/** storage.local as a map. */
function memoryArea(): KeyValueArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (key === null ? Object.fromEntries(items) : items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([key, value]) => items.set(key, value)),
    remove: async (keys) => void [keys].flat().forEach((key) => items.delete(key)),
  };
}

const pick: ListPick = { kind: 'list', caption: 'Team', rows: 4, hosts: [], container: 'ul.team', item: { tag: 'LI', classes: ['person'] } };

describe('remembering the chosen list', () => {
  it('generalises digit runs and UUID-like segments of the path, and drops the query and fragment', () => {
    expect(pagePattern('https://admin.example.com/orgs/12/members?page=3#top')).toBe('https://admin.example.com/orgs/#/members');
    expect(pagePattern('https://app.example.com/t/3f2a9c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b/users')).toBe('https://app.example.com/t/*/users');
    expect(pagePattern('https://app.example.com/w/64b7f0c2a1e4d3b2c1a09f8e/people/page-2.html')).toBe('https://app.example.com/w/*/people/page-#.html');
    expect(pagePattern('not a url')).toBeUndefined();
  });

  it('holds a choice for one console profile on pages of one pattern', async () => {
    const area = memoryArea();
    await rememberPick(area, 'generic', 'https://intranet.example.com/projects/12/team', pick);
    expect(await recallPick(area, 'generic', 'https://intranet.example.com/projects/40/team?tab=2')).toEqual(pick);
    expect(await recallPick(area, 'generic', 'https://intranet.example.com/projects/40/log')).toBeUndefined();
    expect(await recallPick(area, 'generic', 'https://other.example.com/projects/12/team')).toBeUndefined();
    expect(await recallPick(area, 'lineworks-members', 'https://intranet.example.com/projects/12/team')).toBeUndefined();
    await forgetPick(area, 'generic', 'https://intranet.example.com/projects/7/team');
    expect(await recallPick(area, 'generic', 'https://intranet.example.com/projects/12/team')).toBeUndefined();
  });

  it('ignores what is stored when it is not a choice', async () => {
    const area = memoryArea();
    await rememberPick(area, 'generic', 'https://intranet.example.com/team', pick);
    const [key] = area.items.keys();
    area.items.set(key!, { ...pick, container: 'div:has(script)' });
    expect(await recallPick(area, 'generic', 'https://intranet.example.com/team')).toBeUndefined();
  });

  it('forgets every choice at once, and nothing else', async () => {
    const area = memoryArea();
    area.items.set('other-setting', 1);
    await rememberPick(area, 'generic', 'https://a.example.com/team', pick);
    await rememberPick(area, 'generic', 'https://b.example.com/team', pick);
    await forgetAllPicks(area);
    expect([...area.items.keys()]).toEqual(['other-setting']);
  });
});
