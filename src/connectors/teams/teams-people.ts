import { personUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { sourceKey } from '../../domain/ids.js';
import { asId, asRecord, asString, isRecord } from '../json-values.js';

/** A sender, mentioned user or reactor: an AAD user, or an application (a bot). */
export interface TeamsIdentity {
  key: string;
  kind: 'user' | 'app';
  id: string;
  name: string | undefined;
}

/** Author of system messages that name no initiator. */
export const UNKNOWN_AUTHOR = sourceKey('teams', 'system', 'unknown');

export function teamsUserKey(id: string): string {
  return sourceKey('teams', 'aad', id);
}

export function teamsAppKey(id: string): string {
  return sourceKey('teams', 'app', id);
}

/** The user or application of a Graph identitySet (`{user, application, device}`); undefined for devices and empty sets. */
export function identityOf(set: unknown): TeamsIdentity | undefined {
  if (!isRecord(set)) return undefined;
  const user = asRecord(set.user);
  const userId = asId(user?.id);
  if (user && userId !== undefined)
    return { key: teamsUserKey(userId), kind: 'user', id: userId, name: displayName(user) };
  const app = asRecord(set.application);
  const appId = asId(app?.id);
  if (app && appId !== undefined)
    return { key: teamsAppKey(appId), kind: 'app', id: appId, name: displayName(app) };
  return undefined;
}

/** A `teamworkUserIdentity` (`{id, displayName, userIdentityType}`), as in eventDetail members. */
export function memberIdentityOf(member: unknown): TeamsIdentity | undefined {
  if (!isRecord(member)) return undefined;
  const id = asId(member.id);
  if (id === undefined) return undefined;
  return { key: teamsUserKey(id), kind: 'user', id, name: displayName(member) };
}

function displayName(record: Record<string, unknown>): string | undefined {
  return asString(record.displayName)?.trim() || undefined;
}

interface SeenPerson {
  identity: TeamsIdentity;
  names: string[];
  firstSeen: string;
}

/**
 * The people one file names, merged by key. Only identities with a display name somewhere in the
 * file become person.updated events: Graph often leaves reactors and initiators unnamed, and a
 * nameless profile would hide a named one in "latest profile" queries.
 */
export class TeamsPeople {
  private readonly people = new Map<string, SeenPerson>();

  see(identity: TeamsIdentity, ts: string): string {
    let seen = this.people.get(identity.key);
    if (!seen) {
      seen = { identity, names: [], firstSeen: ts };
      this.people.set(identity.key, seen);
    }
    if (ts < seen.firstSeen) seen.firstSeen = ts;
    if (identity.name && !seen.names.includes(identity.name)) seen.names.push(identity.name);
    return identity.key;
  }

  nameOf(key: string): string | undefined {
    return this.people.get(key)?.names[0];
  }

  events(): EventEnvelope[] {
    return [...this.people.values()]
      .filter((person) => person.names.length > 0)
      .map(({ identity, names, firstSeen }) =>
        personUpdated(
          {
            key: identity.key,
            source: 'teams',
            workspace: identity.kind === 'app' ? 'app' : 'aad',
            nativeId: identity.id,
            names,
            handles: [],
            emails: [],
            isBot: identity.kind === 'app',
          },
          firstSeen,
        ),
      );
  }
}
