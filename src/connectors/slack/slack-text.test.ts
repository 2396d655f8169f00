import { describe, expect, it } from 'vitest';
import { decodeSlackEntities, normalizeSlackText, type SlackTextContext } from './slack-text.js';

const names: Record<string, string> = { U1: 'Dana Scully', U2: 'fox' };
const channels: Record<string, string> = { C1: 'general' };
const context: SlackTextContext = {
  personKey: (id) => `slack:T1:${id}`,
  displayName: (id) => names[id],
  channelKey: (id) => `slack:T1:${id}`,
  channelName: (id) => channels[id],
};
const normalize = (text: string) => normalizeSlackText(text, context);

describe('normalizeSlackText', () => {
  it('returns plain text untouched, with nothing mentioned', () => {
    expect(normalize('just words, nothing else')).toEqual({
      text: 'just words, nothing else',
      mentions: [],
      channelMentions: undefined,
      links: undefined,
      mentionsAll: false,
    });
  });

  it('renders user mentions by display name and collects their person keys once', () => {
    const result = normalize('<@U1> and <@U2|fox> and <@U1> again');
    expect(result.text).toBe('@Dana Scully and @fox and @Dana Scully again');
    expect(result.mentions).toEqual(['slack:T1:U1', 'slack:T1:U2']);
  });

  it('falls back to the given name, then the id, for users it does not know', () => {
    expect(normalize('<@U9|walter> <@U8>').text).toBe('@walter @U8');
    expect(normalize('<@U9|@walter>').text).toBe('@walter');
    expect(normalize('<@U8>').mentions).toEqual(['slack:T1:U8']);
  });

  it('renders channel mentions by name and collects channel keys', () => {
    const result = normalize('see <#C1|general> and <#C1> and <#C7> and <#C8|ops>');
    expect(result.text).toBe('see #general and #general and #C7 and #ops');
    expect(result.channelMentions).toEqual(['slack:T1:C1', 'slack:T1:C7', 'slack:T1:C8']);
  });

  it('renders @here, @channel and @everyone and marks the message as mentioning all', () => {
    const result = normalize('<!here> <!channel> <!everyone> <!here|here>');
    expect(result.text).toBe('@here @channel @everyone @here');
    expect(result.mentionsAll).toBe(true);
    expect(normalize('<@U1> hi').mentionsAll).toBe(false);
  });

  it('renders user groups by their handle', () => {
    expect(normalize('ping <!subteam^S123|@oncall> and <!subteam^S456|design>').text).toBe(
      'ping @oncall and @design',
    );
    expect(normalize('<!subteam^S789>').text).toBe('@S789');
  });

  it('renders dates by their fallback text', () => {
    expect(normalize('due <!date^1392734382^{date_pretty}|Feb 18, 2014 6:39 AM PST> ok').text).toBe(
      'due Feb 18, 2014 6:39 AM PST ok',
    );
    expect(normalize('<!date^1392734382^{date}>').text).toBe('');
  });

  it('writes labelled links as label (url) and bare links as the url, collecting urls once', () => {
    const result = normalize(
      'read <https://x.test/a|the doc>, <https://x.test/b> and <https://x.test/a|again>',
    );
    expect(result.text).toBe(
      'read the doc (https://x.test/a), https://x.test/b and again (https://x.test/a)',
    );
    expect(result.links).toEqual(['https://x.test/a', 'https://x.test/b']);
  });

  it('writes a link labelled with its own url once', () => {
    expect(normalize('<https://x.test/a|https://x.test/a>').text).toBe('https://x.test/a');
  });

  it('writes mailto links as the address and does not count them as links', () => {
    const result = normalize('mail <mailto:a@b.c|a@b.c> or <mailto:d@e.f>');
    expect(result.text).toBe('mail a@b.c or d@e.f');
    expect(result.links).toBeUndefined();
  });

  it('decodes the entities Slack escapes, in text, labels and urls', () => {
    const result = normalize('P&amp;L &lt;draft&gt; <https://x.test/?a=1&amp;b=2|Q&amp;A>');
    expect(result.text).toBe('P&L <draft> Q&A (https://x.test/?a=1&b=2)');
    expect(result.links).toEqual(['https://x.test/?a=1&b=2']);
  });

  it('does not treat escaped angle brackets as a mention', () => {
    const result = normalize('&lt;@U1&gt; is literal');
    expect(result.text).toBe('<@U1> is literal');
    expect(result.mentions).toEqual([]);
  });

  it('keeps other ampersands and stray brackets as written', () => {
    expect(normalize('a & b &quot; < c').text).toBe('a & b &quot; < c');
  });
});

describe('decodeSlackEntities', () => {
  it('decodes only &amp; &lt; &gt;', () => {
    expect(decodeSlackEntities('&amp;&lt;&gt;&quot;&amp;amp;')).toBe('&<>&quot;&amp;');
  });
});
