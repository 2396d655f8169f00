/**
 * Builders for the events connectors emit. Every id is deterministic (see ids.ts), so ingesting
 * the same export twice appends nothing. Connectors must build events through these.
 */
import type { ChannelUpdated } from './channel.js';
import { EVENT, makeEvent, type TypedEnvelope } from './events.js';
import { contentHash, stableId } from './ids.js';
import type { MeetingCancelled, MeetingScheduled } from './meeting.js';
import {
  channelKeyOf,
  type MessageDeleted,
  type MessagePosted,
  type MessageRef,
  type ReactionAdded,
} from './message.js';
import type { PersonLinked, PersonUpdated } from './person.js';
import { capName } from './text-caps.js';

export function postedEventId(ref: MessageRef): string {
  return stableId(EVENT.messagePosted, ref.source, ref.workspace, ref.channel, ref.id);
}

export function messagePosted(payload: MessagePosted): TypedEnvelope<typeof EVENT.messagePosted> {
  return makeEvent({
    id: postedEventId(payload),
    type: EVENT.messagePosted,
    stream: channelKeyOf(payload),
    occurredAt: payload.ts,
    payload,
  });
}

export function messageDeleted(
  payload: MessageDeleted,
  occurredAt: string,
): TypedEnvelope<typeof EVENT.messageDeleted> {
  return makeEvent({
    id: stableId(EVENT.messageDeleted, payload.source, payload.workspace, payload.channel, payload.id),
    type: EVENT.messageDeleted,
    stream: channelKeyOf(payload),
    occurredAt,
    payload,
  });
}

export function reactionAdded(
  payload: ReactionAdded,
  occurredAt: string,
): TypedEnvelope<typeof EVENT.reactionAdded> {
  return makeEvent({
    id: stableId(
      EVENT.reactionAdded,
      payload.source,
      payload.workspace,
      payload.channel,
      payload.id,
      payload.emoji,
      payload.user,
    ),
    type: EVENT.reactionAdded,
    stream: channelKeyOf(payload),
    occurredAt,
    payload,
  });
}

/** `occurredAt`: the profile's own update time when the export has one, else the observation time. */
export function personUpdated(
  payload: PersonUpdated,
  occurredAt: string,
): TypedEnvelope<typeof EVENT.personUpdated> {
  // Every connector's people go through here: names, handles and emails are capped once (capName).
  payload = {
    ...payload,
    names: payload.names.map(capName),
    handles: payload.handles.map(capName),
    emails: payload.emails.map(capName),
  };
  return makeEvent({
    id: stableId(EVENT.personUpdated, payload.key, contentHash(payload)),
    type: EVENT.personUpdated,
    stream: payload.key,
    occurredAt,
    payload,
  });
}

export function personLinked(
  payload: PersonLinked,
  occurredAt: string,
): TypedEnvelope<typeof EVENT.personLinked> {
  const [a, b] = [payload.a, payload.b].sort();
  return makeEvent({
    id: stableId(EVENT.personLinked, a, b, payload.method, payload.basis),
    type: EVENT.personLinked,
    stream: `person-link:${a}`,
    occurredAt,
    payload,
  });
}

/** `occurredAt`: the channel's creation time when known, else the observation time. */
export function channelUpdated(
  payload: ChannelUpdated,
  occurredAt: string,
): TypedEnvelope<typeof EVENT.channelUpdated> {
  return makeEvent({
    id: stableId(EVENT.channelUpdated, payload.key, contentHash(payload)),
    type: EVENT.channelUpdated,
    stream: payload.key,
    occurredAt,
    payload,
  });
}

export function meetingScheduled(payload: MeetingScheduled): TypedEnvelope<typeof EVENT.meetingScheduled> {
  return makeEvent({
    id: stableId(
      EVENT.meetingScheduled,
      payload.calendar,
      payload.uid,
      payload.occurrence,
      contentHash(payload),
    ),
    type: EVENT.meetingScheduled,
    stream: payload.calendar,
    occurredAt: payload.start,
    payload,
  });
}

export function meetingCancelled(payload: MeetingCancelled): TypedEnvelope<typeof EVENT.meetingCancelled> {
  return makeEvent({
    id: stableId(EVENT.meetingCancelled, payload.calendar, payload.uid, payload.occurrence),
    type: EVENT.meetingCancelled,
    stream: payload.calendar,
    occurredAt: payload.occurrence,
    payload,
  });
}

export type { ChannelUpdated };
