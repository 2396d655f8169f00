import type { CHANNEL_KINDS } from '../../domain/channel.js';
import { channelUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { sourceKey } from '../../domain/ids.js';
import { parseTolerantTime } from '../../domain/time.js';
import type { IngestProblem } from '../connector.js';
import { mapDiscordMessage } from './discord-message.js';
import { DiscordPeople } from './discord-people.js';
import { asId, asRecord, asString, isRecord } from '../json-values.js';
import { inTimeOrder, RANK, type RankedEvent } from '../ordered-events.js';

export interface DiscordExportResult {
  /** Null when the whole file was skipped. */
  events: EventEnvelope[] | null;
  problems: IngestProblem[];
}

type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Reads one DiscordChatExporter JSON file (one channel) into events in time order, and problems. */
export function mapDiscordExport(text: string, path: string): DiscordExportResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (cause) {
    return skipped(
      path,
      `${path} is not valid JSON (${(cause as Error).message}); the export may be truncated. Export the channel again.`,
    );
  }
  const guild = asRecord(isRecord(root) ? root.guild : undefined);
  const channel = asRecord(isRecord(root) ? root.channel : undefined);
  const guildId = asId(guild?.id);
  const channelId = asId(channel?.id);
  if (!isRecord(root) || !guild || !channel || guildId === undefined || channelId === undefined) {
    return skipped(
      path,
      `${path} is not a DiscordChatExporter JSON export (it needs "guild" and "channel" objects with ids).`,
    );
  }
  if (!Array.isArray(root.messages)) {
    return skipped(
      path,
      `${path} has no "messages" array; export the channel again as JSON with DiscordChatExporter.`,
    );
  }

  const channelType = asString(channel.type) ?? '';
  const context = {
    workspace: guildId,
    channelId,
    thread: /Thread$/.test(channelType) ? channelId : null,
    people: new DiscordPeople(),
  };
  const problems: IngestProblem[] = [];
  const ranked: RankedEvent[] = [];
  const authors: string[] = [];
  let firstTs: string | undefined;
  let reactionsWithoutUsers = 0;
  root.messages.forEach((raw, recordIndex) => {
    const result = mapDiscordMessage(raw, context);
    if (!result.ok) {
      problems.push({ path, severity: 'skipped-record', recordIndex, reason: `${result.reason}; skipped.` });
      return;
    }
    ranked.push(...result.events);
    reactionsWithoutUsers += result.reactionsWithoutUsers;
    if (firstTs === undefined || result.ts < firstTs) firstTs = result.ts;
    if (!authors.includes(result.author)) authors.push(result.author);
  });
  if (reactionsWithoutUsers > 0) {
    problems.push({
      path,
      severity: 'warning',
      reason: `${reactionsWithoutUsers} reaction(s) list no users, so who reacted is unknown; they were skipped. A newer DiscordChatExporter writes reaction users.`,
    });
  }

  const kind = channelKind(channelType);
  const observedAt = firstTs ?? parseTolerantTime(root.exportedAt);
  if (observedAt !== undefined) {
    const topic = asString(channel.topic)?.trim();
    const event = channelUpdated(
      {
        key: sourceKey('discord', guildId, channelId),
        source: 'discord',
        workspace: guildId,
        nativeId: channelId,
        name: asString(channel.name) || channelId,
        kind,
        // Membership of guild channels is not in the export; for DMs the participants are the people who wrote.
        members: kind === 'channel' ? [] : authors,
        ...(topic ? { topic } : {}),
      },
      observedAt,
    );
    ranked.push({ event, rank: RANK.channel });
  }
  for (const event of context.people.events()) ranked.push({ event, rank: RANK.person });
  return { events: inTimeOrder(ranked), problems };
}

function channelKind(type: string): ChannelKind {
  if (type === 'DirectTextChat') return 'dm';
  if (type === 'DirectGroupTextChat') return 'group_dm';
  return 'channel';
}

function skipped(path: string, reason: string): DiscordExportResult {
  return { events: null, problems: [{ path, severity: 'skipped-file', reason }] };
}
