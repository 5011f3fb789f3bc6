import { isLineUserRow } from '../../classify';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'line-user',
  severity: 'info',
  title: { ja: 'LINEユーザー', en: 'LINE user' },
  explanation: {
    ja: 'LINE(個人向けアプリ)のアカウントで、LINE WORKSのIDを持たないため常に顧客/取引先です。社内のやり取りに使っている場合は、社内ドメインのIDを発行してください。',
    en: 'A LINE (consumer app) account without a LINE WORKS ID, so always a customer/partner. If this person works with you internally, issue them an ID on an internal domain.',
  },
  check: (member) => isLineUserRow(member) && {},
});
