import { describe, expect, it } from 'vitest';
import { ON_CALL_BACKUP_ROTATION, ON_CALL_ROTATION } from '../../domain/annotations.js';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

const onCall = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines))
    .facts.filter((fact) => fact.relation === 'on_call')
    .map((fact) => ({
      subject: fact.subject,
      object: fact.object,
      from: fact.validFrom.slice(0, 10),
      to: fact.validTo?.slice(0, 10) ?? null,
    }));

describe('on-call schedule facts', () => {
  it('reads a rota post: the primary and the backup, for the week (Monday to Monday)', () => {
    // The conversation is on Monday 2026-11-09 (Berlin).
    expect(onCall([['dana', 'On-call this week: *Priya* (primary) · *Marco* (secondary)']])).toEqual([
      { subject: key('priya'), object: ON_CALL_ROTATION, from: '2026-11-08', to: '2026-11-15' },
      { subject: key('marco'), object: ON_CALL_BACKUP_ROTATION, from: '2026-11-08', to: '2026-11-15' },
    ]);
  });

  it('reads a handover with a start and no end, and a first-person day range', () => {
    expect(onCall([['dana', 'on-call handover: Marco has the pager from Tuesday']])).toMatchObject([
      { subject: key('marco'), object: ON_CALL_ROTATION, to: null },
    ]);
    expect(onCall([['priya', "I'm on call Nov 16-22"]])).toEqual([
      { subject: key('priya'), object: ON_CALL_ROTATION, from: '2026-11-15', to: '2026-11-22' },
    ]);
  });

  it('takes no fact from a question about who is on call', () => {
    expect(onCall([['dana', 'who is on call this week?']])).toEqual([]);
  });
});

describe('each holder with their own span', () => {
  it('reads "Marco is on call this week, Priya next week" as two weeks', () => {
    const facts = annotateHeuristically(
      conversation([['dana', 'Marco is on call this week, Priya next week']]),
    ).facts.filter((fact) => fact.relation === 'on_call');
    expect(facts.map((fact) => [fact.subject, fact.validFrom, fact.validTo])).toEqual([
      [key('marco'), '2026-11-08T23:00:00.000Z', '2026-11-15T23:00:00.000Z'],
      [key('priya'), '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z'],
    ]);
  });
});
