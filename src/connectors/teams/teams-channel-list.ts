import { channelUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { IngestProblem } from '../connector.js';
import { asId, asString, isRecord, type JsonRecord } from '../json-values.js';
import { channelKey, odataKey } from './teams-channel.js';
import { parseGraphTime } from './teams-time.js';

/** The `@odata.context` of GET /teams/{id}/channels (or allChannels): `…#teams('…')/channels`. */
const LIST_CONTEXT = /#teams\('([^']*(?:''[^']*)*)'\)\/(?:all)?channels(?:\/\$entity)?$/i;
const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Is this parsed JSON a Graph channel list (`{"value": [{"id", "displayName", "membershipType", …}]}`)?
 * Judged by content: the context names a team's channels, or its entries look like channels.
 */
export function isTeamsChannelList(root: unknown): root is JsonRecord & { value: unknown[] } {
  if (!isRecord(root) || !Array.isArray(root.value)) return false;
  if (LIST_CONTEXT.test(asString(root['@odata.context']) ?? '')) return true;
  return root.value.length > 0 && root.value.every(looksLikeChannel);
}

/** The same test on the first 64 KiB of a file, without parsing it. */
export function sniffTeamsChannelList(head: string): boolean {
  const context = /"@odata\.context"\s*:\s*"([^"]*)"/.exec(head)?.[1];
  if (context !== undefined && LIST_CONTEXT.test(context)) return true;
  return (
    /"value"\s*:\s*\[/.test(head) &&
    /"displayName"\s*:/.test(head) &&
    /"membershipType"\s*:\s*"(standard|private|shared)"/.test(head) &&
    /"id"\s*:\s*"19:[^"]*@thread\.(tacv2|skype)"/.test(head)
  );
}

function looksLikeChannel(item: unknown): boolean {
  return (
    isRecord(item) &&
    typeof item.displayName === 'string' &&
    typeof item.membershipType === 'string' &&
    /@thread\./.test(asString(item.id) ?? '')
  );
}

/**
 * One channel.updated per channel of the list, named by its displayName, in the team the context
 * names (else the `groupId` of the channel's webUrl). Message lists carry no channel names, so a
 * channel list ingested before or after them is what turns `teams #19:7f3c…` into
 * `teams #payments-partner` (the fold keeps a given name over one made from the id).
 */
export function mapTeamsChannelList(
  root: JsonRecord & { value: unknown[] },
  path: string,
): { events: EventEnvelope[]; problems: IngestProblem[] } {
  const contextTeam = LIST_CONTEXT.exec(asString(root['@odata.context']) ?? '')?.[1];
  const events: EventEnvelope[] = [];
  const problems: IngestProblem[] = [];
  root.value.forEach((item, index) => {
    const problem = (reason: string) =>
      problems.push({ path, severity: 'skipped-record', recordIndex: index, reason });
    if (!isRecord(item)) return problem('the channel is not a JSON object; skipped.');
    const id = asId(item.id);
    const name = asString(item.displayName)?.trim();
    if (id === undefined || !name) return problem('the channel has no id or no displayName; skipped.');
    const team = contextTeam !== undefined ? odataKey(contextTeam) : groupIdOf(asString(item.webUrl));
    if (team === undefined)
      return problem(
        `channel ${name}: neither @odata.context (teams('…')/channels) nor its webUrl (groupId=…) says which team it is in; skipped. Save the response of GET /teams/{team-id}/channels whole.`,
      );
    const description = asString(item.description)?.trim();
    events.push(
      channelUpdated(
        {
          key: channelKey({ scope: 'channel', workspace: team, channel: id }),
          source: 'teams',
          workspace: team,
          nativeId: id,
          name,
          kind: 'channel',
          members: [],
          ...(description ? { purpose: description } : {}),
        },
        parseGraphTime(item.createdDateTime)?.ts ?? EPOCH,
      ),
    );
  });
  return { events, problems };
}

function groupIdOf(webUrl: string | undefined): string | undefined {
  if (!webUrl) return undefined;
  try {
    return new URL(webUrl).searchParams.get('groupId') ?? undefined;
  } catch {
    return undefined;
  }
}
