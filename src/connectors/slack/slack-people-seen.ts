import { personUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { PersonUpdated } from '../../domain/person.js';
import { asRecord, asText, type JsonRecord } from '../json-values.js';
import type { SlackDirectory } from './slack-directory.js';
import { distinctNames } from './slack-users.js';

/** A bot keeps at most this many names (webhooks may post under a new name each time). */
const MAX_BOT_NAMES = 5;

/**
 * People who show up only in messages: bots (by `bot_id`, named by `bot_profile` or `username`)
 * and users missing from users.json who carry a `user_profile`. Each is published once per run,
 * and a bot again when it shows a new name.
 */
export class SlackPeopleSeen {
  private readonly botNames = new Map<string, string[]>();
  /** Names learned before the bot posts (from "added an integration" messages). */
  private readonly pendingBotNames = new Map<string, string>();
  private readonly profiled = new Set<string>();

  constructor(private readonly directory: SlackDirectory) {}

  /** Notes a bot name learned elsewhere, used when the bot is first seen posting. */
  noteBotName(botId: string, name: string): void {
    if (!this.botNames.has(botId) && !this.pendingBotNames.has(botId)) this.pendingBotNames.set(botId, name);
  }

  /** A bot that posted: returns its person key and pushes a person.updated when it is new or renamed. */
  seeBot(botId: string, message: JsonRecord, occurredAt: string, out: EventEnvelope[]): string {
    const key = this.directory.personKey(botId);
    const known = this.botNames.get(botId);
    const profile = asRecord(message.bot_profile);
    const profileName = asText(profile?.name);
    const username = asText(message.username);
    if (known !== undefined) {
      const fresh = [profileName, username].filter(
        (name): name is string => name !== undefined && !known.includes(name),
      );
      if (fresh.length === 0 || known.length >= MAX_BOT_NAMES) return key;
      known.push(...fresh.slice(0, MAX_BOT_NAMES - known.length));
    } else {
      const names = distinctNames(profileName, username, this.pendingBotNames.get(botId)).slice(
        0,
        MAX_BOT_NAMES,
      );
      this.botNames.set(botId, names);
      if (names.length > 0 && this.directory.displayName(botId) === undefined)
        this.directory.setDisplayName(botId, names[0]);
    }
    const payload: PersonUpdated = {
      key,
      source: 'slack',
      workspace: this.directory.team,
      nativeId: botId,
      names: [...(this.botNames.get(botId) ?? [])],
      handles: [],
      emails: [],
      isBot: true,
    };
    out.push(personUpdated(payload, occurredAt));
    return key;
  }

  /** A user not in users.json whose message carries a `user_profile`: published once per run. */
  seeProfile(userId: string, profile: JsonRecord, occurredAt: string, out: EventEnvelope[]): void {
    if (this.directory.listedUsers.has(userId) || this.profiled.has(userId)) return;
    this.profiled.add(userId);
    const handle = asText(profile.name);
    const names = distinctNames(profile.display_name, profile.real_name, handle);
    if (names.length > 0) this.directory.setDisplayName(userId, names[0]);
    const payload: PersonUpdated = {
      key: this.directory.personKey(userId),
      source: 'slack',
      workspace: this.directory.team,
      nativeId: userId,
      names,
      handles: handle === undefined ? [] : [handle],
      emails: [],
      isBot: profile.is_bot === true,
    };
    out.push(personUpdated(payload, occurredAt));
  }
}
