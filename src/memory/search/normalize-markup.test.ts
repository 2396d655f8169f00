import { describe, expect, it } from 'vitest';
import { angle, normalizeMarkup } from './normalize-markup.js';

describe('normalizeMarkup', () => {
  it('leaves plain text as it is', () => {
    const text = 'Deploy at 10:30:45, ok? trip_id and OPS-1234 stay; a < b > c too';
    expect(normalizeMarkup(text)).toBe(text);
  });

  it('turns Slack mentions and channel links into their names', () => {
    expect(normalizeMarkup('ping <@U123|dana> in <#C42|billing>')).toBe('ping dana in billing');
    expect(normalizeMarkup('ping <@U123> now')).toBe('ping  now');
    expect(normalizeMarkup('<!here> and <!subteam^S1|@oncall> and <!channel>')).toBe(
      'here and oncall and channel',
    );
  });

  it('keeps a link label with its host, and a bare link as written', () => {
    expect(normalizeMarkup('see <https://github.com/acme/billing/pull/7|the fix>')).toBe(
      'see the fix (github.com)',
    );
    expect(normalizeMarkup('see <https://www.example.com/a|example.com docs>')).toBe('see example.com docs');
    expect(normalizeMarkup('see <https://grafana.acme.io/d/42>')).toBe('see https://grafana.acme.io/d/42');
    expect(normalizeMarkup('mail <mailto:dana@acme.io|Dana>')).toBe('mail Dana (acme.io)');
  });

  it('turns emoji codes into words, not clock times', () => {
    expect(normalizeMarkup('shipped :white_check_mark: :tada::+1:')).toBe('shipped white check mark tada+1');
    expect(normalizeMarkup('at 10:30:45 sharp')).toBe('at 10:30:45 sharp');
  });

  it('strips bold, italic and strike markers and keeps code text', () => {
    expect(normalizeMarkup('*urgent*: _please_ ~not~ **this** `trip_id` fix')).toBe(
      'urgent: please not this trip_id fix',
    );
    expect(normalizeMarkup('```js\nconst a = 1;\n```')).toBe('const a = 1;\n');
    expect(normalizeMarkup('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('reads Discord mentions, custom emoji and timestamps', () => {
    expect(normalizeMarkup('hi <@123456> <:party_parrot:998877> at <t:1700000000:R>')).toBe(
      'hi  party parrot at ',
    );
  });

  it('decodes the HTML entities Slack escapes', () => {
    expect(normalizeMarkup('R&amp;D &lt;3')).toBe('R&D <3');
  });
});

describe('normalizeMarkup, steps skipped when their character is missing', () => {
  // The plain chain it replaced: every step on every text that may hold markup.
  function chain(text: string): string {
    if (!/[<:*_~`&|]/.test(text)) return text;
    return text
      .replace(/<([^<>\s][^<>]*)>/g, angle)
      .replace(
        /(?<![\p{L}\p{N}]):([a-z0-9+'_-]*[a-z][a-z0-9+'_-]*|[+-]1):(?![\p{L}\p{N}])/gu,
        (_m, code: string) => code.replace(/[_-]+/g, ' '),
      )
      .replace(/```[a-z0-9+-]*\n?/gi, '')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/(^|[\s([{"'])(\*\*|__|~~|\|\||[*_~])(?=\S)([^\n]*?\S)\2(?=$|[\s)\]}"'.,!?:;])/g, '$1$3')
      .replace(
        /&(?:amp|lt|gt|quot|#39);/g,
        (entity) =>
          ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity] ?? entity,
      );
  }

  it('gives what every step on every text gave, on texts mixing every kind of markup', () => {
    const parts = [
      '<@U1|dana>',
      '<#C1|ops>',
      ':tada:',
      '10:30',
      '*bold*',
      '_it_',
      '~st~',
      '||sp||',
      '`code`',
      '```js\n',
      '&amp;',
      '&lt;',
      'a_b',
      'plain',
      ' ',
      '\n',
      '<https://x.io/a|x>',
      '**',
      '|',
      ':',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + next(8) }, () => parts[next(parts.length)]).join(
        next(2) ? ' ' : '',
      );
      expect(normalizeMarkup(text), text).toBe(chain(text));
    }
  });
});
