import { changedFields, type ComparedField } from './db/compare';
import { CHANGE_KIND_LABEL } from './compare-changes';
import type { Localized } from './i18n';
import type { Member, Snapshot } from './model';

/** What happened to one member at one audit of their roster. */
export type HistoryEventKind = 'first-seen' | 'joined' | 'left' | 'returned' | 'changed';

export const HISTORY_EVENT_LABEL: Record<HistoryEventKind, Localized> = {
  'first-seen': { ja: '初めて確認', en: 'First seen' },
  joined: CHANGE_KIND_LABEL.joined,
  left: CHANGE_KIND_LABEL.left,
  returned: { ja: '再追加', en: 'Came back' },
  changed: CHANGE_KIND_LABEL.changed,
};

/** One audit of the roster and the member as it read them (`undefined`: not in that audit). */
export interface MemberSighting {
  snapshot: Pick<Snapshot, 'id' | 'startedAt' | 'complete'>;
  member: Member | undefined;
}

export interface HistoryEvent {
  kind: HistoryEventKind;
  snapshotId: string;
  startedAt: number;
  /** The member as this audit has them (as the audit before had them, for who left). */
  member: Member;
  /** For a change or a return: the member as last seen, and the fields that differ (the comparison's own fields). */
  before?: Member;
  fields: ComparedField[];
}

/**
 * A member's history over the audits of their roster, oldest first, by the rules of a comparison of
 * two audits (lib/db/compare.ts): the same key, the same compared fields, and an incomplete audit's
 * absence says nothing (it may not have read them). `first-seen` is their first audit when no earlier
 * complete audit checked lacked them; otherwise they `joined` there.
 */
export function memberHistory(sightings: readonly MemberSighting[]): HistoryEvent[] {
  const oldestFirst = [...sightings].sort((a, b) => a.snapshot.startedAt - b.snapshot.startedAt);
  const events: HistoryEvent[] = [];
  let last: Member | undefined;
  let present = false;
  let absentBeforeFirst = false;
  for (const { snapshot, member } of oldestFirst) {
    const at = { snapshotId: snapshot.id, startedAt: snapshot.startedAt };
    if (member) {
      if (!last) {
        events.push({ kind: absentBeforeFirst ? 'joined' : 'first-seen', ...at, member, fields: [] });
      } else {
        const fields = changedFields(last, member);
        if (!present) events.push({ kind: 'returned', ...at, member, before: last, fields });
        else if (fields.length > 0) events.push({ kind: 'changed', ...at, member, before: last, fields });
      }
      last = member;
      present = true;
    } else if (snapshot.complete) {
      if (present && last) events.push({ kind: 'left', ...at, member: last, fields: [] });
      else if (!last) absentBeforeFirst = true;
      present = false;
    }
  }
  return events;
}
