import type {
  ActionItemAssigned,
  ConversationAnnotated,
  DecisionRecorded,
  EntityNamed,
  FactAsserted,
  FactRelation,
  FactRetracted,
  QuestionAsked,
} from '../../../domain/annotations.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../../domain/events.js';
import { stableId } from '../../../domain/ids.js';
import type { MeetingScheduled } from '../../../domain/meeting.js';
import type { PersonUpdated } from '../../../domain/person.js';
import { Prng } from '../../../domain/seeded-random.js';
import { evidence, PROVENANCE } from '../../facts/test-support/fact-builders.js';

/** The shared seeded PRNG plus a Fisher–Yates shuffle, so generated event sets are reproducible. */
export class TestRandom extends Prng {
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `items` shuffled, then cut into consecutive batches of 1 to `maxSize` items. */
  batches<T>(items: readonly T[], maxSize: number): T[][] {
    const shuffled = this.shuffle(items);
    const out: T[][] = [];
    for (let at = 0; at < shuffled.length;) {
      const size = 1 + this.int(maxSize);
      out.push(shuffled.slice(at, at + size));
      at += size;
    }
    return out;
  }
}

const DAY = 86_400_000;
const START = Date.parse('2026-09-01T09:00:00.000Z');

/**
 * A random but reproducible event set touching every projection rule: supersession, backfill,
 * hedging, corrections, reversals, repeated support, renamed entities and people, decisions that
 * reverse decisions, completions and answers, and one event whose payload does not validate.
 */
