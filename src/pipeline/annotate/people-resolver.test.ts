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
    expect(resolver.namedIn('lena and Priya')).toEqual([{ key: 'slack:U1', index: 9, text: 'Priya' }]);
  });

  it('finds no one in lower-case words without a marker, asked again or not', () => {
    expect(keys('lena said priya would do it')).toEqual([]);
    expect(keys('lena said priya would do it')).toEqual([]);
    expect(keys('ask Priya, she knows')).toEqual(['slack:U1']);
  });
});
