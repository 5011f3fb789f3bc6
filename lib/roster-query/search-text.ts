import type { Member } from '../model';

/**
 * What the text filter looks in: name, identifier, email, normalized email and domain, each folded.
 * The NUL between them keeps a match inside one field (nobody types a NUL). The roster engine and the
 * comparison's search both match against this, so a search finds the same people everywhere.
 */
export function memberSearchText(member: Pick<Member, 'name' | 'identifier' | 'email' | 'normalizedEmail' | 'domainDisplay'>): string {
  // A field equal to an earlier one (the identifier is often the email, and the normalized email)
  // matches nothing the first does not: kept once, it is scanned once at every keystroke.
  const fields = new Set([member.name, member.identifier, member.email ?? '', member.normalizedEmail, member.domainDisplay].map(foldForSearch));
  // `join` makes one flat string; `+` would make a rope that V8 flattens on the first search of each.
  return [...fields].join('\u0000');
}

// eslint-disable-next-line no-control-regex -- the range is all of ASCII, control characters included on purpose
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/** Full-width and case differences do not hide a match (`ＴＡＲＯ` finds `taro`). */
export function foldForSearch(value: string): string {
  // NFKC leaves ASCII as it is, and most addresses are ASCII: skip the costly normalisation for them.
  return (ASCII_ONLY.test(value) ? value : value.normalize('NFKC')).toLowerCase().trim();
}
