import { lineWorksIdIssues } from '../../identity/lineworks-id';
import { normalizeIdentifier } from '../../identity/normalize';
import { defineFindingRule } from '../rule';

export default defineFindingRule({
  id: 'invalid-lineworks-id',
  severity: 'critical',
  title: { ja: 'LINE WORKSのID規則に合わない', en: 'Invalid LINE WORKS ID' },
  explanation: {
    ja: 'IDは半角英小文字・数字・「-」「.」「_」の2〜40文字で、先頭は英小文字か数字、先頭・末尾の「.」や連続する「.」は使えません。このままでは一括追加・一括修正のCSVで受け付けられません。',
    en: 'An ID is 2–40 lowercase letters, digits, "-", "." or "_", starting with a lowercase letter or digit, with no leading, trailing or consecutive dots. As it is, the bulk add and bulk modify CSV files will refuse it.',
  },
  consoles: ['lineworks-members', 'lineworks-contacts'],
  check(member) {
    // Only the tenant's own IDs can be fixed here; other tenants' IDs follow their own rules.
    if (member.classification !== 'internal') return false;
    const identity = normalizeIdentifier(member.identifier);
    if (identity.problem !== undefined) return { detail: identity.problem };
    // The ID as read (not the cleaned form, which drops a trailing dot), as the bulk files write it.
    const issues = lineWorksIdIssues(member.identifier);
    return issues.length > 0 && { detail: issues.join(';') };
  },
});
