import type { MeetingScheduled } from '../../domain/meeting.js';
import type { MeetingItem, PersonRef } from './brief-types.js';
import { topicKey, windowConversations } from './conversations-section.js';
import { localClock, localDayBounds } from '../../domain/time-zones.js';
import { openItems, openQuestions, type SectionContext } from './waiting-section.js';

const STOP = new Set(
  'the and for with sync weekly daily meeting call chat review standup stand up 1:1 about team'.split(' '),
);

/**
 * Your day: the meetings of the window's last day in the reader's zone (today, unless --until ends
 * the window earlier; recurring ones arrive already expanded), each with the conversations and open
 * items that share its people (other than you) or its topic.
 */
export function daySection(context: SectionContext): { date: string; meetings: MeetingItem[] } {
  const { data, people, me, until, timeZone } = context;
  const { date, start, end } = localDayBounds(new Date(until), timeZone);
  const meetings = data.meetings
    .filter(
      (meeting) => Date.parse(meeting.start) < end.getTime() && Date.parse(meeting.end) > start.getTime(),
    )
    .filter((meeting) => !meeting.allDay || meeting.start.slice(0, 10) <= date)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.summary.localeCompare(b.summary)));
  const conversations = windowConversations(context).filter((conversation) => !conversation.noise);
  const conversationWords = new Map(
    conversations.map((conversation) => [
      conversation.conversationId,
      topicWords(
        `${conversation.topic} ${conversation.entities.map((id) => data.entities.get(id)?.name ?? id).join(' ')}`,
      ),
    ]),
  );
  const questions = openQuestions(context);
  const items = openItems(context);
  return {
    date,
    meetings: meetings.map((meeting): MeetingItem => {
      const myIds = new Set([...me].map((key) => people.idOf(key)));
      const attendees = attendeeRefs(meeting, context).filter(
        (attendee) => !myIds.has(people.idOf(attendee.key)),
      );
      const others = new Set(attendees.map((attendee) => people.idOf(attendee.key)));
      const words = topicWords(`${meeting.summary} ${meeting.description ?? ''}`);
      const topicsSeen = new Set<string>();
      const related = conversations
        .map((conversation) => {
          const shared = conversation.participants.filter((key) => others.has(people.idOf(key)));
          const topicHit = [...conversationWords.get(conversation.conversationId)!].filter((word) =>
            words.has(word),
          );
          const why = [
            topicHit.length > 0 ? `topic: ${topicHit.join(', ')}` : '',
            shared.length > 0 ? `with ${[...new Set(shared.map((key) => people.name(key)))].join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ');
          return {
            conversation,
            rank: topicHit.length * 2 + new Set(shared.map((key) => people.idOf(key))).size,
            why,
          };
        })
        .filter((entry) => entry.rank > 0)
        .sort((a, b) => b.rank - a.rank || (a.conversation.end < b.conversation.end ? 1 : -1))
        .filter((entry) => {
          const key = topicKey(entry.conversation.topic);
          if (topicsSeen.has(key)) return false;
          topicsSeen.add(key);
          return true;
        })
        .slice(0, 3);
      const relatedIds = new Set(related.map((entry) => entry.conversation.conversationId));
      const involves = (keys: readonly string[]): boolean => keys.some((key) => others.has(people.idOf(key)));
      const openItemsOf = [
        ...questions
          .filter(
            (question) =>
              relatedIds.has(question.conversationId) ||
              (involves([question.asker]) && question.addressees.some((key) => me.has(key))) ||
              (me.has(question.asker) && involves(question.addressees)),
          )
          .map((question) => ({ kind: question.kind, id: question.questionId, text: question.text })),
        ...items
          .filter(
            (item) =>
              relatedIds.has(item.conversationId) ||
              (item.assignee !== null &&
                (me.has(item.assignee)
                  ? involves([item.requestedBy])
                  : involves([item.assignee]) && me.has(item.requestedBy))),
          )
          .map((item) => ({ kind: 'action' as const, id: item.itemId, text: item.summary })),
      ].slice(0, 5);
      return {
        uid: meeting.uid,
        occurrence: meeting.occurrence,
        summary: meeting.summary,
        start: meeting.start,
        end: meeting.end,
        allDay: meeting.allDay,
        localTime: meeting.allDay
          ? 'all day'
          : `${localClock(meeting.start, timeZone)}–${localClock(meeting.end, timeZone)}`,
        location: meeting.location ?? null,
        attendees,
        recurring: meeting.recurring,
        related: related.map((entry) => ({
          conversationId: entry.conversation.conversationId,
          topic: entry.conversation.topic,
          why: entry.why,
        })),
        openItems: openItemsOf,
      };
    }),
  };
}

function attendeeRefs(meeting: MeetingScheduled, context: SectionContext): PersonRef[] {
  const seen = new Set<string>();
  const refs: PersonRef[] = [];
  for (const attendee of [meeting.organizer, ...meeting.attendees]) {
    if (!attendee?.email || attendee.status?.toUpperCase() === 'DECLINED') continue;
    const human = context.people.byEmailAddress(attendee.email);
    const key = human?.keys[0] ?? `calendar:email:${attendee.email.toLowerCase()}`;
    const id = human?.id ?? key;
    if (seen.has(id)) continue;
    seen.add(id);
    refs.push({ key, name: human?.name ?? attendee.name ?? attendee.email });
  }
  return refs;
}

function topicWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !STOP.has(word)),
  );
}
