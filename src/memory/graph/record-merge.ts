import { EVENT, parseEvent, type StoredEvent, type TypedEvent } from '../../domain/events.js';
import { calendarPersonKey, occurrenceKey, type Attendee } from '../../domain/meeting.js';
import { capSummary, capTopic } from '../../domain/text-caps.js';
import { normalizeIso } from '../../domain/time.js';
import { RECORD_EVENT_TYPES } from './projected-event-types.js';
import type {
  ActionItemNode,
  DecisionNode,
  GraphRecords,
  MeetingNode,
  QuestionNode,
  RecordKind,
} from './graph-records.js';

/** The event types that change graph records (facts are handled by the slot timeline). */
export { RECORD_EVENT_TYPES } from './projected-event-types.js';

export interface RecordRef<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
}

/** A stored event of a record type whose payload validated (parseRecordEvent). */
export type RecordEvent = TypedEvent<(typeof RECORD_EVENT_TYPES)[number]>;

/**
 * The event typed by its payload when it is a record event that validates; undefined otherwise
 * (the event is skipped). Parse once per event: recordsTouched and mergeRecordEvent take the result.
 */
export function parseRecordEvent(event: StoredEvent): RecordEvent | undefined {
  return parseEvent(event, RECORD_EVENT_TYPES);
}

export type RecordGetter = <K extends RecordKind>(kind: K, id: string) => GraphRecords[K] | undefined;
export type RecordChange = { [K in RecordKind]: { kind: K; record: GraphRecords[K] } }[RecordKind];

/** Which records an event touches, so a store can load them before merging. */
export function recordsTouched(typed: RecordEvent): RecordRef[] {
  switch (typed.type) {
    case EVENT.personUpdated:
      return [{ kind: 'person', id: typed.payload.key }];
    case EVENT.channelUpdated:
      return [{ kind: 'channel', id: typed.payload.key }];
    case EVENT.entityNamed:
      return [{ kind: 'component', id: typed.payload.entityId }];
    case EVENT.conversationAnnotated:
      return [{ kind: 'conversation', id: typed.payload.conversationId }];
    case EVENT.decisionRecorded:
      return [
        { kind: 'decision', id: typed.payload.decisionId },
        ...(typed.payload.reverses ? [{ kind: 'decision' as const, id: typed.payload.reverses }] : []),
      ];
    case EVENT.actionItemAssigned:
    case EVENT.actionItemCompleted:
      return [{ kind: 'actionItem', id: typed.payload.itemId }];
    case EVENT.questionAsked:
    case EVENT.questionAnswered:
      return [{ kind: 'question', id: typed.payload.questionId }];
    case EVENT.meetingScheduled:
    case EVENT.meetingCancelled:
      return [{ kind: 'meeting', id: occurrenceKey(typed.payload) }];
  }
}

/**
 * Merges one event into the records it touches and returns the changed records. Every merge is
 * commutative and idempotent — main fields come from the highest seq, completions, answers and
 * reversals keep the earliest — so applying events in any order, any number of times, gives the
 * same records.
 */
