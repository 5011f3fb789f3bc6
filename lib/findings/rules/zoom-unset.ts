import { fieldText, yesNoField } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'zoom-unset',
  severity: 'critical',
  title: { ja: 'Zoom未設定(面談が割り振られない)', en: 'Zoom not set (no meetings assigned)' },
  explanation: {
    ja: '会議手段がZoomなのに、Zoom連携もZoomパーソナルミーティングURLも設定されていません。この状態では面談が割り振られません。どちらかを設定してください(1つのZoomアカウントを複数ユーザーで共有することはできません)。',
    en: 'The meeting tool is Zoom but neither the Zoom link nor a Zoom personal meeting URL is set, so no meetings are assigned. Set one of them (one Zoom account cannot be shared by several users).',
  },
  consoles: ['immedio-users'],
  check(member) {
    if (!fieldText(member, 'meetingTool').toLowerCase().includes('zoom')) return false;
    return yesNoField(member, 'zoomLinked') !== 'yes' && fieldText(member, 'personalMeetingUrl') === '' && {};
  },
});
