import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from './heuristic-annotate.js';
import { conversation, key } from './testing/conversation-builder.js';

describe('topic, summary, noise', () => {
  it('labels a work conversation with its entity or noun phrase and a two-line summary', () => {
    const out = annotateHeuristically(
      conversation([
        ['lena', 'heads up: search indexer lag was ~40min overnight again'],
        ['dana', '@Lena Vogel can you write up the options for the search indexer by Wed?'],
        ['lena', 'yes, doc by wednesday'],
      ]),
    );
    expect(out.topic).toContain('search indexer');
    expect(out.summary.split('\n')).toHaveLength(2);
    expect(out.noise).toBe(false);
    expect(out.participants).toEqual([key('lena'), key('dana')]);
    expect(out.mentioned).toContain(key('lena'));
  });

  it('flags small talk and bot-only chatter as noise, and leaves person names out of topics', () => {
    expect(
      annotateHeuristically(
        conversation([
          ['sam', 'morning all ☕'],
          ['lena', 'morning! who broke the coffee machine 😤'],
          ['sam', "wasn't me lol"],
        ]),
      ).noise,
    ).toBe(true);
    expect(annotateHeuristically(conversation([['bot', 'nightly build passed on main']])).noise).toBe(true);
    const out = annotateHeuristically(
      conversation([['sam', 'Whitfield report is late again, the quarterly numbers report']]),
    );
    expect(out.topic).not.toMatch(/whitfield/i);
  });

  it('takes no topic from emoji codes', () => {
    const out = annotateHeuristically(
      conversation([['sam', 'have one for us in Berlin :clinking_glasses:']]),
    );
    expect(out.topic).not.toMatch(/clinking|glasses/);
  });
});
