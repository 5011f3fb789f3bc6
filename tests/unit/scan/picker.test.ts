// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectPage } from '../../../lib/scan';
import type { ListPick } from '../../../lib/scan/list-pick';
import { startPicker } from '../../../lib/scan/picker';
import { readerFor } from '../../../lib/scan/rank';
import { html, URL_HERE } from './hooks';

const TEXTS = { instruction: 'Click any row of the list.', notARow: 'That is not a row.' };
const cards = ['Ann Abe', 'Bob Baba', 'Cy Chiba']
  .map((name) => `<li class="person"><h3 class="person__name">${name}</h3><a href="mailto:${name.split(' ')[0]!.toLowerCase()}@example.com">mail</a></li>`)
  .join('');

/** A running picker, with its closed shadow root caught for the test's eyes only. */
function start() {
  let overlay: ShadowRoot | undefined;
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    overlay = attach.call(this, init);
    return overlay;
  });
  const picked: ListPick[] = [];
  let cancelled = 0;
  const stop = startPicker(document, readerFor(profileFor(document, URL_HERE)).isHeader, TEXTS, {
    picked: (pick) => picked.push(pick),
    cancelled: () => cancelled++,
  });
  spy.mockRestore();
  const host = document.querySelector('roster-audit-picker')!;
  return { stop, picked, cancelled: () => cancelled, host, overlay: overlay!, banner: () => overlay!.querySelector('.banner')!.textContent };
}

const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  document.querySelector('roster-audit-picker')?.remove();
});

describe('the picker over the page', () => {
  it('draws in a closed shadow root outside the body, which the reader never reads', () => {
    html(`<h2>Team</h2><ul class="team">${cards}</ul>`);
    const before = inspectPage(document, URL_HERE, profileFor(document, URL_HERE));
    const picker = start();
    expect(picker.host.parentElement).toBe(document.documentElement);
    expect(picker.host.shadowRoot).toBeNull();
    expect(picker.banner()).toBe(TEXTS.instruction);
    expect(inspectPage(document, URL_HERE, profileFor(document, URL_HERE))).toEqual(before);
    picker.stop();
    expect(document.querySelector('roster-audit-picker')).toBeNull();
  });

  it('outlines the row under the pointer', async () => {
    html(`<ul class="team">${cards}</ul>`);
    const picker = start();
    document.querySelectorAll('.person__name')[1]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect((picker.overlay.querySelector('.row') as HTMLElement).hidden).toBe(false);
    picker.stop();
  });

  it('picks at a click, which the page itself never hears, and goes away', () => {
    html(`<ul class="team">${cards}</ul>`);
    const pageHeard = vi.fn();
    document.querySelector('.person')!.addEventListener('click', pageHeard);
    const picker = start();
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    document.querySelector('.person__name')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(pageHeard).not.toHaveBeenCalled();
    expect(picker.picked).toEqual([expect.objectContaining({ kind: 'list', container: 'ul.team', rows: 3 })]);
    expect(document.querySelector('roster-audit-picker')).toBeNull();
  });

  it('says so at a click on no row, and keeps picking', () => {
    html(`<p class="notice">Closed on Monday.</p><ul class="team">${cards}</ul>`);
    const picker = start();
    click(document.querySelector('.notice')!);
    expect(picker.picked).toEqual([]);
    expect(picker.banner()).toBe(TEXTS.notARow);
    click(document.querySelector('.person__name')!);
    expect(picker.picked).toHaveLength(1);
  });

  it('picks inside an open shadow root', () => {
    html('<staff-list></staff-list>');
    const shadow = document.querySelector('staff-list')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<ul class="team">${cards}</ul>`;
    const picker = start();
    click(shadow.querySelector('.person__name')!);
    expect(picker.picked).toEqual([expect.objectContaining({ hosts: ['staff-list'], container: 'ul.team' })]);
  });

  it('cancels on Escape and removes everything', () => {
    html(`<ul class="team">${cards}</ul>`);
    const picker = start();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(picker.cancelled()).toBe(1);
    expect(document.querySelector('roster-audit-picker')).toBeNull();
    click(document.querySelector('.person__name')!);
    expect(picker.picked).toEqual([]);
  });
});
