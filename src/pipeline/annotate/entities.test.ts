import { describe, expect, it } from 'vitest';
import { EntityBook, normalizeEntityName } from './entities.js';

describe('entities', () => {
  it('normalizes "billing", "billing svc" and "the billing service" to one name', () => {
    expect(
      ['billing', 'billing svc', 'the billing service', 'The Billing Service'].map(normalizeEntityName),
    ).toEqual(['billing', 'billing', 'billing', 'billing']);
    expect(normalizeEntityName('auth-api')).toBe('auth api');
  });

  it('resolves surface forms to one stable id and collects aliases', () => {
    const book = new EntityBook([]);
    const id = book.resolve('the billing service');
    expect(book.resolve('billing svc')).toBe(id);
    expect(book.resolve('billing')).toBe(id);
    expect(id).toBe('component:billing');
    expect(book.usedEntities()[0].aliases).toEqual(['the billing service', 'billing svc', 'billing']);
  });

  it('resolves a bare head word to the name it ends once the conversation has named it', () => {
    const book = new EntityBook([{ id: 'component:search-indexer', name: 'search indexer' }]);
    expect(book.mentionedIn('lag on the Search Indexer again')).toEqual(['component:search-indexer']);
    expect(book.resolve('search indexer')).toBe('component:search-indexer');
    expect(book.resolve('the indexer')).toBe('component:search-indexer');
    // Elsewhere "the pipeline" is not the "Q4 pipeline" some other conversation named.
    const other = new EntityBook([{ id: 'component:q4-pipeline', name: 'q4 pipeline' }]);
    expect(other.resolve('the pipeline')).toBe('component:pipeline');
  });

  it('mentions a known entity only by a whole name, however many share its first word', () => {
    const book = new EntityBook([
      { id: 'component:search-indexer', name: 'search indexer', aliases: ['indexer'] },
      { id: 'component:search-api', name: 'search api' },
      { id: 'component:search', name: 'search' },
    ]);
    // In order of appearance; two found at one place in the order they were named.
    expect(book.mentionedIn('the search api and the indexer')).toEqual([
      'component:search-api',
      'component:search',
      'component:search-indexer',
    ]);
    expect(book.mentionedIn('search results are slow')).toEqual(['component:search']);
    expect(book.mentionedIn('searching for it')).toEqual([]);
    // A name learnt in the conversation is mentioned from then on.
    expect(book.resolve('the search api', false)).toBe('component:search-api');
    expect(book.resolve('sapi')).toBe('component:sapi');
    expect(book.mentionedIn('sapi is down')).toEqual(['component:sapi']);
  });

  it('discovers component phrases and leaves pronouns alone', () => {
    const book = new EntityBook([]);
    expect(book.discover('the 02:00 cron stays until the retry worker ships')).toContain(
      'component:retry-worker',
    );
    expect(book.resolve('it')).toBeUndefined();
  });

  it('finds mentions by any alias, in order of appearance, including aliases learnt in the conversation', () => {
    const known = [
      { id: 'component:auth-api', name: 'auth-api', aliases: ['the login service'] },
      { id: 'component:billing', name: 'billing', aliases: ['payments'] },
      { id: 'component:v2.1', name: 'v2.1' },
      { id: 'component:cache', name: '.cache.' },
    ];
    const book = new EntityBook(known);
    expect(book.mentionedIn('payments broke the Login Service, not auth api')).toEqual([
      'component:billing',
      'component:auth-api',
    ]);
    expect(book.mentionedIn('ship v2.1 today')).toEqual(['component:v2.1']);
    // ".cache." reads as " cache": an irregular form, found only where the text starts with punctuation.
    expect(book.mentionedIn('.cache is cold')).toEqual(['component:cache']);
    expect(book.mentionedIn('clear the cache')).toEqual([]);
    expect(book.mentionedIn('nothing here')).toEqual([]);
    expect(book.resolve('billing svc')).toBe('component:billing');
    expect(book.resolve('money pipe')).toBe('component:money-pipe');
    expect(book.mentionedIn('the money pipe feeds billing')).toEqual([
      'component:money-pipe',
      'component:billing',
    ]);
    // A copy per book: another conversation does not see this one's new alias.
    expect(new EntityBook(known).mentionedIn('billing svc is down')).toEqual(['component:billing']);
  });
});
