import { plusAddressBase } from '../../identity/normalize';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'alias-address',
  severity: 'info',
  title: { ja: 'エイリアス(+付き)アドレス', en: 'Alias (plus) address' },
  explanation: {
    ja: '「名前+タグ@ドメイン」形式のアドレスです。同じ人の別アドレスかもしれませんが、別人の可能性もあるため自動ではまとめません。意図した登録か確認してください。',
    en: 'A "name+tag@domain" address. It may be another address of the same person, but it is never merged automatically; check that it was registered on purpose.',
  },
  check(member) {
    const base = plusAddressBase(member.normalizedEmail);
    return base !== null && { detail: base };
  },
});
