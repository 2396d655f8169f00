import { describe, expect, it } from 'vitest';
import { PeopleDirectory } from '../../people/people-directory.js';
import { parseQuestion } from '../parse-question.js';
import { indexedSources, messageDoc as message } from '../test-support/search-docs.js';
import { slackProfile as profile } from '../test-support/slack-people.js';
import { answerByRetrieval } from './answer-retrieval.js';
import { monthDayOf } from './rescheduled.js';

const ASOF = '2026-11-27T14:00:00.000Z';
const PEOPLE = new PeopleDirectory([profile('UIDA', 'Ida Berg'), profile('UNIL', 'Nils Aune')]);

describe('a date replaced later', () => {
  it('reads a month and day however it is written', () => {
    expect(monthDayOf('Fri Oct 30')).toBe('10-30');
    expect(monthDayOf('30 October')).toBe('10-30');
    expect(monthDayOf('oct 30th')).toBe('10-30');
    expect(monthDayOf('next Friday')).toBeNull();
  });

  it('answers "when" with the new date of a later message that names the chosen one as replaced', () => {
    const docs = [
      message(
        'UIDA',
        '2026-11-02T09:00:00.000Z',
        'decided: the cold-store sensor rollout ships to every depot by Fri Nov 20, owner Nils',
      ),
      message(
        'UNIL',
        '2026-11-10T09:00:00.000Z',
        'sensors: rollout lands Dec 4 (was Nov 20), firmware is late',
      ),
    ];
    const s = indexedSources(docs, PEOPLE, ASOF);
    const result = answerByRetrieval(
      'when will the cold-store sensor rollout ship to every depot?',
      s,
      ASOF,
      s.search,
    );
    expect(result.text).toMatch(/^Dec 4: "sensors: rollout lands Dec 4 \(was Nov 20\)/);
    // Before the change was said, the first date stands.
    const before = indexedSources(docs.slice(0, 1), PEOPLE, ASOF);
    expect(
      answerByRetrieval(
        'when will the cold-store sensor rollout ship to every depot?',
        before,
        ASOF,
        before.search,
      ).text,
    ).toMatch(/^Fri Nov 20: /);
  });
});

describe('what is on me', () => {
  it('reads "still open on my plate" with the week it is asked for as what waits on me', () => {
    for (const question of [
      "what's still open on my plate going into next wk?",
      "what's open on my plate",
      'anything left on my plate before friday?',
    ])
      expect(parseQuestion(question, new Date(ASOF))?.intent, question).toBe('waiting-on-me');
  });
});

describe('how long', () => {
  it('answers "how long did X last" with a length of time, not another number of the sentence', () => {
    const docs = [
      message(
        'UIDA',
        '2026-11-03T09:00:00.000Z',
        'depot 4 freezer outage: 2 trucks waited, it lasted 3 hours in total',
      ),
    ];
    const s = indexedSources(docs, PEOPLE, ASOF);
    const result = answerByRetrieval('how long did the depot 4 freezer outage last?', s, ASOF, s.search);
    expect(result.answerType).toBe('number');
    expect(result.text).toMatch(/^3 hours: /);
  });
});
