import { describe, expect, it } from 'vitest';
import { isAcknowledgement } from './reply-passages.js';

describe('isAcknowledgement', () => {
  it.each([
    'thanks Helena.',
    'ok 👍',
    'got it, cheers!',
    'Thank you so much',
    'noted 🙏',
    'perfect, thanks all',
  ])('reads %j as an acknowledgement', (sentence) => expect(isAcknowledgement(sentence)).toBe(true));

  it.each([
    'ok so the limit is 99.5% per month',
    'thanks to the retry queue nothing was lost',
    'sure, Priya owns it now',
    'I know this one: 99.9% uptime per quarter.',
  ])('reads %j as more than an acknowledgement', (sentence) =>
    expect(isAcknowledgement(sentence)).toBe(false),
  );
});
