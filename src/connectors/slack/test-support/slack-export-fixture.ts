import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChannelUpdated } from '../../../domain/channel.js';
import type { EventEnvelope } from '../../../domain/events.js';
import type { MessageDeleted, MessagePosted, ReactionAdded } from '../../../domain/message.js';
import type { PersonUpdated } from '../../../domain/person.js';
import type { IngestItem, IngestProblem } from '../../connector.js';
import { writeZip } from '../../test-support/make-zip.js';
import { openDirTree, openZipTree } from '../../tree.js';
import { slackConnector } from '../slack-connector.js';

/** Export files by path: strings and buffers are written as they are, anything else as JSON. */
export type ExportFiles = Record<string, unknown>;

export const NOW = new Date('2026-03-01T12:00:00.000Z');

function contentOf(value: unknown): string | Buffer {
  return typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value, null, 4);
}

/** Writes the files as an export folder under `dir`, or as `dir/export.zip`; returns the path. */
export async function writeExport(
  dir: string,
  files: ExportFiles,
  as: 'folder' | 'zip' = 'folder',
): Promise<string> {
  if (as === 'zip') {
    const file = join(dir, 'export.zip');
    await writeZip(
      file,
      Object.fromEntries(Object.entries(files).map(([name, value]) => [name, contentOf(value)])),
    );
    return file;
  }
  const root = join(dir, 'export');
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), contentOf(value));
  }
  return root;
}

export interface SlackRead {
  items: IngestItem[];
  batches: Array<{ path: string; events: EventEnvelope[] }>;
  problems: IngestProblem[];
  events: EventEnvelope[];
  posted: MessagePosted[];
  deleted: MessageDeleted[];
  reactions: Array<EventEnvelope<ReactionAdded>>;
  people: PersonUpdated[];
  channels: ChannelUpdated[];
}

/** Runs the connector over a folder or zip and sorts what it yields by kind. */
export async function readSlackExport(path: string): Promise<SlackRead> {
  const tree = statSync(path).isDirectory() ? await openDirTree(path) : await openZipTree(path);
  const items: IngestItem[] = [];
  try {
    const options = { now: NOW, calendarPastDays: 30, calendarFutureDays: 30 };
    for await (const item of slackConnector.read(
      { format: 'slack-export', path, container: 'tree', tree },
      options,
    ))
      items.push(item);
  } finally {
    await tree.close();
  }
  const batches = items.flatMap((item) =>
    item.kind === 'batch' ? [{ path: item.path, events: item.events }] : [],
  );
  const events = batches.flatMap((batch) => batch.events);
  const of = <P>(type: string) => events.filter((event) => event.type === type) as Array<EventEnvelope<P>>;
  return {
    items,
    batches,
    problems: items.flatMap((item) => (item.kind === 'problem' ? [item.problem] : [])),
    events,
    posted: of<MessagePosted>('message.posted').map((event) => event.payload),
    deleted: of<MessageDeleted>('message.deleted').map((event) => event.payload),
    reactions: of<ReactionAdded>('reaction.added'),
    people: of<PersonUpdated>('person.updated').map((event) => event.payload),
    channels: of<ChannelUpdated>('channel.updated').map((event) => event.payload),
  };
}

export const TEAM = 'T0TEST';

/** A users.json entry. */
export function slackUser(
  id: string,
  name: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  const realName = name.charAt(0).toUpperCase() + name.slice(1) + ' Example';
  return {
    id,
    team_id: TEAM,
    name,
    real_name: realName,
    deleted: false,
    is_bot: false,
    tz: 'Europe/Berlin',
    profile: { display_name: name, real_name: realName, email: `${name}@example.com`, title: '' },
    updated: 1700000000,
    ...fields,
  };
}

/** A day-file message from U1 unless told otherwise. */
export function slackMessage(ts: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', user: 'U1', text: `message ${ts}`, ts, ...fields };
}

/** A small export: two users, one public channel. */
export function baseExport(extra: ExportFiles = {}): ExportFiles {
  return {
    'users.json': [slackUser('U1', 'dana'), slackUser('U2', 'fox')],
    'channels.json': [
      {
        id: 'C1',
        name: 'general',
        created: 1600000000,
        members: ['U1', 'U2'],
        is_archived: false,
        topic: { value: 'Everything' },
        purpose: { value: '' },
      },
    ],
    ...extra,
  };
}
