import { describe, expect, it } from 'vitest';
import { availableColumns, NATURAL_LAYOUT, visibleColumns } from '../../../lib/member-table/columns';
import {
  applyView,
  deleteView,
  forgetMemberTables,
  loadLayout,
  loadViews,
  renameView,
  saveLayout,
  saveView,
  VIEWS_MAX,
  viewOf,
  type SavedView,
  type TableState,
  type ViewTarget,
} from '../../../lib/member-table/saved-views';
import type { KeyValueArea } from '../../../lib/pick-memory';

function memoryArea(): KeyValueArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: (key) => Promise.resolve(key === null ? { ...items } : key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: (more) => Promise.resolve(void Object.assign(items, structuredClone(more))),
    remove: (keys) => Promise.resolve(void [keys].flat().forEach((key) => delete items[key])),
  };
}

const contacts = availableColumns(true);
const members = availableColumns(false);

const state: TableState = {
  filter: { classification: 'external', findingId: 'contact-shared-only', linkStatus: 'shared-only', domain: 'partner.example' },
  text: 'taro',
  sort: { field: 'domain', direction: 'desc' },
  layout: { hidden: ['index'], widths: { name: 240, link: 150 } },
};

const contactsTarget: ViewTarget = {
  columns: contacts,
  findings: { 'contact-shared-only': 3 },
  domains: new Set(['partner.example']),
  withLinkStatus: true,
};

const view = (name: string, at = 1): SavedView => viewOf(name, state, visibleColumns(contacts, state.layout), at);

describe('saved views', () => {
  it('applies a view to an audit that has all it names exactly as it was saved', () => {
    const applied = applyView(view('Shared partners'), contactsTarget);
    expect(applied).toEqual({ ...state, skipped: [] });
  });

  it('applies a view as far as an audit allows, and says what it skipped', () => {
    const target: ViewTarget = { columns: members, findings: { 'external-domain': 2 }, domains: new Set(['example.co.jp']), withLinkStatus: false };
    const applied = applyView(view('Shared partners'), target);
    expect(applied.filter).toEqual({ classification: 'external' });
    expect(applied.text).toBe('taro');
    expect(applied.sort).toEqual({ field: 'domain', direction: 'desc' });
    expect(applied.layout).toEqual({ hidden: ['index'], widths: { name: 240 } });
    expect(applied.skipped).toEqual([
      { kind: 'link-status' },
      { kind: 'finding', finding: 'contact-shared-only' },
      { kind: 'domain', domain: 'partner.example' },
      { kind: 'column', column: 'link' },
    ]);
  });

  it('skips what this version does not know rather than refusing the view', () => {
    const future: SavedView = {
      ...view('From a later version'),
      filter: { classification: 'partner', findingId: 'some-new-rule' },
      sort: { field: 'joinedAt', direction: 'asc' },
      columns: ['name', 'department'],
      widths: { department: 100, name: 9999 },
    };
    const applied = applyView(future, contactsTarget);
    expect(applied.filter).toEqual({});
    expect(applied.sort).toEqual({ field: 'index', direction: 'asc' });
    expect(applied.layout.widths).toEqual({ name: 800 });
    expect(applied.layout.hidden).toEqual(['index', 'identifier', 'domain', 'classification', 'link', 'findings']);
    expect(applied.skipped).toEqual([{ kind: 'unknown-value' }, { kind: 'unknown-finding' }, { kind: 'sort' }, { kind: 'unknown-column' }]);
  });

  it('saves, replaces by name, renames and deletes the views of one console', async () => {
    const area = memoryArea();
    expect(await saveView(area, 'lineworks-contacts', view('  Partners  '))).toMatchObject({ ok: true, views: [{ name: 'Partners' }] });
    await saveView(area, 'lineworks-contacts', view('Alpha'));
    // Another console's views are its own.
    expect(await loadViews(area, 'lineworks-members')).toEqual([]);
    // Saving again under the same name (case and width aside) replaces it.
    await saveView(area, 'lineworks-contacts', { ...view('ＰＡＲＴＮＥＲＳ', 2), text: 'hanako' });
    const saved = await loadViews(area, 'lineworks-contacts');
    expect(saved.map((v) => [v.name, v.text])).toEqual([
      ['Alpha', 'taro'],
      ['ＰＡＲＴＮＥＲＳ', 'hanako'],
    ]);
    expect(await renameView(area, 'lineworks-contacts', 'Alpha', 'partners')).toEqual({ ok: false, problem: 'taken' });
    expect(await renameView(area, 'lineworks-contacts', 'Alpha', '   ')).toEqual({ ok: false, problem: 'empty' });
    expect(await renameView(area, 'lineworks-contacts', 'Gone', 'Beta')).toEqual({ ok: false, problem: 'missing' });
    expect(await renameView(area, 'lineworks-contacts', 'Alpha', 'Beta')).toMatchObject({ ok: true, views: [{ name: 'Beta' }, { name: 'ＰＡＲＴＮＥＲＳ' }] });
    expect(await deleteView(area, 'lineworks-contacts', 'Beta')).toMatchObject({ ok: true, views: [{ name: 'ＰＡＲＴＮＥＲＳ' }] });
    expect(await deleteView(area, 'lineworks-contacts', 'Beta')).toEqual({ ok: false, problem: 'missing' });
  });

  it('refuses a name it cannot keep, and more views than a console may hold', async () => {
    const area = memoryArea();
    expect(await saveView(area, 'lineworks-members', view(''))).toEqual({ ok: false, problem: 'empty' });
    expect(await saveView(area, 'lineworks-members', view('x'.repeat(81)))).toEqual({ ok: false, problem: 'too-long' });
    for (let i = 0; i < VIEWS_MAX; i++) await saveView(area, 'lineworks-members', view(`View ${i}`));
    expect(await saveView(area, 'lineworks-members', view('One more'))).toEqual({ ok: false, problem: 'too-many' });
    // Replacing one still works at the limit.
    expect((await saveView(area, 'lineworks-members', view('View 7', 9))).ok).toBe(true);
  });

  it('reads only what parses as a view, and keeps the column layout per console', async () => {
    const area = memoryArea();
    area.items['member-table-views|lineworks-members'] = [{ name: 'broken' }, view('Fine'), 'junk'];
    expect((await loadViews(area, 'lineworks-members')).map((v) => v.name)).toEqual(['Fine']);
    area.items['member-table-views|chatwork-users'] = 'not a list';
    expect(await loadViews(area, 'chatwork-users')).toEqual([]);

    expect(await loadLayout(area, 'lineworks-members')).toEqual(NATURAL_LAYOUT);
    await saveLayout(area, 'lineworks-members', { hidden: ['domain'], widths: { name: 300 } });
    expect(await loadLayout(area, 'lineworks-members')).toEqual({ hidden: ['domain'], widths: { name: 300 } });
    expect(await loadLayout(area, 'lineworks-contacts')).toEqual(NATURAL_LAYOUT);
    area.items['member-table-layout|chatwork-users'] = { hidden: 'all' };
    expect(await loadLayout(area, 'chatwork-users')).toEqual(NATURAL_LAYOUT);

    area.items['pick|other'] = 1;
    await forgetMemberTables(area);
    expect(Object.keys(area.items)).toEqual(['pick|other']);
  });
});
