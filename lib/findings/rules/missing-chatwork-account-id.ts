import { fieldText, hasField } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'missing-chatwork-account-id',
  severity: 'warning',
  title: { ja: 'ChatworkのアカウントIDが未設定', en: 'No Chatwork account ID' },
  explanation: {
    ja: 'アカウントIDもチャットワークIDも設定されていないため、この社員には来客通知が届きません。アカウントID(Chatworkの管理者CSVの「識別ID」)は変わらず、管理者が一括で取得できるので、こちらで登録するのがおすすめです。',
    en: 'Neither a Chatwork account ID nor a Chatwork ID is set, so this employee gets no visitor notifications. The account ID ("識別ID"/accountID in Chatwork\'s admin CSV) never changes and an admin can export all of them: register by account ID.',
  },
  consoles: ['receptionist-employees'],
  check(member) {
    // When the page shows neither column nothing is known, which is not a finding.
    if (!hasField(member, 'chatworkAccountId') && !hasField(member, 'chatworkId')) return false;
    return fieldText(member, 'chatworkAccountId') === '' && fieldText(member, 'chatworkId') === '' && {};
  },
});
