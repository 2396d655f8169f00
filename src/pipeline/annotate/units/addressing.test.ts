import { describe, expect, it } from 'vitest';
import { leadingNameOf, mentionsIn } from './addressing.js';

describe('mentionsIn', () => {
  it('finds raw @-mentions and Slack user tokens, not e-mail addresses', () => {
    expect(mentionsIn('@marco can you ask <@U02ABC> and @Tom.H? mail me at ana@acme.io')).toEqual([
      '@marco',
      '<@U02ABC>',
      '@Tom.H',
    ]);
  });
});

describe('leadingNameOf', () => {
  it('finds a name before a comma or colon, also after a greeting', () => {
    expect(leadingNameOf('Marco, could you take a look?')).toBe('Marco');
    expect(leadingNameOf('leila: the export is failing again')).toBe('leila');
    expect(leadingNameOf('hey Lena, any news on the backfill?')).toBe('Lena');
  });

  it('ignores openers, labels and group words', () => {
    for (const text of [
      'ok, ship it',
      'Update: all green',
      'everyone, please add your numbers',
      'decided: we go with Postgres',
      'btw, standup moved',
    ]) {
      expect(leadingNameOf(text)).toBeUndefined();
    }
  });

  it('ignores a time or a URL scheme after the word', () => {
    expect(leadingNameOf('meeting at 10:30')).toBeUndefined();
    expect(leadingNameOf('https://example.com')).toBeUndefined();
  });
});
