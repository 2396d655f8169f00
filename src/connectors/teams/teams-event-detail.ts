import type { MessageKind } from '../../domain/message.js';
import { asArray, asString, type JsonRecord } from '../json-values.js';
import { identityOf, memberIdentityOf, type TeamsIdentity } from './teams-people.js';

export interface EventDescription {
  text: string;
  kind: MessageKind;
  /** The initiator, when the event names one. */
  initiator: TeamsIdentity | undefined;
  /** Users the event adds to the conversation. */
  added: TeamsIdentity[];
  /** A new chat or channel name. */
  renamedTo?: string;
  /** A new channel description. */
  topic?: string;
}

/** "#microsoft.graph.membersAddedEventMessageDetail" -> "membersAdded". */
export function eventDetailType(detail: JsonRecord): string {
  const odataType = asString(detail['@odata.type']) ?? '';
  return odataType
    .replace(/^#?microsoft\.graph\./, '')
    .replace(/(EventMessageDetail|EventDetail|MessageDetail)$/, '');
}

/**
 * A readable line for a system event ("Alex added Sam", "call ended after 12 minutes"). `nameOf`
 * finds names the event itself leaves out (Graph often sends initiators without displayName).
 */
export function describeEventDetail(
  detail: JsonRecord,
  nameOf: (identity: TeamsIdentity) => string | undefined,
): EventDescription {
  const type = eventDetailType(detail);
  const initiator = identityOf(detail.initiator);
  const members = asArray(detail.members)
    .map(memberIdentityOf)
    .filter((member): member is TeamsIdentity => member !== undefined);
  const who = (identity: TeamsIdentity | undefined) =>
    identity ? (nameOf(identity) ?? identity.name ?? 'someone') : 'someone';
  const actor = capitalize(who(initiator));
  const memberNames = listOf(members.map(who));
  const selfOnly = initiator !== undefined && members.length === 1 && members[0].key === initiator.key;
  const quoted = (value: unknown) => (asString(value)?.trim() ? ` "${asString(value)!.trim()}"` : '');
  const base = { initiator, added: [] as TeamsIdentity[] };

  switch (type) {
    case 'membersAdded':
      return {
        ...base,
        added: members,
        kind: 'join',
        text: !initiator || selfOnly ? `${capitalize(memberNames)} joined` : `${actor} added ${memberNames}`,
      };
    case 'membersJoined':
      return {
        ...base,
        added: members,
        kind: 'join',
        text: `${capitalize(members.length > 0 ? memberNames : actor)} joined`,
      };
    case 'membersDeleted':
      return {
        ...base,
        kind: 'leave',
        text: !initiator || selfOnly ? `${capitalize(memberNames)} left` : `${actor} removed ${memberNames}`,
      };
    case 'membersLeft':
      return { ...base, kind: 'leave', text: `${capitalize(members.length > 0 ? memberNames : actor)} left` };
    case 'callStarted':
      return { ...base, kind: 'system', text: `${actor} started a call` };
    case 'callEnded':
      return { ...base, kind: 'system', text: `call ended${durationText(asString(detail.callDuration))}` };
    case 'callRecording':
      return { ...base, kind: 'system', text: 'call recording is available' };
    case 'callTranscript':
      return { ...base, kind: 'system', text: 'call transcript is available' };
    case 'chatCreated':
      return {
        ...base,
        kind: 'system',
        text: `${actor} created the chat${quoted(detail.chatDisplayName)}`,
        ...named(detail.chatDisplayName),
      };
    case 'chatRenamed':
      return {
        ...base,
        kind: 'system',
        text: `${actor} renamed the chat to${quoted(detail.chatDisplayName)}`,
        ...named(detail.chatDisplayName),
      };
    case 'channelAdded':
      return {
        ...base,
        kind: 'system',
        text: `${actor} created the channel${quoted(detail.channelDisplayName)}`,
        ...named(detail.channelDisplayName),
      };
    case 'channelRenamed':
      return {
        ...base,
        kind: 'system',
        text: `${actor} renamed the channel to${quoted(detail.channelDisplayName)}`,
        ...named(detail.channelDisplayName),
      };
    case 'channelDeleted':
      return {
        ...base,
        kind: 'system',
        text: `${actor} deleted the channel${quoted(detail.channelDisplayName)}`,
      };
    case 'channelDescriptionUpdated': {
      const topic = asString(detail.channelDescription)?.trim();
      return {
        ...base,
        kind: 'system',
        text: `${actor} changed the channel description${topic ? ` to "${topic}"` : ''}`,
        ...(topic ? { topic } : {}),
      };
    }
    case 'messagePinned':
      return { ...base, kind: 'system', text: `${actor} pinned a message` };
    case 'messageUnpinned':
      return { ...base, kind: 'system', text: `${actor} unpinned a message` };
    case 'teamsAppInstalled':
      return { ...base, kind: 'system', text: `${actor} added the app${quoted(detail.teamsAppDisplayName)}` };
    case 'teamsAppRemoved':
      return {
        ...base,
        kind: 'system',
        text: `${actor} removed the app${quoted(detail.teamsAppDisplayName)}`,
      };
    case 'teamsAppUpgraded':
      return {
        ...base,
        kind: 'system',
        text: `${actor} updated the app${quoted(detail.teamsAppDisplayName)}`,
      };
    case 'teamRenamed':
      return {
        ...base,
        kind: 'system',
        text: `${actor} renamed the team to${quoted(detail.teamDisplayName)}`,
      };
    case 'teamCreated':
      return { ...base, kind: 'system', text: `${actor} created the team${quoted(detail.teamDisplayName)}` };
    case 'conversationMemberRoleUpdated':
      return {
        ...base,
        kind: 'system',
        text: `${actor} changed the role of ${who(memberIdentityOf(detail.conversationMemberUser))}`,
      };
    default:
      return { ...base, kind: 'system', text: humanize(type) };
  }
}

function named(value: unknown): { renamedTo?: string } {
  const name = asString(value)?.trim();
  return name ? { renamedTo: name } : {};
}

/** "Sam", "Sam and Kim", "Sam, Kim and Lee". */
function listOf(names: readonly string[]): string {
  if (names.length === 0) return 'someone';
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ISO-8601 duration ("PT1H2M3S") to " after 62 minutes". */
function durationText(duration: string | undefined): string {
  const match = duration
    ? /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration)
    : null;
  if (!match) return '';
  const [, d, h, m, s] = match;
  const minutes = Math.round(
    Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0) + Number(s ?? 0) / 60,
  );
  return minutes < 1 ? ' after less than a minute' : ` after ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function humanize(type: string): string {
  if (type === '') return 'system event';
  return type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
