import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'not-in-directory',
  severity: 'warning',
  title: { ja: '他の名簿にいない', en: 'Not in the other directory' },
  explanation: {
    ja: 'この名簿にはいますが、比較したもう一方の名簿(例: LINE WORKSのメンバー一覧)にはメールアドレスが一致する人がいません。退職者の残存アカウントや登録漏れの可能性があります。',
    en: 'Present in this roster but no one with the same email is in the roster compared against (e.g. the LINE WORKS member list): a leftover account of someone who left, or someone never registered there.',
  },
  // Found by joining two snapshots by email, never from one roster alone: the join attaches this rule's texts and severity.
  check: () => false,
});
