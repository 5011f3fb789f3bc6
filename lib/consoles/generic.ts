import type { ConsoleProfile } from './profile';

/** Any page with a table, an ARIA grid or a repeated list of people: no configuration. */
export const generic: ConsoleProfile = {
  id: 'generic',
  console: 'generic',
  hosts: /(?:)/,
  cue: () => true,
  synonyms: [],
  identifier: 'id',
  statusValues: [],
};
