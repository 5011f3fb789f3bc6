import { fieldText, hasField } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'missing-chatwork-account-id',
  severity: 'warning',
  title: { ja: 'ChatworkのアカウントIDが未設定', en: 'No Chatwork account ID' },
  explanation: {
    ja: 'ChatworkのアカウントIDが登録されていません。チャットワークIDもなければ来客通知は届かず、チャットワークIDだけなら本人が変更した時点で届かなくなります。アカウントID(Chatworkの管理者CSVの「識別ID」)は変わらず、管理者が一括で取得できるので、こちらで登録するのがおすすめです。',
    en: 'No Chatwork account ID is registered. Without a Chatwork ID either, this employee gets no visitor notifications; with only a Chatwork ID, they stop when the user changes it. The account ID ("識別ID"/accountID in Chatwork\'s admin CSV) never changes and an admin can export all of them: register by account ID.',
  },
  consoles: ['receptionist-employees'],
  check(member) {
    // When the page does not show the column nothing is known, which is not a finding.
    return hasField(member, 'chatworkAccountId') && fieldText(member, 'chatworkAccountId') === '' && {};
  },
});
