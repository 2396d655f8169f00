import { describe, expect, it } from 'vitest';
import { slackProfile } from '../test-support/slack-people.js';
import { PeopleDirectory } from '../../people/people-directory.js';
import { frameQuestion } from './question-frame.js';

const PEOPLE = new PeopleDirectory([slackProfile('UTOM', 'Tomasz Wilk')]);
const frame = (question: string) => frameQuestion(question, '2026-11-20T12:00:00.000Z', PEOPLE);

describe('status questions', () => {
  it('search only for what the question is about, not the words that ask where it stands', () => {
    for (const question of [
      "what's the latest on the Harbor account?",
      'any update on the Harbor account?',
      'where are we with the Harbor account',
      'status of the Harbor account?',
    ]) {
      const asked = frame(question);
      expect(asked.type).toBe('status');
      expect(asked.terms.map((term) => term.word)).toEqual(['harbor', 'account']);
    }
  });

  it('keeps the subject of "how is X going"', () => {
    const asked = frame("how's the Harbor migration going?");
    expect(asked.type).toBe('status');
    expect(asked.terms.map((term) => term.word)).toEqual(['harbor', 'migration']);
  });
});
