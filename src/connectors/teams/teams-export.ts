import type { EventEnvelope } from '../../domain/events.js';
import type { IngestProblem } from '../connector.js';
import { asId, asString, isRecord } from '../json-values.js';
import { inTimeOrder, RANK, type RankedEvent } from '../ordered-events.js';
import { isTeamsChannelList, mapTeamsChannelList } from './teams-channel-list.js';
import {
  channelOfContext,
  channelOfFile,
  channelOfMessage,
  TeamsChannels,
  type TeamsChannelRef,
} from './teams-channel.js';
import { identitiesOf, mapTeamsMessage, type PreparedMessage, threadRootKey } from './teams-message.js';
import { TeamsPeople } from './teams-people.js';
import { messageTime } from './teams-time.js';

export interface TeamsExportResult {
  /** Null when the whole file was skipped. */
  events: EventEnvelope[] | null;
  problems: IngestProblem[];
}

/**
 * Reads one Graph chatMessage file — a list response `{"@odata.context", "value": [...]}` or a
 * plain array — into events in time order, and problems. A channel list (GET /teams/{id}/channels)
 * gives the channels' names instead (./teams-channel-list.ts); `channelNames` (config
 * `teams.channels`) names channels by id.
 */
export function mapTeamsExport(
  text: string,
  path: string,
  channelNames: Readonly<Record<string, string>> = {},
): TeamsExportResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (cause) {
    return skipped(
      path,
      `${path} is not valid JSON (${(cause as Error).message}); the file may be truncated. Fetch or export it again.`,
    );
  }
  if (isTeamsChannelList(root)) return mapTeamsChannelList(root, path);
  let items: readonly unknown[];
  let context: string | undefined;
  const problems: IngestProblem[] = [];
  if (Array.isArray(root)) {
    items = root;
  } else if (isRecord(root) && Array.isArray(root.value)) {
    items = root.value;
    context = asString(root['@odata.context']);
    if (asString(root['@odata.nextLink'])) {
      problems.push({
        path,
        severity: 'warning',
        reason: `${path} is one page of a longer Graph response (it has @odata.nextLink); messages on later pages are not in it.`,
      });
    }
  } else {
    return skipped(
      path,
      `${path} is not a Graph chatMessage list (expected a "value" array or a plain array of messages).`,
    );
  }

  const contextChannel = channelOfContext(context);
  let fileChannel: TeamsChannelRef | undefined;
  const prepared: PreparedMessage[] = [];
  items.forEach((raw, index) => {
    const problem = (severity: IngestProblem['severity'], reason: string) =>
      problems.push({ path, severity, recordIndex: index, reason });
    if (!isRecord(raw)) return problem('skipped-record', 'the message is not a JSON object; skipped.');
    const id = asId(raw.id);
    if (id === undefined) return problem('skipped-record', 'the message has no id; skipped.');
    if (asString(raw.messageType) === 'typing') return;
    const time = messageTime(raw);
    if (time.ts === undefined) return problem('skipped-record', `message ${id}: ${time.reason}; skipped.`);
    if (time.warning) problem('warning', `message ${id}: ${time.warning}`);
    let channel = channelOfMessage(raw) ?? contextChannel;
    if (!channel) {
      if (!fileChannel) {
        fileChannel = channelOfFile(path);
        problems.push({
          path,
          severity: 'warning',
          reason: `${path} does not say which chat or channel its messages belong to (no chatId, channelIdentity or @odata.context); they are filed under "${fileChannel.channel}".`,
        });
      }
      channel = fileChannel;
    }
    prepared.push({ index, raw, id, ts: time.ts, channel });
  });

  const people = new TeamsPeople();
  const threadRoots = new Set<string>();
  for (const message of prepared) {
    for (const identity of identitiesOf(message.raw)) people.see(identity, message.ts);
    const replyToId = asId(message.raw.replyToId);
    if (replyToId !== undefined) threadRoots.add(threadRootKey(message.channel, replyToId));
  }

  const channels = new TeamsChannels();
  const ranked: RankedEvent[] = [];
  let reactionsWithoutUser = 0;
  for (const message of prepared) {
    const mapped = mapTeamsMessage(message, { people, channels, threadRoots });
    ranked.push(...mapped.events);
    reactionsWithoutUser += mapped.reactionsWithoutUser;
  }
  if (reactionsWithoutUser > 0) {
    problems.push({
      path,
      severity: 'warning',
      reason: `${reactionsWithoutUser} reaction(s) name no user or no reaction type; they were skipped.`,
    });
  }
  for (const event of channels.events((key) => people.nameOf(key), channelNames))
    ranked.push({ event, rank: RANK.channel });
  for (const event of people.events()) ranked.push({ event, rank: RANK.person });
  return { events: inTimeOrder(ranked), problems };
}

function skipped(path: string, reason: string): TeamsExportResult {
  return { events: null, problems: [{ path, severity: 'skipped-file', reason }] };
}
