import { describe, expect, it } from 'vitest';
import { PeopleDirectory } from '../../people/people-directory.js';
import { normalizeQuestion, parseQuestion } from '../parse-question.js';
import { indexedSources, messageDoc as message } from '../test-support/search-docs.js';
import { slackProfile as profile } from '../test-support/slack-people.js';
import { answerByRetrieval, KNOWN_THRESHOLD, SENTENCE_THRESHOLD } from './answer-retrieval.js';
import { frameQuestion } from './question-frame.js';

/** Partial matches, and the words a question and its answer write differently. */
const ASOF = '2026-11-27T14:00:00.000Z';
const PEOPLE = new PeopleDirectory([profile('UDAG', 'Dagny Holm'), profile('UEMR', 'Emre Kaya')]);
const DOCS = [
  message(
    'UDAG',
    '2026-11-10T08:00:00.000Z',
    'the Tromsø depot lost power on Nov 9 because the backup generator was never refuelled',
  ),
  message(
    'UEMR',
    '2026-11-12T08:00:00.000Z',
    'the forklift order is late because the supplier ran out of batteries',
  ),
  message('UEMR', '2026-11-13T08:00:00.000Z', 'forklift order: the supplier ships on Dec 3'),
  message('UDAG', '2026-11-14T08:00:00.000Z', 'new hire onboarding for the Oslo warehouse goes through Emre'),
  message('UEMR', '2026-11-16T08:00:00.000Z', 'new build published: scanner app 2.1 for the handhelds'),
  message('UEMR', '2026-11-15T08:00:00.000Z', 'pallet labels are printing in the wrong size again'),
];

describe('retrieval answers from a partial match', () => {
  const s = indexedSources(DOCS, PEOPLE, ASOF);
  const answer = (question: string) => answerByRetrieval(question, s, ASOF, s.search);

  it('quotes a sentence that half matches as a best guess', () => {
    const result = answer('why is the forklift order late for the Halden site?');
    expect(result.retrieval?.best).toBeGreaterThanOrEqual(SENTENCE_THRESHOLD);
    expect(result.retrieval?.best).toBeLessThan(KNOWN_THRESHOLD);
    expect(result.known).toBe(true);
    expect(result.text).toMatch(/^Best guess, from a partial match: .*ran out of batteries/);
  });

  it('does not state a date or an amount from a sentence that half matches', () => {
    const result = answer('when does the Halden site forklift order ship?');
    expect(result.retrieval?.best).toBeGreaterThanOrEqual(SENTENCE_THRESHOLD);
    expect(result.retrieval?.threshold).toBe(KNOWN_THRESHOLD);
    expect(result.known).toBe(false);
    expect(answer('when does the Halden forklift order ship?').text).toMatch(/^Dec 3: /);
  });

  it('does not take a partial match by someone else for what the asked person did', () => {
    const result = answer('what is Dagny printing');
    expect(result.retrieval?.best).toBeGreaterThanOrEqual(SENTENCE_THRESHOLD);
    expect(result.known).toBe(false);
    expect(result.searched.at(-1)).toContain('is neither by nor about the person asked about');
  });

  it('does not answer "what did we decide" with a partial match that states no decision', () => {
    const result = answer('what did we decide about the scanner app for the Bergen handhelds?');
    expect(result.retrieval?.best).toBeGreaterThanOrEqual(SENTENCE_THRESHOLD);
    expect(result.retrieval?.best).toBeLessThan(KNOWN_THRESHOLD);
    expect(result.known).toBe(false);
    expect(result.searched.at(-1)).toMatch(/^the best partial match \(score 0\.\d+\) states no decision$/);
  });

  it('finds nothing to look for in a question of words that only say the kind of answer', () => {
    for (const question of ['do we know', 'who officially', 'any news?']) {
      const result = answer(question);
      expect(result.known, question).toBe(false);
      expect(result.text, question).toContain('the question names nothing to look for');
    }
  });

  it('matches a past form the stemmer cannot bring back ("lose" / "lost") and a day written "9th"', () => {
    const frame = frameQuestion('why did the depot lose power on the 9th?', ASOF, PEOPLE);
    const term = (word: string) => frame.terms.find((one) => one.word === word);
    expect(term('lose')?.equivalents).toContain('lost');
    expect(term('9th')?.equivalents).toContain('9');
    const result = answer('why did the depot lose power on the 9th?');
    expect(result.known).toBe(true);
    expect(result.text).toContain('backup generator was never refuelled');
  });
});

describe('the asker’s framing before the question', () => {
  it('drops "tl;dr", "do we know", "any idea" before a question word, and keeps "do we know if"', () => {
    expect(normalizeQuestion('tl;dr why did the depot lose power?')).toBe('why did the depot lose power');
    expect(normalizeQuestion('do we know when the forklifts ship?')).toBe('when the forklifts ship');
    expect(normalizeQuestion('any idea who signed the lease?')).toBe('who signed the lease');
    expect(normalizeQuestion('do we know if the lease is signed?')).toBe('do we know if the lease is signed');
    expect(normalizeQuestion('what did we decide this week (Nov 2–6)?')).toBe('what did we decide this week');
    expect(normalizeQuestion('where is the fix (PR 412)?')).toBe('where is the fix (pr 412)');
  });

  it('reads "who officially owns X" as who owns X', () => {
    expect(parseQuestion('who officially owns the scanner fleet?', new Date(ASOF))).toMatchObject({
      intent: 'owner',
      target: 'the scanner fleet',
    });
  });

  it('asks for an amount when a question asks what something is worth or its value', () => {
    for (const question of ["what's the Kestrel contract worth?", 'what is the dollar value of the credit?'])
      expect(frameQuestion(question, ASOF, PEOPLE).type, question).toBe('number');
    expect(frameQuestion('is the new scanner worth it?', ASOF, PEOPLE).type).toBe('yesno');
  });
});
