import type { ConsoleId, FindingId, Member, Severity } from '../model';
import type { Localized } from '../i18n';

/** What a rule sees: a member with everything derived except its findings. */
export type FindingSubject = Omit<Member, 'findings' | 'findingIds'>;

export interface FindingContext {
  console: ConsoleId;
  /** Emails held by more than one member of the roster, with those members; built once per evaluation. */
  duplicatesByEmail: ReadonlyMap<string, readonly FindingSubject[]>;
  /** Whether any internal domain is set: until one is, no domain can be called external. */
  domainPolicySet: boolean;
}

/** Worst first: how findings are listed. */
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export type FindingCheck = false | { detail?: string };

export interface FindingRule {
  id: FindingId;
  severity: Severity;
  title: Localized;
  /** For admins: what the finding means in the console and what to do about it. */
  explanation: Localized;
  /** Consoles the rule applies to; absent means every console. */
  consoles?: readonly ConsoleId[];
  check(member: FindingSubject, ctx: FindingContext): FindingCheck;
}

export function defineFindingRule<Rule extends FindingRule>(rule: Rule): Rule {
  return rule;
}
