import { channelUpdated } from '../../domain/event-builders.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { Connector, ConnectorOptions, DetectedInput, IngestItem, IngestProblem } from '../connector.js';
import type { Tree } from '../tree.js';
import { channelOfFolder, channelPayload, mapChannels } from './slack-channels.js';
import { mapDayFile } from './slack-day-file.js';
import { SlackDirectory } from './slack-directory.js';
import {
  readLayout,
  sniffSlackTree,
  type SlackConversationFolder,
  type SlackLayout,
} from './slack-layout.js';
import { SlackPeopleSeen } from './slack-people-seen.js';
import type { SlackMessageContext } from './slack-message.js';
import { readJsonArray, readText, teamOfDayFiles, type TextRead } from './slack-tree-files.js';
import { mapUsers, teamOfUsers } from './slack-users.js';

const CHANNEL_FILES = ['channels.json', 'groups.json', 'dms.json', 'mpims.json'] as const;
/** Unexpected files reported one by one, before a single summary line. */
const MAX_UNEXPECTED_WARNINGS = 20;

/**
 * Reads a Slack workspace export (folder or zip): users and conversations from the metadata files,
 * then one batch per day file. Day files are parsed one at a time (the next file's bytes are read
 * ahead while one is mapped), so memory stays bounded by the largest day file, twice at most.
 */
async function* readSlack(input: DetectedInput, options: ConnectorOptions): AsyncGenerator<IngestItem> {
  if (input.container !== 'tree') {
    yield problem(
      input.path,
      `${input.path} is a single file; a Slack export is a folder or zip with users.json, channels.json and one folder per channel.`,
    );
    return;
  }
  const { tree } = input;
  const layout = readLayout(tree.list());
  if (layout === undefined) {
    yield problem(
      input.path,
      `${input.path} is not a Slack workspace export (no users.json or channels.json at its top).`,
    );
    return;
  }
  const now = options.now.toISOString();
  yield* unexpectedFiles(tree, layout);
  const directory = yield* readWorkspace(tree, layout, now);
  yield* readDayFiles(tree, layout, directory, now);
}

/** users.json, then channels, groups, DMs and group DMs: their events, and the directory they fill. */
async function* readWorkspace(
  tree: Tree,
  layout: SlackLayout,
  now: string,
): AsyncGenerator<IngestItem, SlackDirectory> {
  const usersEntry = layout.metadata['users.json'];
  let users: readonly unknown[] = [];
  if (usersEntry !== undefined) {
    const read = await readJsonArray(tree, usersEntry);
    if (read.ok) users = read.records;
    else yield { kind: 'problem', problem: read.problem };
  }
  const firstDayFiles = layout.conversations.map((conversation) => conversation.dayFiles[0]);
  const team = teamOfUsers(users) ?? (await teamOfDayFiles(tree, firstDayFiles)) ?? 'default';
  const directory = new SlackDirectory(team);
  if (usersEntry !== undefined && users.length > 0) {
    const mapped = mapUsers(users, directory, `${tree.root}/${usersEntry}`, now);
    yield* asItems(`${tree.root}/${usersEntry}`, mapped.events, mapped.problems);
  }
  for (const file of CHANNEL_FILES) {
    const entry = layout.metadata[file];
    if (entry === undefined) continue;
    const read = await readJsonArray(tree, entry);
    if (!read.ok) {
      yield { kind: 'problem', problem: read.problem };
      continue;
    }
    const mapped = mapChannels(file, read.records, directory, `${tree.root}/${entry}`, now);
    yield* asItems(`${tree.root}/${entry}`, mapped.events, mapped.problems);
  }
  return directory;
}

/** One batch per day file, conversation by conversation; a folder no metadata names gets its channel first. */
async function* readDayFiles(
  tree: Tree,
  layout: SlackLayout,
  directory: SlackDirectory,
  now: string,
): AsyncGenerator<IngestItem> {
  const people = new SlackPeopleSeen(directory);
  const dayFiles = layout.conversations.flatMap((conversation) =>
    conversation.dayFiles.map((entry) => ({ conversation, entry })),
  );
  let next = dayFiles.length > 0 ? readText(tree, dayFiles[0].entry) : undefined;
  let current: SlackConversationFolder | undefined;
  let context: SlackMessageContext | undefined;
  for (let index = 0; index < dayFiles.length; index++) {
    const { conversation, entry } = dayFiles[index];
    const read = await (next as Promise<TextRead>);
    next = index + 1 < dayFiles.length ? readText(tree, dayFiles[index + 1].entry) : undefined;
    if (context === undefined || conversation !== current) {
      current = conversation;
      let channel = directory.channelOfFolder(conversation.folder);
      if (channel === undefined) {
        channel = channelOfFolder(conversation.folder, directory);
        yield {
          kind: 'batch',
          path: `${tree.root}/${layout.prefix}${conversation.folder}`,
          events: [channelUpdated(channelPayload(channel, directory, []), now)],
        };
      }
      context = { directory, people, channel };
    }
    if (!read.ok) {
      yield { kind: 'problem', problem: read.problem };
      continue;
    }
    const path = `${tree.root}/${entry}`;
    const mapped = mapDayFile(read.text, path, context);
    yield* asItems(path, mapped.events ?? [], mapped.problems);
  }
}

function* asItems(
  path: string,
  events: EventEnvelope[],
  problems: readonly IngestProblem[],
): Generator<IngestItem> {
  for (const item of problems) yield { kind: 'problem', problem: item };
  if (events.length > 0) yield { kind: 'batch', path, events };
}

function* unexpectedFiles(tree: Tree, layout: SlackLayout): Generator<IngestItem> {
  const { unexpected } = layout;
  for (const entry of unexpected.slice(0, MAX_UNEXPECTED_WARNINGS)) {
    yield warning(
      `${tree.root}/${entry}`,
      `${tree.root}/${entry} is not part of a Slack export outro reads (users, channels, or a channel folder's YYYY-MM-DD.json day files); ignored.`,
    );
  }
  if (unexpected.length > MAX_UNEXPECTED_WARNINGS) {
    yield warning(
      tree.root,
      `${unexpected.length - MAX_UNEXPECTED_WARNINGS} more files in ${tree.root} are not part of a Slack export outro reads; ignored.`,
    );
  }
}

function problem(path: string, reason: string): IngestItem {
  return { kind: 'problem', problem: { path, severity: 'skipped-file', reason } };
}

function warning(path: string, reason: string): IngestItem {
  return { kind: 'problem', problem: { path, severity: 'warning', reason } };
}

/** Slack's standard workspace export (Settings → Import/Export), as a folder or a zip. */
export const slackConnector: Connector = {
  format: 'slack-export',
  sniffTree: sniffSlackTree,
  read: (input, options) => readSlack(input, options),
};
