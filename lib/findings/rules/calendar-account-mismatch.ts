import { normalizeIdentifier } from '../../identity/normalize';
import { fieldText } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'calendar-account-mismatch',
  severity: 'warning',
  title: { ja: '連携中のカレンダーが別アカウント', en: 'Calendar linked to another account' },
  explanation: {
    ja: 'カレンダー連携中のアカウントのメールアドレスが、ユーザー本人のメールアドレスと異なります。誤ったアカウントで連携していると、予定の空きや面談が正しく反映されません。「再連携する」から正しいアカウントで連携し直してください。',
    en: 'The linked calendar account\'s address differs from the user\'s own email. With the wrong account, availability and meetings are not reflected correctly. Use "再連携する" (re-link) to link the right account.',
  },
  consoles: ['immedio-users'],
  check(member) {
    const calendar = normalizeIdentifier(fieldText(member, 'calendarAddress'));
    if (!calendar.isAddress || member.normalizedEmail === '') return false;
    return calendar.email !== member.normalizedEmail && { detail: calendar.cleaned };
  },
});