export function mergeRecordEvent(typed: RecordEvent, get: RecordGetter): RecordChange[] {
  const seq = typed.seq;
  switch (typed.type) {
    case EVENT.personUpdated: {
      const p = typed.payload;
      const existing = get('person', p.key);
      if (existing && existing.version >= seq) return [];
      return [
        {
          kind: 'person',
          record: {
            key: p.key,
            name: p.names.find((name) => name.trim() !== '') ?? p.nativeId,
            version: seq,
          },
        },
      ];
    }
    case EVENT.channelUpdated: {
      const c = typed.payload;
      const existing = get('channel', c.key);
      if (existing && existing.version >= seq) return [];
      // A name made from the id does not replace one a source gave (domain/channel.ts foldChannel).
      const name = c.nameFromId && existing?.name ? existing.name : c.name || null;
      return [{ kind: 'channel', record: { key: c.key, name, kind: c.kind, version: seq } }];
    }
    case EVENT.entityNamed: {
      const e = typed.payload;
      const existing = get('component', e.entityId);
      if (existing && existing.version >= seq) return [];
      return [
        {
          kind: 'component',
          record: {
            id: e.entityId,
            kind: e.kind,
            name: e.name || null,
            aliases: unique(e.aliases.filter((alias) => alias.trim() !== '')),
            version: seq,
          },
        },
      ];
    }
    case EVENT.conversationAnnotated: {
      const c = typed.payload;
      const existing = get('conversation', c.conversationId);
      if (existing && existing.version >= seq) return [];
      return [
        {
          kind: 'conversation',
          record: {
            id: c.conversationId,
            channel: c.channel,
            topic: capTopic(c.topic),
            summary: capSummary(c.summary),
            participants: unique(c.participants),
            mentioned: unique(c.mentioned),
            entities: unique(c.entities),
            noise: c.noise,
            start: normalizeIso(c.start),
            end: normalizeIso(c.end),
            messageCount: c.messageCount,
            version: seq,
          },
        },
      ];
    }
    case EVENT.decisionRecorded: {
      const d = typed.payload;
      const changes: RecordChange[] = [];
      const existing = get('decision', d.decisionId);
      if (!existing || existing.version < seq) {
        changes.push({
          kind: 'decision',
          record: {
            ...(existing ?? placeholderDecision(d.decisionId)),
            version: seq,
            conversationId: d.conversationId,
            channel: d.channel,
            summary: d.summary,
            about: unique(d.about),
            decidedBy: unique(d.decidedBy),
            reverses: d.reverses,
            at: normalizeIso(d.at),
            confidence: d.confidence,
            evidence: d.evidence,
          },
        });
      }
      if (d.reverses && d.reverses !== d.decisionId) {
        const target = get('decision', d.reverses) ?? placeholderDecision(d.reverses);
        const at = normalizeIso(d.at);
        if (
          target.reversedAt === null ||
          earlier(at, d.decisionId, target.reversedAt, target.reversedBy ?? '')
        ) {
          changes.push({ kind: 'decision', record: { ...target, reversedBy: d.decisionId, reversedAt: at } });
        }
      }
      return changes;
    }
    case EVENT.actionItemAssigned: {
      const a = typed.payload;
      const existing = get('actionItem', a.itemId);
      if (existing && existing.version >= seq) return [];
      return [
        {
          kind: 'actionItem',
          record: {
            ...(existing ?? placeholderActionItem(a.itemId)),
            version: seq,
            conversationId: a.conversationId,
            channel: a.channel,
            summary: a.summary,
            assignee: a.assignee || null,
            requestedBy: a.requestedBy,
            due: a.due || null,
            dueText: a.dueText || null,
            at: normalizeIso(a.at),
            confidence: a.confidence,
            evidence: a.evidence,
          },
        },
      ];
    }
    case EVENT.actionItemCompleted: {
      const c = typed.payload;
      const existing = get('actionItem', c.itemId) ?? placeholderActionItem(c.itemId);
      const at = normalizeIso(c.at);
      if (
        existing.completedAt !== null &&
        !earlier(at, c.by, existing.completedAt, existing.completedBy ?? '')
      )
        return [];
      return [{ kind: 'actionItem', record: { ...existing, completedAt: at, completedBy: c.by } }];
    }
    case EVENT.questionAsked: {
      const q = typed.payload;
      const existing = get('question', q.questionId);
      if (existing && existing.version >= seq) return [];
      return [
        {
          kind: 'question',
          record: {
            ...(existing ?? placeholderQuestion(q.questionId)),
            version: seq,
            conversationId: q.conversationId,
            channel: q.channel,
            text: q.text,
            asker: q.asker,
            addressees: unique(q.addressees),
            kind: q.kind,
            at: normalizeIso(q.at),
            confidence: q.confidence,
            evidence: q.evidence,
          },
        },
      ];
    }
    case EVENT.questionAnswered: {
      const a = typed.payload;
      const existing = get('question', a.questionId) ?? placeholderQuestion(a.questionId);
      const at = normalizeIso(a.at);
      if (existing.answeredAt !== null && !earlier(at, a.by, existing.answeredAt, existing.answeredBy ?? ''))
        return [];
      return [{ kind: 'question', record: { ...existing, answeredAt: at, answeredBy: a.by } }];
    }
    case EVENT.meetingScheduled: {
      const m = typed.payload;
      const id = occurrenceKey(m);
      const existing = get('meeting', id);
      if (existing && existing.version >= seq) return [];
      const organizer = personOf(m.organizer);
      return [
        {
          kind: 'meeting',
          record: {
            id,
            version: seq,
            calendar: m.calendar,
            uid: m.uid,
            occurrence: normalizeIso(m.occurrence),
            title: m.summary,
            start: normalizeIso(m.start),
            end: normalizeIso(m.end),
            allDay: m.allDay,
            location: m.location || null,
            organizer,
            // Rooms and people without an email have no person to point at; they stay out of ATTENDS.
            attendees: unique(
              m.attendees.map(personOf).filter((key): key is string => key !== null && key !== organizer),
            ),
            recurring: m.recurring,
            status: m.status || null,
            cancelSeq: existing?.cancelSeq ?? 0,
          },
        },
      ];
    }
    case EVENT.meetingCancelled: {
      const c = typed.payload;
      const id = occurrenceKey(c);
      const existing =
        get('meeting', id) ?? placeholderMeeting(c.calendar, c.uid, normalizeIso(c.occurrence));
      if (existing.cancelSeq >= seq) return [];
      return [{ kind: 'meeting', record: { ...existing, cancelSeq: seq } }];
    }
  }
}

function personOf(attendee: Attendee | undefined): string | null {
  return attendee?.email ? calendarPersonKey(attendee.email) : null;
}

const RECORD_TYPES = new Set<string>(RECORD_EVENT_TYPES);

export function isRecordEvent(type: string): boolean {
  return RECORD_TYPES.has(type);
}

/** The fields every conversation record starts with before its first event arrives. */
function blankRecord(id: string) {
  return { id, version: 0, conversationId: '', channel: '', at: '', confidence: 0, evidence: [] };
}

function placeholderDecision(id: string): DecisionNode {
  const blank = { summary: '', about: [], decidedBy: [], reverses: null, reversedBy: null, reversedAt: null };
  return { ...blankRecord(id), ...blank };
}

function placeholderActionItem(id: string): ActionItemNode {
  const blank = { summary: '', assignee: null, requestedBy: '', due: null, dueText: null };
  return { ...blankRecord(id), ...blank, completedAt: null, completedBy: null };
}

function placeholderQuestion(id: string): QuestionNode {
  const blank = { text: '', asker: '', addressees: [], kind: 'question' as const };
  return { ...blankRecord(id), ...blank, answeredAt: null, answeredBy: null };
}

function placeholderMeeting(calendar: string, uid: string, occurrence: string): MeetingNode {
  return {
    id: occurrenceKey({ calendar, uid, occurrence }),
    version: 0,
    calendar,
    uid,
    occurrence,
    title: '',
    start: occurrence,
    end: occurrence,
    allDay: false,
    location: null,
    organizer: null,
    attendees: [],
    recurring: false,
    status: null,
    cancelSeq: 0,
  };
}

/** (at, tie) strictly before (otherAt, otherTie). */
function earlier(at: string, tie: string, otherAt: string, otherTie: string): boolean {
  return at < otherAt || (at === otherAt && tie < otherTie);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
