// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { beforeEach, describe, expect, it } from 'vitest';
import { generic } from '../../../lib/consoles/generic';
import { lineworksContacts } from '../../../lib/consoles/lineworks-contacts';
import { lineworksMembers } from '../../../lib/consoles/lineworks-members';
import { inspectPage } from '../../../lib/scan';
import { chooseTenant, readTenantCues } from '../../../lib/scan/tenant-cues';
import { html } from './hooks';

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

const CONTACTS = `<div class="ContactList_head">名前 メール</div><ul>
  <li>田中 一郎 <span>tanaka@alpha-shoji.co.jp</span></li><li>鈴木 二郎 <span>suzuki@alpha-shoji.co.jp</span></li><li>佐藤 三郎 <span>sato@beta-logi.jp</span></li></ul>`;

describe('readTenantCues', () => {
  it("reads the signed-in admin's address from the header, in text or in an account icon's title", () => {
    html(`<header><a href="#">LINE WORKS</a><span class="account">admin@examplecorp.co.jp</span></header>${CONTACTS}`);
    expect(readTenantCues(document, lineworksContacts)).toEqual({ adminAddress: 'admin@examplecorp.co.jp' });
    html(`<div class="App_topBar"><button title="ログイン中: it-admin@examplecorp.co.jp">IT</button></div>${CONTACTS}`);
    expect(readTenantCues(document, lineworksContacts).adminAddress).toBe('it-admin@examplecorp.co.jp');
  });

  it("never takes a roster row's address for the admin's", () => {
    html(
      `<table><thead class="table-header"><tr><th>氏名</th><th>メール</th></tr></thead><tbody><tr><td>山田</td><td>yamada@partner.jp</td></tr></tbody></table>`,
    );
    expect(readTenantCues(document, generic)).toEqual({});
  });

  it("reads the tenant's name where the profile says, and its domain when the name is one", () => {
    html(`<header><span class="tenant">株式会社エグザンプル</span></header>`);
    expect(readTenantCues(document, lineworksMembers)).toEqual({ tenantName: '株式会社エグザンプル' });
    html(`<header><span data-tenant="examplecorp.co.jp">エグザンプル</span></header>`);
    expect(readTenantCues(document, lineworksContacts)).toEqual({ tenantName: 'examplecorp.co.jp', tenantDomain: 'examplecorp.co.jp' });
  });
});

describe('chooseTenant', () => {
  const rows = [
    { name: 'a', identifier: 'a@alpha-shoji.co.jp' },
    { name: 'b', identifier: 'b@alpha-shoji.co.jp' },
  ];
  it("takes a contacts roster's tenant from the signed-in admin, never from a contact's domain", () => {
    expect(chooseTenant({ adminAddress: 'admin@examplecorp.co.jp' }, 'lineworks-contacts', rows, 'https://contact.worksmobile.com/')).toBe('examplecorp.co.jp');
    expect(chooseTenant({}, 'lineworks-contacts', rows, 'https://contact.worksmobile.com/')).toBe('contact.worksmobile.com');
  });
  it("takes a member roster's tenant from the most common domain when the page names none", () => {
    expect(chooseTenant({}, 'generic', rows, 'https://intranet.example.test/')).toBe('alpha-shoji.co.jp');
    expect(chooseTenant({ tenantName: '株式会社エグザンプル', adminAddress: 'x@examplecorp.co.jp' }, 'generic', rows, 'https://x.test/')).toBe(
      '株式会社エグザンプル',
    );
  });
  it('goes through inspectPage: the cues travel with the tenant', () => {
    html(`<header><span class="account" aria-label="admin@examplecorp.co.jp">A</span></header>
      <table><thead><tr><th>氏名</th><th>メール</th></tr></thead><tbody><tr><td>山田</td><td>yamada@partner.jp</td></tr><tr><td>佐藤</td><td>sato@partner.jp</td></tr></tbody></table>`);
    const inspected = inspectPage(document, 'https://intranet.example.test/people', profileFor(document, 'https://intranet.example.test/people'));
    expect(inspected.cues).toEqual({ adminAddress: 'admin@examplecorp.co.jp' });
    expect(inspected.tenant).toBe('examplecorp.co.jp');
  });
});
