import { chatworkUsers } from './chatwork-users';
import { generic } from './generic';
import { immedioUsers } from './immedio-users';
import { lineworksContacts } from './lineworks-contacts';
import { lineworksMembers } from './lineworks-members';
import type { ConsoleProfile } from './profile';
import { receptionistEmployees } from './receptionist-employees';

export type { ConsoleProfile, ContactDetail, DetailWalk } from './profile';
export { generic };

/** Console profiles, most specific first; the generic reader comes last and takes any page. */
export const PROFILES: readonly ConsoleProfile[] = [lineworksContacts, lineworksMembers, chatworkUsers, receptionistEmployees, immedioUsers, generic];

/** The profile for a page: its host and its content must both match, else the generic reader. */
export function profileFor(doc: Document, url: string): ConsoleProfile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return generic;
  }
  return PROFILES.find((profile) => profile !== generic && profile.hosts.test(parsed.hostname) && profile.cue(doc, parsed)) ?? generic;
}

export function profileById(id: string): ConsoleProfile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}
