import type { Connector, ConnectorOptions, DetectedInput, IngestItem } from '../connector.js';
import { sniffTeamsChannelList } from './teams-channel-list.js';
import { mapTeamsExport } from './teams-export.js';

const CHAT_MESSAGE_KEY = /"(messageType|createdDateTime|body|from|replyToId|chatId|channelIdentity)"\s*:/g;

/**
 * A Graph chatMessage list (`{"@odata.context": "…/messages", "value": [...]}`), a plain array of
 * chatMessages, or a team's channel list, judged from the first 64 KiB without parsing it whole.
 */
export function sniffTeamsJson(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  if (/"guild"\s*:\s*\{/.test(text)) return false;
  if (text.startsWith('{') && sniffTeamsChannelList(text)) return true;
  if (text.startsWith('{')) {
    const context = /"@odata\.context"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? '';
    if (/\/messages\b|chatMessage/i.test(context)) return true;
    if (!/"value"\s*:\s*\[/.test(text)) return false;
  }
  const keys = new Set([...text.matchAll(CHAT_MESSAGE_KEY)].map((match) => match[1]));
  return keys.has('createdDateTime') && (keys.has('messageType') || (keys.has('body') && keys.has('from')));
}

async function* readTeams(input: DetectedInput, options: ConnectorOptions): AsyncGenerator<IngestItem> {
  if (input.container !== 'file') {
    yield {
      kind: 'problem',
      problem: {
        path: input.path,
        severity: 'skipped-file',
        reason: `${input.path} is a folder; Teams messages are read from Graph JSON files.`,
      },
    };
    return;
  }
  const { events, problems } = mapTeamsExport(input.text, input.path, options.teamsChannelNames);
  for (const problem of problems) yield { kind: 'problem', problem };
  if (events !== null) yield { kind: 'batch', path: input.path, events };
}

/** Microsoft Teams messages as Microsoft Graph returns them (chat or channel messages), and channel lists. */
export const teamsConnector: Connector = {
  format: 'teams-graph-json',
  sniffFile: sniffTeamsJson,
  read: (input, options) => readTeams(input, options),
};
