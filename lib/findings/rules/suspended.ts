import { hasAccountState } from '../account-status';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'suspended',
  severity: 'warning',
  title: { ja: '利用停止中', en: 'Suspended' },
  explanation: {
    ja: '一時停止・利用停止中のアカウントです。退職者などでもう使わない場合は、削除してライセンスを整理してください。',
    en: 'The account is suspended. If the person has left or no longer needs it, delete it to free the licence.',
  },
  check: hasAccountState('suspended'),
});
