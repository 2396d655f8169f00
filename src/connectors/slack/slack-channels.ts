import { channelUpdated } from '../../domain/event-builders.js';
import type { ChannelUpdated } from '../../domain/channel.js';
import { parseTolerantTime } from '../../domain/time.js';
import { asArray, asId, asRecord, asText, describeJson, isRecord, type JsonRecord } from '../json-values.js';
import type { SlackChannelInfo, SlackChannelKind, SlackDirectory } from './slack-directory.js';
import type { MetadataFile } from './slack-layout.js';
import { byOccurredAt, type MetadataResult } from './slack-users.js';

const KIND_OF_FILE: Record<Exclude<MetadataFile, 'users.json'>, SlackChannelKind> = {
  'channels.json': 'channel',
  'groups.json': 'private',
  'dms.json': 'dm',
  'mpims.json': 'group_dm',
};

/** channels.json, groups.json, dms.json or mpims.json to channel.updated events; registers each folder. */
export function mapChannels(
  file: Exclude<MetadataFile, 'users.json'>,
  records: readonly unknown[],
  directory: SlackDirectory,
  path: string,
  now: string,
): MetadataResult {
  const kind = KIND_OF_FILE[file];
  const result: MetadataResult = { events: [], problems: [] };
  records.forEach((record, recordIndex) => {
    const id = isRecord(record) ? asId(record.id) : undefined;
    if (!isRecord(record) || id === undefined) {
      const what = isRecord(record) ? 'a conversation without an "id"' : describeJson(record);
      result.problems.push({
        path,
        severity: 'skipped-record',
        recordIndex,
        reason: `entry ${recordIndex} of ${file} is ${what}; skipped.`,
      });
      return;
    }
    const members = asArray(record.members).flatMap((member) =>
      typeof member === 'string' && member !== '' ? [member] : [],
    );
    const name = kind === 'dm' ? dmName(id, members, directory) : (asText(record.name) ?? id);
    // DM folders are named by id; every other conversation's folder by its name.
    const info = directory.addChannel(id, name, kind, kind === 'dm' ? id : (asText(record.name) ?? id));
    const occurredAt = parseTolerantTime(record.created) ?? parseTolerantTime(record.updated) ?? now;
    result.events.push(channelUpdated(channelPayload(info, directory, members, record), occurredAt));
  });
  result.events.sort(byOccurredAt);
  return result;
}

/** A conversation folder that no metadata file lists: its id and name come from the folder name. */
export function channelOfFolder(folder: string, directory: SlackDirectory): SlackChannelInfo {
  const kind: SlackChannelKind = /^D[A-Z0-9]{6,}$/.test(folder)
    ? 'dm'
    : folder.startsWith('mpdm-')
      ? 'group_dm'
      : 'channel';
  return directory.addChannel(folder, folder, kind, folder);
}

export function channelPayload(
  info: SlackChannelInfo,
  directory: SlackDirectory,
  members: readonly string[],
  record: JsonRecord = {},
): ChannelUpdated {
  const payload: ChannelUpdated = {
    key: info.key,
    source: 'slack',
    workspace: directory.team,
    nativeId: info.id,
    name: info.name,
    kind: info.kind,
    members: members.map((member) => directory.personKey(member)),
  };
  const topic = asText(asRecord(record.topic)?.value);
  const purpose = asText(asRecord(record.purpose)?.value);
  if (topic !== undefined) payload.topic = topic;
  if (purpose !== undefined) payload.purpose = purpose;
  if (typeof record.is_archived === 'boolean') payload.archived = record.is_archived;
  return payload;
}

/** A DM has no name: call it by its members' display names. */
function dmName(id: string, members: readonly string[], directory: SlackDirectory): string {
  const names = members.map((member) => directory.displayName(member) ?? member);
  return names.length > 0 ? names.join(', ') : id;
}
