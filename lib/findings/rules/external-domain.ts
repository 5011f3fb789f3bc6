import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'external-domain',
  severity: 'info',
  title: { ja: '社外ドメイン', en: 'External domain' },
  explanation: {
    ja: 'IDやメールアドレスの「@」以降が、社内ドメインとして設定したどれとも一致しません(顧客/取引先として扱われます)。社内の人であれば、そのドメインを社内ドメインに追加するか、社内ドメインのIDを発行してください。',
    en: 'The part after "@" of the ID or email matches none of the internal domains set, so the person counts as a customer/partner. If they are staff, add the domain to the internal domains or issue them an ID on an internal domain.',
  },
  // A LINE user is external without any policy; their domain is an external domain only once internal ones are set.
  check: (member, ctx) => ctx.domainPolicySet && member.classification === 'external' && member.domain !== '' && { detail: member.domainDisplay },
});
