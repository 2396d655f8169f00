import { describe, expect, it } from 'vitest';
import { isOutroError } from '../../domain/errors.js';
import { MAX_TERMS, parseSearchQuery } from './parse-search-query.js';

const match = (query: string, mode: 'all' | 'any' = 'all'): string => parseSearchQuery(query, mode).match;

function badQuery(query: string): string {
  try {
    parseSearchQuery(query);
  } catch (error) {
    if (isOutroError(error, 'BAD_QUERY')) return error.message;
    throw error;
  }
  throw new Error(`expected BAD_QUERY for ${JSON.stringify(query)}`);
}

describe('parseSearchQuery', () => {
  it('quotes every word and joins them with AND, or OR in any mode', () => {
    expect(match('Billing migration')).toBe('"billing" AND "migration"');
    expect(match('billing migration', 'any')).toBe('"billing" OR "migration"');
  });

  it('keeps exact phrases and prefixes', () => {
    // The index stems words, so a prefix is cut back to a start the stemmer keeps ("deploy" stems to "deploi").
    expect(match('"rate limit" deploy*')).toBe('"rate limit" AND "deplo" *');
    expect(match('"rate lim"*')).toBe('"rate lim" *');
  });

  it('makes a word with inner punctuation the phrase of its parts', () => {
    expect(match('OPS-1234')).toBe('"ops 1234"');
    expect(match('v4.2.1')).toBe('"v4 2 1"');
    expect(match('trip_id')).toBe('"trip id"');
    expect(match('OPS-12*')).toBe('"ops 12" *');
  });

  it('drops stopwords unless nothing else is left', () => {
    expect(match('the billing of it')).toBe('"billing"');
    expect(match('to be or not to be')).toBe('"to" AND "be" AND "or" AND "not"');
    expect(match('"the billing"')).toBe('"the billing"');
  });

  it('searches FTS5 operators and syntax as plain words', () => {
    expect(match('billing AND NOT payments')).toBe('"billing" AND "payments"');
    expect(match('NEAR(billing payments, 2)')).toBe('"near billing" AND "payments" AND "2"');
    expect(match('-billing title:deploy ^start (a OR b) col:*')).toBe(
      '"billing" AND "title deploy" AND "start" AND "b" AND "col"',
    );
    expect(match("'; DROP TABLE search_docs; --")).toBe('"drop" AND "table" AND "search docs"');
    expect(match('*billing ** * deploy**')).toBe('"billing" AND "deplo" *');
  });

  it('keeps letters of any script and folds nothing itself (the tokenizer removes diacritics)', () => {
    expect(match('Inés Straße 東京 Привет')).toBe('"inés" AND "straße" AND "東京" AND "привет"');
  });

  it('caps the number of terms of a long query', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `w${i}`).join(' ');
    const parsed = parseSearchQuery(words);
    expect(parsed.terms).toHaveLength(MAX_TERMS);
    expect(parsed.dropped).toBe(2_000 - MAX_TERMS);
    expect(parseSearchQuery('x'.repeat(10_240)).terms[0].tokens[0]).toHaveLength(10_240);
  });

  it('refuses an empty query, one without words, and an unbalanced quote, saying how to write one', () => {
    expect(badQuery('')).toMatch(/empty.*"an exact phrase"/);
    expect(badQuery('   ')).toMatch(/empty/);
    expect(badQuery('!!! --- *** ()')).toMatch(/no letters or digits/);
    expect(badQuery('""')).toMatch(/no letters or digits/);
    expect(badQuery('"rate limit')).toMatch(/unbalanced double quote.*Close the phrase/);
    expect(badQuery('5" screen')).toMatch(/unbalanced/);
  });
});
