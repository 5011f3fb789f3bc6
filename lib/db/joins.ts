import type { ConsoleId, Member, MemberFinding } from '../model';
import { RosterDbError } from './errors';
import { membersOf, type RosterDb } from './schema';

/** One person as two consoles list them, joined by normalized email. */
interface EmailPair {
  email: string;
  left: Member | null;
  right: Member | null;
}

/**
 * Pairs two rosters by normalized email: every left member in roster order with the first right member
 * of the same email, then the right members no left member matched. Members without an email cannot be
 * joined and stay unpaired.
 */
function pairByEmail(left: readonly Member[], right: readonly Member[]): EmailPair[] {
  const rightByEmail = new Map<string, Member>();
  for (const member of right) {
    if (member.normalizedEmail && !rightByEmail.has(member.normalizedEmail)) rightByEmail.set(member.normalizedEmail, member);
  }
  const leftEmails = new Set<string>();
  const pairs: EmailPair[] = left.map((member) => {
    leftEmails.add(member.normalizedEmail);
    const match = member.normalizedEmail ? rightByEmail.get(member.normalizedEmail) : undefined;
    return { email: member.normalizedEmail, left: member, right: match ?? null };
  });
  for (const member of right) {
    if (!member.normalizedEmail || !leftEmails.has(member.normalizedEmail)) {
      pairs.push({ email: member.normalizedEmail, left: null, right: member });
    }
  }
  return pairs;
}

async function loadRosterOf(db: RosterDb, snapshotId: string, console: ConsoleId): Promise<Member[]> {
  const snapshot = await db.snapshots.get(snapshotId);
  if (!snapshot || snapshot.console !== console) {
    throw new RosterDbError({ code: 'audit-not-found', console, snapshotId });
  }
  return membersOf(db, snapshotId).toArray();
}

/** The other console does not list this person (joined by email). `detail` names the console that lacks them. */
function notInDirectory(missingFrom: ConsoleId): MemberFinding {
  return { id: 'not-in-directory', severity: 'warning', detail: missingFrom };
}

export interface ReceptionistChatworkRow {
  email: string;
  employee: Member | null;
  chatworkUser: Member | null;
  /** The account ID to write into the RECEPTIONIST file: Chatwork's own, where the employee has none. */
  proposedChatworkAccountId?: string;
  findings: MemberFinding[];
}

/**
 * RECEPTIONIST employees against the Chatwork admin's user list. Registration by account ID is the one
 * an admin can manage, so an employee without one is flagged, with Chatwork's account ID proposed when
 * Chatwork knows the same email.
 */
export async function joinReceptionistChatwork(db: RosterDb, receptionistSnapshotId: string, chatworkSnapshotId: string): Promise<ReceptionistChatworkRow[]> {
  const employees = await loadRosterOf(db, receptionistSnapshotId, 'receptionist-employees');
  const chatworkUsers = await loadRosterOf(db, chatworkSnapshotId, 'chatwork-users');
  return pairByEmail(employees, chatworkUsers).map(({ email, left: employee, right: chatworkUser }) => {
    const row: ReceptionistChatworkRow = { email, employee, chatworkUser, findings: [] };
    const knownAccountId = chatworkUser?.fields.chatworkAccountId?.trim();
    if (employee && !employee.fields.chatworkAccountId?.trim()) {
      if (knownAccountId) row.proposedChatworkAccountId = knownAccountId;
      row.findings.push({ id: 'missing-chatwork-account-id', severity: 'warning', ...(knownAccountId ? { detail: knownAccountId } : {}) });
    }
    if (email && employee && !chatworkUser) row.findings.push(notInDirectory('chatwork-users'));
    if (email && chatworkUser && !employee) row.findings.push(notInDirectory('receptionist-employees'));
    return row;
  });
}

export type MemberContactRelation =
  /** A member of the tenant who is also kept as a customer/partner contact. */
  | 'member-and-contact'
  /** A contact on one of the tenant's internal domains who has no member account. */
  | 'internal-contact-not-member'
  | 'member-only'
  | 'contact-only';

export interface LineworksMembersContactsRow {
  email: string;
  member: Member | null;
  contact: Member | null;
  relation: MemberContactRelation;
  findings: MemberFinding[];
}

/**
 * LINE WORKS members against the customer/partner contacts of the same tenant. "Internal" is the
 * contact's classification as stored, i.e. by the tenant's domain policy.
 */
export async function joinLineworksMembersContacts(
  db: RosterDb,
  membersSnapshotId: string,
  contactsSnapshotId: string,
): Promise<LineworksMembersContactsRow[]> {
  const members = await loadRosterOf(db, membersSnapshotId, 'lineworks-members');
  const contacts = await loadRosterOf(db, contactsSnapshotId, 'lineworks-contacts');
  return pairByEmail(members, contacts).map(({ email, left: member, right: contact }) => {
    if (member && contact) return { email, member, contact, relation: 'member-and-contact', findings: [] };
    if (member) return { email, member, contact, relation: 'member-only', findings: [] };
    if (contact?.classification === 'internal' && email) {
      return { email, member, contact, relation: 'internal-contact-not-member', findings: [notInDirectory('lineworks-members')] };
    }
    return { email, member, contact, relation: 'contact-only', findings: [] };
  });
}
