import { fieldText, hasField, yesNoField } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'no-calendar-link',
  severity: 'critical',
  title: { ja: 'カレンダー未連携', en: 'Calendar not linked' },
  explanation: {
    ja: 'immedioではカレンダー連携(GoogleカレンダーまたはMicrosoft Outlook)が必須です。連携していないユーザーには面談の予約状況が反映されず、面談が割り振られません。本人にカレンダー連携を依頼してください。',
    en: 'immedio requires a linked calendar (Google Calendar or Microsoft Outlook). Without one, bookings are not reflected and the user gets no meetings. Ask the user to link their calendar.',
  },
  consoles: ['immedio-users'],
  check(member) {
    const linked = yesNoField(member, 'calendarLinked');
    if (linked === 'no') return {};
    return linked === undefined && hasField(member, 'calendarAddress') && fieldText(member, 'calendarAddress') === '' && {};
  },
});
