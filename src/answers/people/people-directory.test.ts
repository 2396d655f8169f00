import { describe, expect, it } from 'vitest';
import type { PersonUpdated } from '../../domain/person.js';
import { PeopleDirectory } from './people-directory.js';

function profile(
  source: 'slack' | 'discord',
  id: string,
  names: string[],
  handles: string[] = [],
  emails: string[] = [],
): PersonUpdated {
  return {
    key: `${source}:W:${id}`,
    source,
    workspace: 'W',
    nativeId: id,
    names,
    handles,
    emails,
    isBot: false,
  };
}

const PROFILES = [
  profile('slack', 'U1', ['Priya', 'Priya Nair'], ['priya'], ['priya@acme.io']),
  profile('discord', 'D1', ['pj_dev'], ['pj_dev']),
  profile('slack', 'U2', ['Sam O.', 'Sam Okafor'], ['sokafor']),
  profile('slack', 'U3', ['Sam Lee'], ['slee']),
];

describe('PeopleDirectory', () => {
  const directory = new PeopleDirectory(PROFILES, [
    { a: 'slack:W:U1', b: 'discord:W:D1', method: 'alias', confidence: 1, basis: 'config' },
  ]);

  it('groups linked identities into one human named by its full name', () => {
    expect(directory.human('discord:W:D1')).toMatchObject({
      id: 'discord:W:D1',
      keys: ['discord:W:D1', 'slack:W:U1'],
      name: 'Priya Nair',
    });
    expect(directory.name('slack:W:U2')).toBe('Sam Okafor');
  });

  it('names a key no profile describes by its native id, and finds a calendar key by its email', () => {
    expect(directory.human('slack:W:UNKNOWN')).toMatchObject({
      id: 'slack:W:UNKNOWN',
      keys: ['slack:W:UNKNOWN'],
      name: 'UNKNOWN',
    });
    expect(directory.human('calendar:email:priya@acme.io').name).toBe('Priya Nair');
  });

  it('finds people by name, first name, handle and email, and not when a name is ambiguous', () => {
    expect(directory.find('Priya')?.name).toBe('Priya Nair');
    expect(directory.find('@pj_dev')?.name).toBe('Priya Nair');
    expect(directory.find('priya@acme.io')?.name).toBe('Priya Nair');
    expect(directory.find('Sam Okafor')?.name).toBe('Sam Okafor');
    expect(directory.find('Sam')).toBeUndefined();
    expect(directory.find('Kevin')).toBeUndefined();
  });

  it('resolves a reader by a name word only one human has, and not by one several share', () => {
    expect(directory.resolveReader(['Okafor'], '--for').name).toBe('Sam Okafor');
    expect(directory.resolveReader(['priya']).keys).toEqual(['discord:W:D1', 'slack:W:U1']);
    expect(() => directory.resolveReader(['Sam'], '--for')).toThrow(/No person matches "Sam"/);
    expect(directory.findReader(['Sam', 'Kevin'])).toBeUndefined();
    expect(directory.findReader(['Sam O'])).toBeUndefined();
  });

  it('resolves the config `me` entries to every key of the human', () => {
    expect(directory.keysOf(['priya@acme.io'])).toEqual(['discord:W:D1', 'slack:W:U1']);
    expect(directory.keysOf(['nobody@acme.io'])).toEqual([]);
  });
});
