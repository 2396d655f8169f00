import { personUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { sourceKey } from '../../domain/ids.js';
import { asId, asString, type JsonRecord } from '../json-values.js';

interface SeenUser {
  id: string;
  names: string[];
  handles: string[];
  isBot: boolean;
  /** Time of the first message the user appears in. */
  firstSeen: string;
}

/** Discord user ids are global, so every user lives in the `global` workspace (DMs included). */
export function discordPersonKey(userId: string): string {
  return sourceKey('discord', 'global', userId);
}

/**
 * The users one export mentions (authors, mentions, reaction users), merged by id, so that each
 * becomes one person.updated event dated at their first appearance in the file.
 */
export class DiscordPeople {
  private readonly users = new Map<string, SeenUser>();

  /** Records a user object and returns its person key; undefined when it has no id. */
  see(user: JsonRecord, ts: string): string | undefined {
    const id = asId(user.id);
    if (id === undefined) return undefined;
    let seen = this.users.get(id);
    if (!seen) {
      seen = { id, names: [], handles: [], isBot: false, firstSeen: ts };
      this.users.set(id, seen);
    }
    if (ts < seen.firstSeen) seen.firstSeen = ts;
    const name = asString(user.name)?.trim();
    const nickname = asString(user.nickname)?.trim();
    const discriminator =
      asString(user.discriminator) ??
      (typeof user.discriminator === 'number' ? String(user.discriminator).padStart(4, '0') : undefined);
    addUnique(seen.names, nickname);
    addUnique(seen.names, name);
    addUnique(seen.handles, name);
    if (name && discriminator && !/^0{1,4}$/.test(discriminator))
      addUnique(seen.handles, `${name}#${discriminator}`);
    if (user.isBot === true) seen.isBot = true;
    return discordPersonKey(id);
  }

  events(): EventEnvelope[] {
    return [...this.users.values()].map((user) =>
      personUpdated(
        {
          key: discordPersonKey(user.id),
          source: 'discord',
          workspace: 'global',
          nativeId: user.id,
          names: user.names,
          handles: user.handles,
          emails: [],
          isBot: user.isBot,
        },
        user.firstSeen,
      ),
    );
  }
}

function addUnique(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}
