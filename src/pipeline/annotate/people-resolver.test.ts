import { describe, expect, it } from 'vitest';
import { PeopleResolver } from './people-resolver.js';

const people = [
  { key: 'slack:U1', name: 'Priya Nair' },
  { key: 'slack:U2', name: 'Lena Vogel', aliases: ['lena'] },
  { key: 'slack:U3', name: 'Paul Jones', aliases: ['pj_dev', 'deploy2'] },
];

describe('PeopleResolver.namedIn', () => {
  const resolver = new PeopleResolver(people, 'slack:');
  const keys = (sentence: string): string[] => resolver.namedIn(sentence).map((hit) => hit.key);

  it('finds capitalised names, @handles and handles with a digit or underscore, in order', () => {
    expect(keys('ask Priya, she knows')).toEqual(['slack:U1']);
    expect(keys('ping @lena about it')).toEqual(['slack:U2']);
    expect(keys('pj_dev has the keys')).toEqual(['slack:U3']);
    expect(keys('deploy2 has the keys')).toEqual(['slack:U3']);
    expect(resolver.namedIn('lena and Priya')).toEqual([
      { key: 'slack:U2', index: 0, text: 'lena' },
      { key: 'slack:U1', index: 9, text: 'Priya' },
    ]);
  });

  it('finds a first name written lower-case, as chat often writes it, asked again or not', () => {
    expect(keys('lena said priya would do it')).toEqual(['slack:U2', 'slack:U1']);
    expect(keys('lena said priya would do it')).toEqual(['slack:U2', 'slack:U1']);
    expect(keys('that is paul’s call')).toEqual(['slack:U3']);
  });

  it('reads a lower-case first name that is an everyday word as the word, and a lower-case display name as no name', () => {
    const others = new PeopleResolver(
      [
        { key: 'slack:U4', name: 'Grace Kim' },
        { key: 'slack:U5', name: 'Max Weber' },
        { key: 'slack:U6', name: 'ikonia' },
      ],
      'slack:',
    );
    const found = (sentence: string): string[] => others.namedIn(sentence).map((hit) => hit.key);
    expect(found('the grace period is max 5 days')).toEqual([]);
    expect(found('ikonia knows the kernel')).toEqual([]);
    expect(found('Grace and Max agreed')).toEqual(['slack:U4', 'slack:U5']);
    expect(others.isCasualName('grace')).toBe(false);
  });
});

describe('PeopleResolver vocatives written lower-case', () => {
  const resolver = new PeopleResolver(people, 'slack:');

  it('reads a trailing first name after a comma as the one asked', () => {
    expect(resolver.trailingName("who's the carrier contact, lena?")).toBe('slack:U2');
    expect(resolver.trailingName("who's the carrier contact, please?")).toBeUndefined();
  });

  it('reads a leading name followed by "you" as the one spoken to', () => {
    expect(resolver.leadingName('lena you still manage the Vimeo account right?')).toBe('slack:U2');
  });
});

describe('PeopleResolver.imperativeTo', () => {
  const resolver = new PeopleResolver(people, 'slack:');

  it('reads a name then a verb of work as an ask to that person', () => {
    expect(resolver.imperativeTo('lena write the ADR by fri')).toBe('slack:U2');
    expect(resolver.imperativeTo('approved 👍 priya pls loop in HR')).toBe('slack:U1');
    expect(resolver.imperativeTo('Priya order 4 units')).toBe('slack:U1');
    expect(resolver.imperativeTo('yes, lena pls sort it for all stores by wednesday')).toBe('slack:U2');
  });

  it('reads a name then a past or other verb as no ask', () => {
    expect(resolver.imperativeTo('lena sent it yesterday')).toBeUndefined();
    expect(resolver.imperativeTo("lena's been on it since sept")).toBeUndefined();
    expect(resolver.imperativeTo('someone write the ADR')).toBeUndefined();
  });
});

describe('PeopleResolver.leadingName before "are we"', () => {
  it('reads "lena are we upgrading …?" as put to Lena', () => {
    expect(
      new PeopleResolver(people, 'slack:').leadingName('lena are we upgrading to torch 2.5 this sprint?'),
    ).toBe('slack:U2');
  });
});
