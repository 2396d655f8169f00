import { describe, expect, it } from 'vitest';
import { cueActOf } from './cue-acts.js';

describe('cueActOf: dated commitments without "I\'ll"', () => {
  it('reads a clause-initial -ing verb with a day, and taking things on with a day, as commitments', () => {
    expect(cueActOf('mailing the quote Thursday')).toBe('commitment');
    expect(cueActOf('config is on staging, promoting it to prod tomorrow')).toBe('commitment');
    expect(cueActOf('the invoices and the refunds are both on me, you will hear Friday')).toBe('commitment');
    expect(cueActOf("ok, you'll have the draft by Friday")).toBe('commitment');
  });

  it('leaves going somewhere, targets and -ing nouns alone', () => {
    expect(cueActOf('heading to the airport tomorrow')).not.toBe('commitment');
    expect(cueActOf('aiming for Thursday')).not.toBe('commitment');
    expect(cueActOf('training session would be next Tuesday')).not.toBe('commitment');
    expect(cueActOf("sorry, that one's on me")).not.toBe('commitment');
  });

  it('reads putting something forward with a day as no commitment ("proposing we …", "suggesting …")', () => {
    expect(cueActOf('beta plan: proposing we freeze it Friday and open signups Monday')).not.toBe(
      'commitment',
    );
    expect(cueActOf('suggesting we move the retro to Thursday')).not.toBe('commitment');
    expect(cueActOf('recommending the annual plan for them next week')).not.toBe('commitment');
  });
});

describe('cueActOf: agreement that sets the course', () => {
  it('reads "ok cut X", "yeah keep it X only", "alright, going with X" as decisions', () => {
    expect(cueActOf('ok cut the branching scenario from the beta, it goes into v1.1.')).toBe('decision');
    expect(cueActOf('yeah keep it SPONSORS.md only, no README logos')).toBe('decision');
    expect(cueActOf('alright, going with VetSupply Pro.')).toBe('decision');
    expect(cueActOf('ok staying with Trans-Pol through Q1, we revisit in march')).toBe('decision');
  });

  it('leaves a plain ok, "keep me posted" and "staying with my parents" alone', () => {
    expect(cueActOf('ok keep me posted')).not.toBe('decision');
    expect(cueActOf('yeah stop it')).not.toBe('decision');
    expect(cueActOf('staying with my parents over the holidays')).not.toBe('decision');
    expect(cueActOf('ok sounds good')).not.toBe('decision');
  });
});