export function syntheticEvents(
  seed: number,
  size = { people: 6, components: 4, facts: 80 },
): EventEnvelope[] {
  const random = new TestRandom(seed);
  const people = Array.from({ length: size.people }, (_, i) => `slack:T1:U${i}`);
  const components = Array.from({ length: size.components }, (_, i) => `component:c${i}`);
  const at = (day: number): string => new Date(START + day * DAY + random.int(8) * 3_600_000).toISOString();
  const events: EventEnvelope[] = [];
  const add = <P>(type: string, id: string, occurredAt: string, payload: P): void => {
    events.push(makeEvent({ id: stableId(type, id), type, stream: `test:${type}`, occurredAt, payload }));
  };

  people.forEach((key, i) => {
    const profile: PersonUpdated = {
      key,
      source: 'slack',
      workspace: 'T1',
      nativeId: `U${i}`,
      names: [`Person ${i}`],
      handles: [`p${i}`],
      emails: [],
      isBot: false,
    };
    add(EVENT.personUpdated, `${key}:1`, at(0), profile);
    if (i % 3 === 0)
      add(EVENT.personUpdated, `${key}:2`, at(5), { ...profile, names: [`Person ${i} Renamed`] });
  });
  components.forEach((id, i) => {
    const named: EntityNamed = {
      entityId: id,
      kind: 'component',
      name: `component ${i}`,
      aliases: [`c${i} svc`],
      confidence: 0.9,
    };
    add(EVENT.entityNamed, `${id}:1`, at(0), named);
    if (i === 0)
      add(EVENT.entityNamed, `${id}:2`, at(3), { ...named, aliases: [...named.aliases, 'the first one'] });
  });
  const conversations: string[] = [];
  for (let i = 0; i < size.components * 2; i++) {
    const id = `conv-${i}`;
    conversations.push(id);
    const conv: ConversationAnnotated = {
      conversationId: id,
      channel: 'slack:T1:C1',
      topic: `topic ${i} about component ${i % size.components}`,
      summary: `Summary ${i}`,
      participants: random.shuffle(people).slice(0, 3),
      mentioned: [],
      entities: [components[i % size.components]],
      noise: false,
      start: at(i),
      end: at(i + 1),
      messageCount: 3 + random.int(10),
      provenance: { ...PROVENANCE },
    };
    add(EVENT.conversationAnnotated, id, conv.start, conv);
  }
  for (let i = 0; i < 6; i++) {
    const decision: DecisionRecorded = {
      decisionId: `d${i}`,
      conversationId: random.pick(conversations),
      channel: 'slack:T1:C1',
      summary: `Decision ${i}`,
      about: [random.pick(components)],
      decidedBy: [random.pick(people)],
      reverses: i >= 3 ? `d${i - 3}` : null,
      at: at(10 + i),
      confidence: 0.8,
      evidence: [evidence(`dm${i}`, random.pick(people), at(10 + i))],
      provenance: { ...PROVENANCE },
    };
    add(EVENT.decisionRecorded, decision.decisionId, decision.at, decision);
  }
  for (let i = 0; i < 8; i++) {
    const item: ActionItemAssigned = {
      itemId: `a${i}`,
      conversationId: random.pick(conversations),
      channel: 'slack:T1:C1',
      summary: `Action ${i}`,
      assignee: i === 7 ? null : random.pick(people),
      requestedBy: random.pick(people),
      due: i % 2 === 0 ? '2026-12-01' : null,
      dueText: i % 2 === 0 ? 'by Dec 1' : null,
      at: at(20 + i),
      confidence: 0.7,
      evidence: [evidence(`am${i}`, random.pick(people), at(20 + i))],
      provenance: { ...PROVENANCE },
    };
    add(EVENT.actionItemAssigned, item.itemId, item.at, item);
    if (i % 3 === 0) {
      const done = {
        itemId: item.itemId,
        by: random.pick(people),
        at: at(30 + i),
        confidence: 0.8,
        evidence: [evidence(`ad${i}`, random.pick(people), at(30 + i))],
        provenance: { ...PROVENANCE },
      };
      add(EVENT.actionItemCompleted, `${item.itemId}:done`, done.at, done);
      if (i === 3)
        add(EVENT.actionItemCompleted, `${item.itemId}:done-again`, at(31 + i), { ...done, at: at(31 + i) });
    }
  }
  for (let i = 0; i < 6; i++) {
    const question: QuestionAsked = {
      questionId: `q${i}`,
      conversationId: random.pick(conversations),
      channel: 'slack:T1:C1',
      text: `Question ${i}?`,
      asker: random.pick(people),
      addressees: random.shuffle(people).slice(0, 1 + random.int(2)),
      kind: random.pick(['question', 'approval', 'blocker'] as const),
      at: at(20 + i),
      confidence: 0.7,
      evidence: [evidence(`qm${i}`, random.pick(people), at(20 + i))],
      provenance: { ...PROVENANCE },
    };
    add(EVENT.questionAsked, question.questionId, question.at, question);
    if (i % 2 === 1) {
      add(EVENT.questionAnswered, `${question.questionId}:answer`, at(25 + i), {
        questionId: question.questionId,
        by: random.pick(people),
        at: at(25 + i),
        confidence: 0.8,
        evidence: [evidence(`qa${i}`, random.pick(people), at(25 + i))],
        provenance: { ...PROVENANCE },
      });
    }
  }
  const asserted: FactAsserted[] = [];
  for (let i = 0; i < size.facts; i++) {
    const relation: FactRelation = random.pick(['owns', 'owns', 'owns', 'works_on', 'expert_in'] as const);
    const day = random.int(60);
    const fact: FactAsserted = {
      factId: `f${i}`,
      subject: random.pick(people),
      relation,
      object: random.pick(components),
      validFrom: at(day),
      confidence: 0.5 + random.int(50) / 100,
      hedged: random.next() < 0.2,
      conversationId: random.pick(conversations),
      evidence: [evidence(`fm${random.int(size.facts)}`, random.pick(people), at(day))],
      provenance: { ...PROVENANCE },
    };
    asserted.push(fact);
    add(EVENT.factAsserted, fact.factId, fact.validFrom, fact);
  }
  for (let i = 0; i < Math.floor(size.facts / 8); i++) {
    const target = random.pick(asserted);
    const retraction: FactRetracted = {
      factId: target.factId,
      reason: random.pick(['correction', 'correction', 'reversal', 'superseded-by-source'] as const),
      at: new Date(Date.parse(target.validFrom) + (1 + random.int(10)) * DAY).toISOString(),
      by: random.pick(people),
      evidence: [evidence(`rm${i}`, random.pick(people), target.validFrom)],
      provenance: { ...PROVENANCE },
    };
    add(EVENT.factRetracted, `${target.factId}:${i}`, retraction.at, retraction);
  }
  // Meetings (fixed, no random draws, so the events above stay as they were): a weekly 1:1 with a
  // rescheduled occurrence, one cancelled occurrence, one cancelled and then scheduled again.
  const meetingAt = (day: number, hour: number): string =>
    new Date(START + day * DAY + hour * 3_600_000).toISOString();
  const meeting = (
    uid: string,
    day: number,
    title: string,
    attendees: string[],
    extra: Partial<MeetingScheduled> = {},
  ): MeetingScheduled => ({
    calendar: 'calendar:team',
    uid,
    occurrence: meetingAt(day, 1),
    start: meetingAt(day, 1),
    end: meetingAt(day, 2),
    allDay: false,
    summary: title,
    organizer: { name: 'Person 0', email: 'p0@example.test' },
    attendees: attendees.map((email) => ({ email, status: 'ACCEPTED' })),
    recurring: uid === 'weekly',
    ...extra,
  });
  for (let week = 0; week < 3; week++)
    add(
      EVENT.meetingScheduled,
      `weekly:${week}`,
      meetingAt(week * 7, 0),
      meeting('weekly', week * 7, '1:1', ['p1@example.test', 'room-4@resource.example.test'], {
        attendees: [{ email: 'P1@example.test' }, { name: 'Room 4' }],
      }),
    );
  add(
    EVENT.meetingScheduled,
    'weekly:1:moved',
    meetingAt(8, 0),
    meeting('weekly', 7, '1:1 (moved)', [], {
      start: meetingAt(8, 3),
      end: meetingAt(8, 4),
      attendees: [{ email: 'p1@example.test' }, { email: 'p2@example.test' }],
    }),
  );
  const cancelled = meeting('planning', 10, 'Planning', ['p1@example.test', 'p3@example.test']);
  add(EVENT.meetingScheduled, 'planning', meetingAt(10, 0), cancelled);
  // The cancellation names the occurrence with another UTC offset: it must still find its meeting.
  const inBerlin = new Date(Date.parse(cancelled.occurrence) + 2 * 3_600_000)
    .toISOString()
    .replace(/\.000Z$/, '+02:00');
  add(EVENT.meetingCancelled, 'planning:cancel', meetingAt(10, 0), {
    calendar: cancelled.calendar,
    uid: cancelled.uid,
    occurrence: inBerlin,
  });
  const back = meeting('retro', 12, 'Retro', ['p2@example.test']);
  add(EVENT.meetingCancelled, 'retro:cancel', meetingAt(12, 0), {
    calendar: back.calendar,
    uid: back.uid,
    occurrence: back.occurrence,
  });
  add(EVENT.meetingScheduled, 'retro:again', meetingAt(12, 0), { ...back, summary: 'Retro (back on)' });
  add(EVENT.factAsserted, 'broken', at(1), { factId: 'broken', subject: people[0] });
  return events;
}
