import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'contact-shared-only',
  severity: 'warning',
  title: { ja: '連絡先の共有のみ(外部連携なし)', en: 'Shared contact only (not linked)' },
  explanation: {
    ja: '「他のメンバーがトークできる連絡先です」と表示される、連絡先の共有だけの状態です。外部グループのトークルームでの会話やメールはできますが、1:1のトーク、無料通話、外部グループへの招待はできません。アドレス帳から外部連携してください。',
    en: 'Only a shared contact ("a contact other members can talk to"). You can talk in an external group room or send email, but not start a 1:1 talk, make a free call or invite them to an external group. Link them externally from the address book.',
  },
  check: (member) => member.linkStatus === 'shared-only' && {},
});
