import type {
  ActionItemAssigned,
  ActionItemCompleted,
  ConversationAnnotated,
  DecisionRecorded,
  EntityNamed,
  Evidence,
  FactAsserted,
  FactRetracted,
  QuestionAnswered,
  QuestionAsked,
} from '../../domain/annotations.js';
import { addChannel, type ChannelUpdated } from '../../domain/channel.js';
import { channelLabel } from '../channel-names.js';
import { EVENT } from '../../domain/events.js';
import { isMeetingCancelled, occurrenceKey, type MeetingScheduled } from '../../domain/meeting.js';
import type { EventLog } from '../../memory/event-log.js';
import type { Citation } from './brief-types.js';
import { localDateTime } from '../../domain/time-zones.js';
import { loadPeopleDirectory } from '../people/directory-snapshot.js';
import type { PeopleDirectory } from '../people/people-directory.js';
import { collapseOwnedAliases } from './owned-aliases.js';

const TYPES = [
  EVENT.channelUpdated,
  EVENT.conversationAnnotated,
  EVENT.entityNamed,
  EVENT.decisionRecorded,
  EVENT.actionItemAssigned,
  EVENT.actionItemCompleted,
  EVENT.questionAsked,
  EVENT.questionAnswered,
  EVENT.factAsserted,
  EVENT.factRetracted,
  EVENT.meetingScheduled,
  EVENT.meetingCancelled,
] as const;

/** The understanding events folded to their latest state (later events of one id win). */
export interface BriefData {
  channels: Map<string, ChannelUpdated>;
  conversations: Map<string, ConversationAnnotated>;
  entities: Map<string, EntityNamed>;
  decisions: DecisionRecorded[];
  items: Map<string, ActionItemAssigned>;
  completions: Map<string, ActionItemCompleted>;
  questions: Map<string, QuestionAsked>;
  answers: Map<string, QuestionAnswered>;
  /** In log order. */
  facts: FactAsserted[];
  retractions: Map<string, FactRetracted>;
  /** Occurrences still scheduled (a cancellation newer than the last schedule removes one). */
  meetings: MeetingScheduled[];
}

/** Reads every event the brief uses, in one pass over the log (messages are not read). */
export function loadBriefData(log: EventLog): BriefData {
  const data: BriefData = {
    channels: new Map(),
    conversations: new Map(),
    entities: new Map(),
    decisions: [],
    items: new Map(),
    completions: new Map(),
    questions: new Map(),
    answers: new Map(),
    facts: [],
    retractions: new Map(),
    meetings: [],
  };
  const decisions = new Map<string, DecisionRecorded>();
  const facts = new Map<string, FactAsserted>();
  const meetings = new Map<string, { meeting: MeetingScheduled | null; cancelled: boolean }>();
  for (const event of log.iterateTyped(TYPES, { pageSize: 5_000 })) {
    switch (event.type) {
      case EVENT.channelUpdated: {
        addChannel(data.channels, event.payload);
        break;
      }
      case EVENT.conversationAnnotated: {
        const conversation = event.payload;
        data.conversations.set(conversation.conversationId, conversation);
        break;
      }
      case EVENT.entityNamed: {
        const entity = event.payload;
        data.entities.set(entity.entityId, entity);
        break;
      }
      case EVENT.decisionRecorded: {
        const decision = event.payload;
        decisions.set(decision.decisionId, decision);
        break;
      }
      case EVENT.actionItemAssigned: {
        const item = event.payload;
        data.items.set(item.itemId, item);
        break;
      }
      case EVENT.actionItemCompleted: {
        const done = event.payload;
        keepEarliest(data.completions, done.itemId, done);
        break;
      }
      case EVENT.questionAsked: {
        const question = event.payload;
        data.questions.set(question.questionId, question);
        break;
      }
      case EVENT.questionAnswered: {
        const answer = event.payload;
        keepEarliest(data.answers, answer.questionId, answer);
        break;
      }
      case EVENT.factAsserted: {
        const fact = event.payload;
        facts.set(fact.factId, fact);
        break;
      }
      case EVENT.factRetracted: {
        const retraction = event.payload;
        keepEarliest(data.retractions, retraction.factId, retraction);
        break;
      }
      case EVENT.meetingScheduled: {
        const meeting = event.payload;
        meetings.set(occurrenceKey(meeting), { meeting, cancelled: false });
        break;
      }
      case EVENT.meetingCancelled: {
        const cancelled = event.payload;
        meetings.set(occurrenceKey(cancelled), {
          meeting: meetings.get(occurrenceKey(cancelled))?.meeting ?? null,
          cancelled: true,
        });
        break;
      }
    }
  }
  data.decisions = [...decisions.values()];
  const people = loadPeopleDirectory(log.db);
  data.facts = collapseOwnedAliases(
    [...facts.values()],
    data.entities,
    (key) => people.idOf(key),
    new Set(data.retractions.keys()),
  );
  data.meetings = [...meetings.values()].flatMap((entry) =>
    entry.meeting && !isMeetingCancelled(entry.meeting.status, entry.cancelled) ? [entry.meeting] : [],
  );
  return data;
}

function keepEarliest<T extends { at: string }>(map: Map<string, T>, id: string, value: T): void {
  const current = map.get(id);
  if (!current || value.at < current.at) map.set(id, value);
}

/** Turns stored evidence into printable citations. */
export class Citer {
  constructor(
    private readonly data: BriefData,
    private readonly people: PeopleDirectory,
    private readonly timeZone: string,
  ) {}

  channelName(channelKey: string): string {
    return channelLabel(this.data.channels.get(channelKey), channelKey, (key) => this.people.name(key));
  }

  cite(evidence: Evidence, conversationId: string | null): Citation {
    const channel = `${evidence.source}:${evidence.workspace}:${evidence.channel}`;
    return {
      source: evidence.source,
      channel,
      channelName: this.channelName(channel),
      author: evidence.author,
      authorName: this.people.name(evidence.author),
      at: evidence.ts,
      localTime: localDateTime(evidence.ts, this.timeZone),
      nativeId: evidence.id,
      snippet: evidence.snippet,
      conversationId,
    };
  }

  citeAll(evidence: readonly Evidence[], conversationId: string | null, limit = 3): Citation[] {
    return evidence.slice(0, limit).map((item) => this.cite(item, conversationId));
  }
}
