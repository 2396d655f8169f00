import { personUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { PersonUpdated } from '../../domain/person.js';
import { parseTolerantTime } from '../../domain/time.js';
import type { IngestProblem } from '../connector.js';
import { asId, asRecord, asText, describeJson, isRecord, type JsonRecord } from '../json-values.js';
import type { SlackDirectory } from './slack-directory.js';

export interface MetadataResult {
  /** In time order. */
  events: EventEnvelope[];
  problems: IngestProblem[];
}

/** The workspace (team) id users.json names: the first user's `team_id`, else its profile's `team`. */
export function teamOfUsers(users: readonly unknown[]): string | undefined {
  for (const user of users) {
    if (!isRecord(user)) continue;
    const team = asText(user.team_id) ?? asText(asRecord(user.profile)?.team);
    if (team !== undefined) return team;
  }
  return undefined;
}

/** Names in order (display name first), trimmed, without empties or repeats. */
export function distinctNames(...candidates: unknown[]): string[] {
  const names: string[] = [];
  for (const candidate of candidates) {
    const name = asText(candidate);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** users.json to person.updated events; registers every user's display name in the directory. */
export function mapUsers(
  users: readonly unknown[],
  directory: SlackDirectory,
  path: string,
  now: string,
): MetadataResult {
  const result: MetadataResult = { events: [], problems: [] };
  users.forEach((user, recordIndex) => {
    const id = isRecord(user) ? asId(user.id) : undefined;
    if (!isRecord(user) || id === undefined) {
      const what = isRecord(user) ? 'a user without an "id"' : describeJson(user);
      result.problems.push({
        path,
        severity: 'skipped-record',
        recordIndex,
        reason: `user ${recordIndex} is ${what}, not a Slack user; skipped.`,
      });
      return;
    }
    const payload = personOfUser(id, user, directory);
    directory.listedUsers.add(id);
    directory.setDisplayName(id, payload.names[0] ?? id);
    result.events.push(personUpdated(payload, parseTolerantTime(user.updated) ?? now));
  });
  result.events.sort(byOccurredAt);
  return result;
}

function personOfUser(id: string, user: JsonRecord, directory: SlackDirectory): PersonUpdated {
  const profile = asRecord(user.profile) ?? {};
  const handle = asText(user.name);
  const email = asText(profile.email);
  const payload: PersonUpdated = {
    key: directory.personKey(id),
    source: 'slack',
    workspace: directory.team,
    nativeId: id,
    names: distinctNames(profile.display_name, profile.real_name, user.real_name, handle),
    handles: handle === undefined ? [] : [handle],
    emails: email === undefined ? [] : [email],
    isBot: user.is_bot === true || user.is_app_user === true || id === 'USLACKBOT',
  };
  const title = asText(profile.title);
  const timezone = asText(user.tz);
  if (title !== undefined) payload.title = title;
  if (timezone !== undefined) payload.timezone = timezone;
  if (typeof user.deleted === 'boolean') payload.deleted = user.deleted;
  return payload;
}

export function byOccurredAt(a: EventEnvelope, b: EventEnvelope): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0;
}
