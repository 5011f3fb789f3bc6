import type { ConsoleId, FindingId, MemberFinding } from '../model';
import type { FindingContext, FindingRule, FindingSubject } from './rule';
import aliasAddress from './rules/alias-address';
import calendarAccountMismatch from './rules/calendar-account-mismatch';
import chatworkIdOnly from './rules/chatwork-id-only';
import contactSharedOnly from './rules/contact-shared-only';
import duplicateEmail from './rules/duplicate-email';
import externalDomain from './rules/external-domain';
import invalidLineworksId from './rules/invalid-lineworks-id';
import lineUser from './rules/line-user';
import missingChatworkAccountId from './rules/missing-chatwork-account-id';
import noCalendarLink from './rules/no-calendar-link';
import notActivated from './rules/not-activated';
import notInDirectory from './rules/not-in-directory';
import suspended from './rules/suspended';
import zoomUnset from './rules/zoom-unset';

export type { FindingCheck, FindingContext, FindingRule, FindingSubject } from './rule';
export { defineFindingRule, SEVERITY_ORDER } from './rule';

// Keyed by id so that the compiler refuses a FindingId without its rule.
const RULES_BY_ID = {
  'external-domain': externalDomain,
  'contact-shared-only': contactSharedOnly,
  'line-user': lineUser,
  'invalid-lineworks-id': invalidLineworksId,
  'duplicate-email': duplicateEmail,
  'alias-address': aliasAddress,
  'not-activated': notActivated,
  suspended,
  'missing-chatwork-account-id': missingChatworkAccountId,
  'chatwork-id-only': chatworkIdOnly,
  'no-calendar-link': noCalendarLink,
  'calendar-account-mismatch': calendarAccountMismatch,
  'zoom-unset': zoomUnset,
  'not-in-directory': notInDirectory,
} satisfies Record<FindingId, FindingRule>;

/** Every rule, in the order of `FindingId` (the order findings are listed in). */
export const FINDING_RULES: readonly FindingRule[] = Object.values(RULES_BY_ID);

export function findingRule(id: FindingId): FindingRule {
  return RULES_BY_ID[id];
}

export function rulesForConsole(console: ConsoleId): FindingRule[] {
  return FINDING_RULES.filter((rule) => rule.consoles === undefined || rule.consoles.includes(console));
}

export interface EvaluateFindingsOptions {
  console: ConsoleId;
  /** Whether the roster was classified under a policy with internal domains; true when not said. */
  domainPolicySet?: boolean;
  /** Rules to run instead of every rule (tests, a UI filter). */
  rules?: readonly FindingRule[];
}

function groupDuplicateEmails(members: readonly FindingSubject[]): Map<string, FindingSubject[]> {
  const firstByEmail = new Map<string, FindingSubject>();
  const duplicates = new Map<string, FindingSubject[]>();
  for (const member of members) {
    const email = member.normalizedEmail;
    if (email === '') continue;
    const first = firstByEmail.get(email);
    if (first === undefined) {
      firstByEmail.set(email, member);
      continue;
    }
    const group = duplicates.get(email);
    if (group) group.push(member);
    else duplicates.set(email, [first, member]);
  }
  return duplicates;
}

/**
 * Runs the rules of the console over one roster. Returns each member's findings, in the members' order.
 * A rule that throws on odd data is skipped for that member rather than failing the audit.
 */
export function evaluateFindings(members: readonly FindingSubject[], options: EvaluateFindingsOptions): MemberFinding[][] {
  const rules = (options.rules ?? FINDING_RULES).filter((rule) => rule.consoles === undefined || rule.consoles.includes(options.console));
  const ctx: FindingContext = {
    console: options.console,
    duplicatesByEmail: groupDuplicateEmails(members),
    domainPolicySet: options.domainPolicySet ?? true,
  };
  return members.map((member) => {
    const findings: MemberFinding[] = [];
    for (const rule of rules) {
      let result: ReturnType<FindingRule['check']>;
      try {
        result = rule.check(member, ctx);
      } catch {
        continue;
      }
      if (result === false) continue;
      findings.push(
        result.detail === undefined ? { id: rule.id, severity: rule.severity } : { id: rule.id, severity: rule.severity, detail: result.detail.slice(0, 500) },
      );
    }
    return findings;
  });
}
