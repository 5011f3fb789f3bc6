import type { Member } from '../../../lib/model';
import { makeRoster, type MemberOverrides } from '../db/factory';

/** A small roster with every case the filters and sorts must tell apart. */
export const PEOPLE: MemberOverrides[] = [
  { name: 'Yamada Taro', normalizedEmail: 'taro@example.co.jp' },
  { name: 'Suzuki Hanako', normalizedEmail: 'hanako@partner.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
  { name: 'Ito Jiro', normalizedEmail: 'jiro@partner.example', linkStatus: 'linked', findingIds: ['external-domain'] },
  { name: 'Abe Saburo', normalizedEmail: 'saburo@example.co.jp', findingIds: ['not-activated'] },
  { name: '名無し', normalizedEmail: '', key: 'name:名無し', domain: '', identifier: '' },
  { name: 'Kato Shiro', normalizedEmail: 'shiro@other.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
  // Equal sort values keep roster order.
  { name: 'Same Name', normalizedEmail: 'same1@partner.example', findingIds: ['external-domain', 'zoom-unset'] },
  { name: 'Same Name', normalizedEmail: 'same2@example.co.jp', email: 'ＳＡＭＥ２＠ＥＸＡＭＰＬＥ.co.jp', domainDisplay: 'example.co.jp' },
  { name: 'ｶﾀｶﾅ Kana', normalizedEmail: 'kana@xn--eckwd4c7c.jp', domainDisplay: 'ドメイン.jp', findingIds: ['not-in-directory'] },
];

export function peopleRoster(id = 's1', people: MemberOverrides[] = PEOPLE): { snapshot: ReturnType<typeof makeRoster>['snapshot']; members: Member[] } {
  return makeRoster({ id }, people);
}
