import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cues from './lexicon/cues.js';
import { FACT_PATTERNS } from './lexicon/fact-patterns.js';
import { OWNERSHIP_FRAMES } from './facts/ownership-frames.js';
import { foldForGate, mayMatch, requiredLiterals } from './regex-gate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const IRC = join(ROOT, '..', 'shared', 'datasets', 'irc-disentanglement', 'train');

/** Every message text of the bundled fixtures (JSON string fields named text, content or body). */
function fixtureTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json'))
        for (const m of readFileSync(path, 'utf8').matchAll(
          /"(?:text|content|body)"\s*:\s*"((?:[^"\\]|\\.)*)"/g,
        ))
          texts.push(JSON.parse(`"${m[1]}"`) as string);
    }
  };
  walk(join(ROOT, 'fixtures'));
  return texts;
}

const lexiconPatterns: RegExp[] = [
  ...Object.values(cues).flatMap((value) =>
    Array.isArray(value) ? value.filter((p) => p instanceof RegExp) : value instanceof RegExp ? [value] : [],
  ),
  ...FACT_PATTERNS.map((fact) => fact.pattern),
  ...OWNERSHIP_FRAMES.map((frame) => frame.pattern),
];

/** Texts that match each pattern: its fixture matches, with their case changed and their words re-spaced around. */
function assertNeverRulesOutAMatch(texts: readonly string[]): number {
  let matched = 0;
  for (const text of texts) {
    const variants = [text, text.toUpperCase(), `x ${text} y`, text.replace(/s/g, 'ſ')];
    for (const variant of variants) {
      const folded = foldForGate(variant);
      for (const pattern of lexiconPatterns) {
        if (!pattern.test(variant)) continue;
        matched++;
        if (!mayMatch(pattern, folded))
          throw new Error(`${String(pattern)} matches ${JSON.stringify(variant)}`);
      }
    }
  }
  return matched;
}

describe('regex gates', () => {
  it('reads the literals a match cannot do without', () => {
    // What every way of saying it holds: "s taking over " (of " is taking over " and " 's taking over ").
    expect(requiredLiterals(/\b(?<p>\w+) (?:is|'s) taking over (?:the )?(?<y>\w+)/iu)).toEqual([
      ['s taking over '],
    ]);
    // One word for three strings: fewer to look for.
    expect(requiredLiterals(/\bagreed\b[.!,]/i)).toEqual([['agreed']]);
    expect(requiredLiterals(/(?:→|->|=>)\s*ask/u)).toEqual([['ask']]);
    // Parts that must all be there, the rarest-looking first.
    expect(requiredLiterals(/\b(?:owner|maintainer) of \w+ is away\b/i)).toEqual([
      [' is away'],
      ['ner of '],
      ['owner', 'maintainer'],
    ]);
    // Nothing is required: an optional part, any character, a class with a range.
    expect(requiredLiterals(/(?:done)?\s*$/)).toBeNull();
    expect(requiredLiterals(/[a-z]+/)).toBeNull();
    // Not read: backreferences, global patterns (their lastIndex moves), unknown escapes.
    expect(requiredLiterals(/(a)\1/)).toBeNull();
    expect(requiredLiterals(/done/g)).toBeNull();
    expect(requiredLiterals(/\u0041bcde/)).toBeNull();
  });

  it('rules a pattern out only when the text lacks its literals, whatever the case', () => {
    const pattern = /\bbelongs to (?<p>@?\p{L}+)/iu;
    expect(mayMatch(pattern, foldForGate('the indexer BELONGS TO Kofi'))).toBe(true);
    expect(mayMatch(pattern, foldForGate('the indexer is Kofi’s'))).toBe(false);
    // The long s folds to s under `iu`, and the gate folds it too.
    expect(/belongs/iu.test('belongſ')).toBe(true);
    expect(mayMatch(/belongs/iu, foldForGate('belongſ'))).toBe(true);
  });

  it('never rules out a lexicon pattern on a text it matches (fixture texts)', () => {
    expect(lexiconPatterns.length).toBeGreaterThan(100);
    expect(lexiconPatterns.filter((pattern) => requiredLiterals(pattern)).length).toBeGreaterThan(100);
    expect(assertNeverRulesOutAMatch(fixtureTexts())).toBeGreaterThan(500);
  });

  it.skipIf(!existsSync(IRC))('never rules out a lexicon pattern on a text it matches (IRC corpus)', () => {
    const texts = readdirSync(IRC)
      .filter((name) => name.endsWith('.ascii.txt'))
      .slice(0, 4)
      .flatMap((name) => readFileSync(join(IRC, name), 'utf8').split('\n'));
    expect(assertNeverRulesOutAMatch(texts)).toBeGreaterThan(100);
  });
});
