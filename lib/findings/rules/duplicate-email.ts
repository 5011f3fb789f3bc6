import { defineFindingRule } from '../rule';

const MAX_NAMES_SHOWN = 3;

export default defineFindingRule({
  id: 'duplicate-email',
  severity: 'warning',
  title: { ja: 'メールアドレスの重複', en: 'Duplicate email' },
  explanation: {
    ja: '同じメールアドレス(大文字・小文字、全角・半角の違いは同一とみなします)が名簿の複数の行にあります。二重登録か、共有アカウントの可能性があります。',
    en: 'The same email address (ignoring case and full-width forms) is on more than one row of the roster: a double registration or a shared account.',
  },
  check(member, ctx) {
    const group = ctx.duplicatesByEmail.get(member.normalizedEmail);
    if (group === undefined) return false;
    const others = group.filter((other) => other !== member);
    const names = others.slice(0, MAX_NAMES_SHOWN).map((other) => other.name || other.identifier);
    const more = others.length > MAX_NAMES_SHOWN ? ` +${others.length - MAX_NAMES_SHOWN}` : '';
    return { detail: (names.join(', ') + more).slice(0, 500) };
  },
});
