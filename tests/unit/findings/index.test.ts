import { describe, expect, it } from 'vitest';
import { defineFindingRule, evaluateFindings, FINDING_RULES, findingRule, rulesForConsole, type FindingSubject } from '../../../lib/findings';
import { ConsoleId, FindingId } from '../../../lib/model';

const subject = (overrides: Partial<FindingSubject> = {}): FindingSubject => ({
  name: 'Taro',
  identifier: 'taro@partner.com',
  fields: {},
  cells: [],
  snapshotId: 's1',
  index: 0,
  key: 'taro@partner.com',
  normalizedEmail: 'taro@partner.com',
  domain: 'partner.com',
  domainDisplay: 'partner.com',
  classification: 'external',
  classificationReason: 'domain partner.com not internal',
  linkStatus: 'shared-only',
  ...overrides,
});

describe('finding registry', () => {
  it('has exactly one rule per finding id, in the order of FindingId', () => {
    expect(FINDING_RULES.map((rule) => rule.id)).toEqual(FindingId.options);
    for (const id of FindingId.options) expect(findingRule(id).id).toBe(id);
  });

  it('gives every rule a title and an explanation in Japanese and English', () => {
    for (const rule of FINDING_RULES) {
      for (const text of [rule.title, rule.explanation]) {
        expect(text.ja.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
      expect(['info', 'warning', 'critical']).toContain(rule.severity);
      for (const console of rule.consoles ?? []) expect(ConsoleId.options).toContain(console);
    }
  });

  it('explains the limits of a shared-only contact and of immedio users without calendar or Zoom', () => {
    expect(findingRule('contact-shared-only').explanation.ja).toContain('1:1');
    expect(findingRule('contact-shared-only').explanation.ja).toContain('無料通話');
    expect(findingRule('contact-shared-only').explanation.en).toContain('external group');
    expect(findingRule('no-calendar-link').explanation.ja).toContain('必須');
    expect(findingRule('zoom-unset').explanation.ja).toContain('割り振られません');
  });

  it('lists only the rules of a console', () => {
    const generic = rulesForConsole('generic').map((rule) => rule.id);
    expect(generic).toContain('external-domain');
    expect(generic).not.toContain('zoom-unset');
    expect(generic).not.toContain('invalid-lineworks-id');
    expect(rulesForConsole('immedio-users').map((rule) => rule.id)).toContain('zoom-unset');
  });
});

describe('evaluateFindings', () => {
  it('returns findings per member, in order, with severity from the rule', () => {
    const findings = evaluateFindings(
      [subject(), subject({ index: 1, normalizedEmail: 'hanako@example.co.jp', linkStatus: 'linked', classification: 'internal' })],
      { console: 'lineworks-contacts' },
    );
    expect(findings).toEqual([
      [
        { id: 'external-domain', severity: 'info', detail: 'partner.com' },
        { id: 'contact-shared-only', severity: 'warning' },
      ],
      [],
    ]);
  });

  it('runs only the rules given', () => {
    const findings = evaluateFindings([subject()], { console: 'generic', rules: [findingRule('contact-shared-only')] });
    expect(findings).toEqual([[{ id: 'contact-shared-only', severity: 'warning' }]]);
  });

  it('skips a rule that throws on odd data instead of failing the audit', () => {
    const throwing = defineFindingRule({
      id: 'line-user',
      severity: 'info',
      title: { ja: 't', en: 't' },
      explanation: { ja: 'e', en: 'e' },
      check: () => {
        throw new Error('odd data');
      },
    });
    const findings = evaluateFindings([subject()], { console: 'generic', rules: [throwing, findingRule('contact-shared-only')] });
    expect(findings).toEqual([[{ id: 'contact-shared-only', severity: 'warning' }]]);
  });

  it('cuts a long detail to the 500 characters the model allows', () => {
    const long = defineFindingRule({ ...findingRule('line-user'), check: () => ({ detail: 'x'.repeat(900) }) });
    expect(evaluateFindings([subject()], { console: 'generic', rules: [long] })[0]?.[0]?.detail).toHaveLength(500);
  });
});
