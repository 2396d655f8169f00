import { describe, expect, it } from 'vitest';
import { emailOrg, fold, fullKey, handleSegments, orgKeys, orgsMeet, parseName } from './name-forms.js';

const read = (raw: string) => {
  const parts = parseName(raw);
  return { words: parts.words, nickname: parts.nickname, org: parts.org, full: fullKey(parts) };
};

describe('parseName', () => {
  it.each([
    ['Tess | Acme', { words: ['tess'], org: 'Acme' }],
    ['Lou (Acme Support)', { words: ['lou'], org: 'Acme Support' }],
    ['Maria @ Cedar Valley', { words: ['maria'], org: 'Cedar Valley' }],
    ['Inês – Serra Alta', { words: ['ines'], org: 'Serra Alta' }],
    ['Yun - Acme', { words: ['yun'], org: 'Acme' }],
    ['Priya K', { words: ['priya', 'k'] }],
  ])('removes the decoration from %s and keeps the org', (raw, expected) => {
    expect(read(raw)).toMatchObject(expected);
    expect(read(raw).full).toBeUndefined();
  });

  it('reads a quoted or bracketed nickname apart from the full name', () => {
    expect(read('Teresa "Tess" Okoro')).toEqual({
      words: ['teresa', 'okoro'],
      nickname: 'tess',
      org: undefined,
      full: 'teresa okoro',
    });
    expect(read('Teresa (Tess) Okoro')).toMatchObject({ nickname: 'tess', full: 'teresa okoro' });
    expect(read("Teresa 'Tess' Okoro")).toMatchObject({ nickname: 'tess', full: 'teresa okoro' });
  });

  it('reads "Last, First" in given-name-first order, and drops (External), (Guest), pronouns and titles', () => {
    expect(parseName('Okoro, Teresa')).toMatchObject({ first: 'teresa', last: 'okoro', reversed: true });
    expect(read('Tess Okoro (External)').full).toBe('tess okoro');
    expect(parseName('Tess Okoro (External)').external).toBe(true);
    expect(read('Sam Li (Guest)').full).toBe('sam li');
    expect(read('Maria Delgado (she/her)').full).toBe('maria delgado');
    expect(read('Dr. Sam Lee, PhD').full).toBe('sam lee');
  });

  it('folds accents, so Inês is Ines', () => {
    expect(read('Inês Carvalho').full).toBe(read('Ines Carvalho').full);
    expect(fold('Øster Łukasz')).toBe('oster lukasz');
  });

  it('finds no person in a role or org-only name', () => {
    for (const raw of ['Support | Acme', 'Acme Support Team', 'support', 'Help Desk'])
      expect(parseName(raw).words).toEqual([]);
    expect(parseName('Support | Acme').org).toBe('Acme');
  });

  it('reads login-style names as handles', () => {
    expect(parseName('tess.okoro')).toMatchObject({ handleLike: true, words: [] });
    expect(parseName('lena')).toMatchObject({ handleLike: true, words: ['lena'] });
    expect(parseName('Tess').handleLike).toBe(false);
  });
});

describe('handles and orgs', () => {
  it('splits a handle into its letter runs', () => {
    expect(handleSegments('tess.okoro')).toEqual(['tess', 'okoro']);
    expect(handleSegments('@yunli_dev#0042')).toEqual(['yunli', 'dev']);
    expect(handleSegments('lexi99')).toEqual(['lexi']);
  });

  it('reads the org of an email domain, none for free mail', () => {
    expect(emailOrg('tess@mail.acme.io')).toBe('acme');
    expect(emailOrg('ana@shop.co.uk')).toBe('shop');
    expect(emailOrg('someone@gmail.com')).toBeUndefined();
  });

  it('matches a decoration org to an email domain', () => {
    expect(orgsMeet(orgKeys('Cedar Valley'), orgKeys(emailOrg('m@cedarvalley.com') ?? ''))).toBe(true);
    expect(orgsMeet(orgKeys('Serra Alta'), orgKeys(emailOrg('i@serra-alta.pt') ?? ''))).toBe(true);
    expect(orgsMeet(orgKeys('Acme Support'), ['acme'])).toBe(true);
    expect(orgsMeet(orgKeys('AcmeCorp'), ['acme'])).toBe(true);
    expect(orgsMeet(orgKeys('Globex'), ['acme'])).toBe(false);
  });
});
