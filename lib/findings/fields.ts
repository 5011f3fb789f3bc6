import type { FieldKey } from '../model';
import type { FindingSubject } from './rule';

/** Whether the console showed this field at all: an absent key is "not read", not "empty". */
export function hasField(member: FindingSubject, key: FieldKey): boolean {
  return member.fields[key] !== undefined;
}

export function fieldText(member: FindingSubject, key: FieldKey): string {
  return (member.fields[key] ?? '').normalize('NFKC').trim();
}

const YES = new Set(['yes', 'true', '1', 'on', '済', '連携済', '連携済み', '連携中', '設定済', '設定済み', 'あり', '有', '✓', '✔']);
const NO = new Set(['no', 'false', '0', 'off', '未', '未連携', '未設定', 'なし', '無', '-', '×', '✗']);

/** Reads a yes/no field as profiles fill it ('yes' | 'no'), tolerating the console's own wording. */
export function yesNoField(member: FindingSubject, key: FieldKey): 'yes' | 'no' | undefined {
  const text = fieldText(member, key).toLowerCase();
  if (YES.has(text)) return 'yes';
  if (NO.has(text)) return 'no';
  return undefined;
}
