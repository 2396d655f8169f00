/** What each GraphStore read keeps, in one place, so every engine answers a query alike. */
import type { FactVersion } from '../facts/fact-types.js';
import { meetingMatches, type FactQuery, type ItemQuery, type MeetingQuery } from './graph-store.js';
import type { ActionItemNode, ConversationNode, MeetingNode, QuestionNode } from './graph-records.js';

/** Whether a conversation (looked up by the caller; undefined when unknown) is about `entity`. */
export function conversationIsAbout(conversation: ConversationNode | undefined, entity: string): boolean {
  return conversation !== undefined && conversation.version > 0 && conversation.entities.includes(entity);
}

type IsAbout = (conversationId: string, entity: string) => boolean;

export function actionItemMatches(item: ActionItemNode, query: ItemQuery, isAbout: IsAbout): boolean {
  if (item.version <= 0) return false;
  if (query.people && (item.assignee === null || !query.people.includes(item.assignee))) return false;
  if (query.open && item.completedAt !== null) return false;
  return query.about === undefined || isAbout(item.conversationId, query.about);
}

export function questionMatches(question: QuestionNode, query: ItemQuery, isAbout: IsAbout): boolean {
  if (question.version <= 0) return false;
  const people = query.people;
  if (people && !question.addressees.some((addressee) => people.includes(addressee))) return false;
  if (query.askers && !query.askers.includes(question.asker)) return false;
  if (query.open && question.answeredAt !== null) return false;
  return query.about === undefined || isAbout(question.conversationId, query.about);
}

export function factMatches(fact: FactVersion, query: FactQuery): boolean {
  if (query.object !== undefined && fact.object !== query.object) return false;
  if (query.subjects && !query.subjects.includes(fact.subject)) return false;
  return !query.relation || fact.relation === query.relation;
}

/** The people who hold `role` in a meeting (both roles when absent). */
export function roleHolders(meeting: MeetingNode, role: MeetingQuery['role']): string[] {
  const organizer = meeting.organizer === null ? [] : [meeting.organizer];
  return role === 'organizer'
    ? organizer
    : role === 'attendee'
      ? meeting.attendees
      : [...organizer, ...meeting.attendees];
}

export function meetingQueryMatches(meeting: MeetingNode, query: MeetingQuery): boolean {
  if (!meetingMatches(meeting, query)) return false;
  const people = query.people;
  return !people || roleHolders(meeting, query.role).some((key) => people.includes(key));
}
