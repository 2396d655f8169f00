import type { Connector, DetectedInput, IngestItem } from '../connector.js';
import { mapDiscordExport } from './discord-export.js';

/** DiscordChatExporter writes `{"guild": {...}, "channel": {...}, ..., "messages": [...]}`, pretty or minified. */
export function sniffDiscordJson(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{')) return false;
  return /"guild"\s*:\s*\{/.test(text) && /"channel"\s*:\s*\{/.test(text) && /"messages"\s*:\s*\[/.test(text);
}

async function* readDiscord(input: DetectedInput): AsyncGenerator<IngestItem> {
  if (input.container !== 'file') {
    yield {
      kind: 'problem',
      problem: {
        path: input.path,
        severity: 'skipped-file',
        reason: `${input.path} is a folder; a DiscordChatExporter export is one JSON file per channel.`,
      },
    };
    return;
  }
  const { events, problems } = mapDiscordExport(input.text, input.path);
  for (const problem of problems) yield { kind: 'problem', problem };
  if (events !== null) yield { kind: 'batch', path: input.path, events };
}

/** DiscordChatExporter 2.x JSON: one channel (guild channel, thread or DM) per file. */
export const discordConnector: Connector = {
  format: 'discord-json',
  sniffFile: sniffDiscordJson,
  read: (input) => readDiscord(input),
};
