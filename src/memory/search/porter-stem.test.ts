import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexTerms, porterStem } from './porter-stem.js';

const WORDS = `caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled
sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization
predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival
allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate
rate cease controll roll deploy deployment deploying isolating isolation agencies agency
predictions shipping renewal approved approve certification outage outages yes y`.split(/\s+/);

describe('porterStem', () => {
  it('stems every word as the FTS5 porter tokenizer of the index does', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');",
    );
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const term = db.prepare('SELECT term FROM v').pluck();
    for (const word of WORDS) {
      db.exec('DELETE FROM t');
      insert.run(word);
      expect(porterStem(word), word).toBe(term.get());
    }
    db.close();
  });

  it('folds accents and case before stemming, and leaves digits alone', () => {
    expect(indexTerms('Estação OPS-1234 Isolating')).toEqual(['estacao', 'op', '1234', 'isol']);
  });
});
