import { fieldText } from '../fields';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'chatwork-id-only',
  severity: 'info',
  title: { ja: 'チャットワークIDのみで登録', en: 'Registered by Chatwork ID only' },
  explanation: {
    ja: 'チャットワークIDは本人がいつでも変更でき、管理者は管理できません。変更されると来客通知が届かなくなります。変わらないアカウントID(識別ID)での登録をおすすめします。',
    en: 'A Chatwork ID is chosen by the user, can be changed at any time and cannot be managed by an admin; once it changes, visitor notifications stop. Register the fixed account ID (識別ID) instead.',
  },
  // Chatwork's own list shows it too: a user known only by the changeable ID.
  consoles: ['receptionist-employees', 'chatwork-users'],
  check(member) {
    const chatworkId = fieldText(member, 'chatworkId');
    return chatworkId !== '' && fieldText(member, 'chatworkAccountId') === '' && { detail: chatworkId };
  },
});
