import { describe, expect, it } from 'vitest';
import { PeopleDirectory } from '../../people/people-directory.js';
import { normalizeQuestion, parseQuestion } from '../parse-question.js';
import { indexedSources, messageDoc as message } from '../test-support/search-docs.js';
import { slackProfile as profile } from '../test-support/slack-people.js';
import { answerByRetrieval } from './answer-retrieval.js';
import { frameQuestion } from './question-frame.js';
import { REASON_CUES, timeSpans } from './typed-spans.js';

/** Questions as people type them in chat: lower-case names, asides, "remind me", "again pls". */
const ASOF = '2026-11-27T14:00:00.000Z';

const PEOPLE = new PeopleDirectory([
  profile('UKEI', 'Keisha Brown'),
  profile('UOWE', 'Owen Tremblay'),
  profile('ULUI', 'Luis Ortega'),
  profile('UMAR', 'Mark Hill'),
]);

const DOCS = [
  message('UKEI', '2026-11-26T10:00:00.000Z', '@Owen can you approve my days off Dec 21–24?', 'pto'),
  message('UOWE', '2026-11-26T10:20:00.000Z', 'approved ✅ enjoy', 'pto'),
  message('ULUI', '2026-11-25T09:00:00.000Z', 'my days off are in the HR tool already', 'luis-pto'),
  message(
    'ULUI',
    '2026-11-13T09:00:00.000Z',
    "after last friday's mess (deploy at 16:50, rollback at 19:30) can we please stop deploying on fridays?",
    'fridays',
  ),
  message('UOWE', '2026-11-13T09:10:00.000Z', 'strongly in favour', 'fridays'),
  message('UKEI', '2026-11-13T09:15:00.000Z', 'fine by me as long as hotfixes are still allowed', 'fridays'),
  message('UOWE', '2026-11-20T09:00:00.000Z', 'the ES cluster costs us ~€1.4k/mo, we can turn it off in Q1'),
  message('UOWE', '2026-11-23T08:00:00.000Z', 'on call this week: Luis (primary), Keisha (backup)'),
  message(
    'ULUI',
    '2026-11-24T09:00:00.000Z',
    'the October invoice for Kestrel went out in dollars, their contract is in euros',
  ),
  message(
    'UKEI',
    '2026-11-24T10:00:00.000Z',
    'the password reset emails for Birchwood bounce because their SPF record dropped our mail server',
  ),
];

describe('retrieval answers to questions typed as chat', () => {
  const s = indexedSources(DOCS, PEOPLE, ASOF);
  const answer = (question: string) => answerByRetrieval(question, s, ASOF, s.search);

  it('reads a lower-case first name, with or without the apostrophe, as the person the question is about', () => {
    for (const question of [
      "keisha's days off in december - which days",
      'keishas days off in december - what dates?',
    ]) {
      const frame = frameQuestion(question, ASOF, PEOPLE);
      expect(
        frame.people.map((person) => person.name),
        question,
      ).toEqual(['Keisha Brown']);
      expect(frame.type, question).toBe('time');
      const result = answer(question);
      expect(result.known, question).toBe(true);
      expect(result.text, question).toMatch(/^Dec 21–24: /);
    }
  });

  it('leaves a lower-case everyday word alone even when it is someone’s first name', () => {
    expect(frameQuestion('should we mark the invoice paid', ASOF, PEOPLE).people).toEqual([]);
  });

  it('answers a why-question from the question that gave the reason, not from the votes after it', () => {
    const result = answer('remind me why we stopped friday deploys');
    expect(result.known).toBe(true);
    expect(result.answerType).toBe('reason');
    expect(result.text).toContain("after last friday's mess");
  });

  it('reads "per month" in a question as "/mo" in chat', () => {
    const result = answer('what does the ES cluster cost us per month, roughly');
    expect(result.known).toBe(true);
    expect(result.text).toMatch(/€1\.4k/);
  });

  it('drops what the asker says around the question', () => {
    expect(normalizeQuestion('remind me the hackathon dates again pls?')).toBe('the hackathon dates');
    expect(normalizeQuestion('priyas pto dates again? i aproved it but forgot')).toBe('priyas pto dates');
    expect(normalizeQuestion('Can you remind me who owns billing?')).toBe('who owns billing');
    expect(normalizeQuestion('is the deploy blocked? thx')).toBe('is the deploy blocked');
    expect(normalizeQuestion('When will the app support Portuguese? Ines has been asking.')).toBe(
      'when will the app support portuguese',
    );
    expect(normalizeQuestion('is it done? and who did it?')).toBe('is it done? and who did it');
  });

  it('reads "settle on" as a decision and "who pushed to" as asking who wrote it', () => {
    expect(frameQuestion('which agency did we settle on for the pilot', ASOF, PEOPLE).type).toBe('decision');
    expect(frameQuestion('who pushed to delay sms billing', ASOF, PEOPLE).authorAnswers).toBe(true);
  });

  it('reads a fix named for the thing that broke as a cause, and an alert that fired as none', () => {
    expect(REASON_CUES.test('Wen fixed the stop mapping by 8:30')).toBe(true);
    expect(REASON_CUES.test('Wen is on the stop mapping')).toBe(false);
    expect(REASON_CUES.test(':red_circle: *Triggered* #40355: indexer lag > 15m')).toBe(false);
    expect(REASON_CUES.test('the lag was triggered by the nightly import')).toBe(true);
  });

  it('reads "who is handling X" as who owns it, and "wat" as "what"', () => {
    expect(parseQuestion("who's handling billing", new Date(ASOF))).toMatchObject({
      intent: 'owner',
      target: 'billing',
    });
    expect(normalizeQuestion("wat's the status of the invoice")).toBe("what's the status of the invoice");
  });

  it('asks the calendar whether a meeting still stands', () => {
    const reference = new Date(ASOF);
    expect(parseQuestion('is the birchwood QBR tomorrow still on?', reference)).toEqual({
      intent: 'meeting',
      target: 'birchwood qbr',
    });
    expect(parseQuestion('was the retro cancelled?', reference)).toEqual({
      intent: 'meeting',
      target: 'retro',
    });
    expect(parseQuestion('is billing on track', reference)?.intent).not.toBe('meeting');
  });

  it('answers "what went wrong with X" with the problem said about X', () => {
    const result = answer("What went wrong with Kestrel's October invoice?");
    expect(result.known).toBe(true);
    expect(result.text).toContain('went out in dollars');
  });

  it('reads a word no message holds as the word one typo away that messages hold', () => {
    const result = answer('why cant birchwood get their pasword reset emails?');
    expect(result.known).toBe(true);
    expect(result.text).toContain('SPF record');
    expect(result.retrieval?.query).toContain('password');
  });

  it('does not answer who is on call next week with who was on call this week', () => {
    expect(answer('who is on call this week?').known).toBe(true);
    expect(answer("who's on call next week?").known).toBe(false);
  });

  it('does not read "in the HR tool" or "back in a sec" as a time', () => {
    expect(timeSpans("it's in the HR tool", ASOF)).toEqual([]);
    expect(timeSpans('back in a sec', ASOF)).toEqual([]);
    expect(timeSpans('back in an hour', ASOF)).toHaveLength(1);
  });
});
