import { describe, expect, it } from 'vitest';
import { isSmallTalk } from './reply-passages.js';

describe('isSmallTalk', () => {
  it.each([
    'thanks Helena.',
    'ok 👍',
    'got it, cheers!',
    'Thank you so much',
    'noted 🙏',
    'perfect, thanks all',
  ])('reads %j as an acknowledgement', (sentence) => expect(isSmallTalk(sentence)).toBe(true));

  it.each([
    'ok so the limit is 99.5% per month',
    'thanks to the retry queue nothing was lost',
    'sure, Priya owns it now',
    'I know this one: 99.9% uptime per quarter.',
    'good morning, the deploy failed again',
    'hi Sam, can you check the invoice?',
  ])('reads %j as more than small talk', (sentence) => expect(isSmallTalk(sentence)).toBe(false));
});
