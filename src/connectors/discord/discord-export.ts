import type { CHANNEL_KINDS } from '../../domain/channel.js';
import { channelUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import { sourceKey } from '../../domain/ids.js';
import { parseTolerantTime } from '../../domain/time.js';
import type { IngestProblem } from '../connector.js';
import { mapDiscordMessage } from './discord-message.js';
import { DiscordPeople } from './discord-people.js';
import { asId, asRecord, asString, type JsonRecord } from '../json-values.js';
import { parseSpan, rootSpans, type RootSpans } from '../json-spans.js';
import { inTimeOrder, RANK, type RankedEvent } from '../ordered-events.js';

export interface DiscordExportResult {
  /** Null when the whole file was skipped. */
  events: EventEnvelope[] | null;
  problems: IngestProblem[];
}

type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Reads one DiscordChatExporter JSON file (one channel) into events in time order, and problems.
 * The messages are parsed one at a time (json-spans.ts), so memory holds the file's text and its
 * events, not the parsed tree of every message. A file that is not valid JSON as a whole is skipped.
 */
export function mapDiscordExport(text: string, path: string): DiscordExportResult {
  const invalid = (cause: unknown): DiscordExportResult =>
    skipped(
      path,
      `${path} is not valid JSON (${(cause as Error).message}); the export may be truncated. Export the channel again.`,
    );
  const notDiscord = (): DiscordExportResult =>
    skipped(
      path,
      `${path} is not a DiscordChatExporter JSON export (it needs "guild" and "channel" objects with ids).`,
    );
  if (!/^\uFEFF?\s*\{/.test(text.slice(0, 1024))) {
    // Not an object at the root (only a caller other than detection sends one): small, parse it whole.
    try {
      JSON.parse(text);
    } catch (cause) {
      return invalid(cause);
    }
    return notDiscord();
  }
  let spans: RootSpans;
  let guild: JsonRecord | undefined;
  let channel: JsonRecord | undefined;
  let exportedAt: unknown;
  try {
    spans = rootSpans(text, 'messages');
    const value = (key: string): unknown => {
      const span = spans.values.get(key);
      return span === undefined ? undefined : parseSpan(text, span);
    };
    // Every root value is parsed, so a damaged one anywhere makes the file invalid, as JSON.parse would.
    for (const key of spans.values.keys()) if (key !== 'messages') value(key);
    guild = asRecord(value('guild'));
    channel = asRecord(value('channel'));
    exportedAt = value('exportedAt');
    if (spans.values.has('messages') && spans.elements === undefined) value('messages');
  } catch (cause) {
    return invalid(cause);
  }
  const guildId = asId(guild?.id);
  const channelId = asId(channel?.id);
  if (!guild || !channel || guildId === undefined || channelId === undefined) return notDiscord();
  const elements = spans.elements;
  if (elements === undefined) {
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
  for (let recordIndex = 0; recordIndex < elements.length; recordIndex++) {
    let raw: unknown;
    try {
      raw = parseSpan(text, elements[recordIndex]);
    } catch (cause) {
      return invalid(cause);
    }
    const result = mapDiscordMessage(raw, context);
    if (!result.ok) {
      problems.push({ path, severity: 'skipped-record', recordIndex, reason: `${result.reason}; skipped.` });
      continue;
    }
    ranked.push(...result.events);
    reactionsWithoutUsers += result.reactionsWithoutUsers;
    if (firstTs === undefined || result.ts < firstTs) firstTs = result.ts;
    if (!authors.includes(result.author)) authors.push(result.author);
  }
  if (reactionsWithoutUsers > 0) {
    problems.push({
      path,
      severity: 'warning',
      reason: `${reactionsWithoutUsers} reaction(s) list no users, so who reacted is unknown; they were skipped. A newer DiscordChatExporter writes reaction users.`,
    });
  }

  const kind = channelKind(channelType);
  const observedAt = firstTs ?? parseTolerantTime(exportedAt);
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
