import { hasAccountState } from '../account-status';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'not-activated',
  severity: 'warning',
  title: { ja: '未利用開始(招待中・初回ログイン前)', en: 'Not activated' },
  explanation: {
    ja: '招待中・登録待ち・初回ログイン前などで、まだ利用を始めていないアカウントです。本人に招待メールや初回ログインを案内するか、不要なら削除してください。',
    en: 'The account has not started yet (invited, pending registration, never logged in). Remind the person to accept the invitation or log in, or remove the account if it is not needed.',
  },
  check: hasAccountState('not-activated'),
});
