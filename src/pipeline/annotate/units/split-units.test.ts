import { describe, expect, it } from 'vitest';
import { splitUnits } from './split-units.js';
import type { Unit } from './unit.js';

const texts = (units: Unit[]) => units.map((unit) => unit.text);
const kept = (units: Unit[]) => units.filter((unit) => !unit.skip);

describe('splitUnits', () => {
  it('splits sentences and treats each line as a separator', () => {
    const units = splitUnits('merged the fix. deploying now\nwill ping when done');
    expect(texts(units)).toEqual(['merged the fix.', 'deploying now', 'will ping when done']);
    expect(units.map((unit) => unit.index)).toEqual([0, 1, 2]);
  });

  it('keeps offsets into the original text', () => {
    const text = '  hi all!\n\n> quoted bit\n- item one. and more';
    for (const unit of splitUnits(text)) expect(text.slice(unit.start, unit.end)).toBe(unit.text);
  });

  it('makes each numbered or bulleted line a list item with its position', () => {
    const units = splitUnits(
      'for Friday:\n1. send the deck\n2) book the room\n(3) order lunch\n• confirm AV\n* print badges\nthanks!',
    );
    expect(units.map((unit) => [unit.text, unit.listIndex])).toEqual([
      ['for Friday:', undefined],
      ['send the deck', 0],
      ['book the room', 1],
      ['order lunch', 2],
      ['confirm AV', 3],
      ['print badges', 4],
      ['thanks!', undefined],
    ]);
  });

  it('keeps an indented continuation with its item and restarts counting after prose', () => {
    const units = splitUnits('- migrate the db\n  (staging first)\nthen:\n- announce it');
    expect(units.map((unit) => [unit.text, unit.listIndex])).toEqual([
      ['migrate the db', 0],
      ['(staging first)', 0],
      ['then:', undefined],
      ['announce it', 0],
    ]);
  });

  it('splits inline numbered lists', () => {
    expect(
      splitUnits('two asks: 1. update the sheet 2. ping legal').map((unit) => [unit.text, unit.listIndex]),
    ).toEqual([
      ['two asks:', undefined],
      ['update the sheet', 0],
      ['ping legal', 1],
    ]);
    expect(texts(splitUnits('1) refund her 2) send a credit note 3) close the ticket'))).toEqual([
      'refund her',
      'send a credit note',
      'close the ticket',
    ]);
  });

  it('does not read a single number as a list', () => {
    expect(texts(splitUnits('we are at 1. 5 million rows'))).toEqual(['we are at 1.', '5 million rows']);
  });

  it('sets quoted lines apart, Slack escapes and >>> included', () => {
    const units = splitUnits(
      '> can we ship Friday?\n&gt; and the docs?\nyes, ship it\n>>> all of\nthis is quoted',
    );
    expect(units.map((unit) => [unit.text, unit.quoted ?? false])).toEqual([
      ['can we ship Friday?', true],
      ['and the docs?', true],
      ['yes, ship it', false],
      ['all of', true],
      ['this is quoted', true],
    ]);
  });

  it('marks code blocks, inline-code-only units and stack traces as skip', () => {
    const units = splitUnits(
      'seeing this:\n```\nconst a = 1;\nthrow new Error("x");\n```\n`kubectl get pods`\nTypeError: boom\n    at run (/app/main.js:10:5)\n    at next (/app/main.js:20:3)\nany idea?',
    );
    expect(units.map((unit) => [unit.text.split('\n')[0], unit.skip])).toEqual([
      ['seeing this:', undefined],
      ['```', 'code'],
      ['`kubectl get pods`', 'code'],
      ['TypeError: boom', 'stack-trace'],
      ['any idea?', undefined],
    ]);
  });

  it('marks Python and Java traces as skip', () => {
    const python =
      'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nValueError: bad\nwho owns app.py?';
    expect(splitUnits(python).map((unit) => unit.skip)).toContain('stack-trace');
    expect(texts(kept(splitUnits(python)))).toContain('who owns app.py?');
    const java =
      'java.lang.NullPointerException\n\tat com.acme.Billing.run(Billing.java:42)\n\tat com.acme.Main.main(Main.java:7)';
    expect(splitUnits(java).map((unit) => unit.skip)).toEqual(['stack-trace']);
  });

  it('does not take a time of day for a stack frame', () => {
    expect(kept(splitUnits('at 10:30 we meet')).length).toBe(1);
  });

  it('marks a unit that is only a link as url, but keeps a sentence with a link', () => {
    const units = splitUnits(
      'https://github.com/acme/web/pull/1432\nPR is up: https://github.com/acme/web/pull/1433',
    );
    expect(units.map((unit) => unit.skip)).toEqual(['url', undefined]);
  });

  it('keeps inline code inside a sentence and classifies the sentence', () => {
    expect(splitUnits('can you run `npm ci` on staging?')[0]).toMatchObject({
      text: 'can you run `npm ci` on staging?',
    });
    expect(splitUnits('can you run `npm ci` on staging?')[0].skip).toBeUndefined();
  });

  it('replaces tokens over 64 characters but keeps exact offsets', () => {
    const hash = 'f'.repeat(80);
    const text = `digest ${hash} and https://example.com/${'a'.repeat(70)} look wrong`;
    const [unit] = splitUnits(text);
    expect(unit.text).toBe('digest <long> and <url> look wrong');
    expect([unit.start, unit.end]).toEqual([0, text.length]);
  });

  it('marks a unit over 4 KB as too-long', () => {
    const units = splitUnits(`${'word '.repeat(1000)}end`);
    expect(units).toHaveLength(1);
    expect(units[0].skip).toBe('too-long');
  });

  it('keeps mentions and a leading name as written', () => {
    const [first, second] = splitUnits('Marco, could you ask @lena? @Tom.H fyi');
    expect(first).toMatchObject({ leadingName: 'Marco', mentions: ['@lena'] });
    expect(second.mentions).toEqual(['@Tom.H']);
  });

  it('keeps emoji-only units: they can be acts', () => {
    expect(splitUnits('👍')).toMatchObject([{ text: '👍' }]);
    expect(splitUnits('✅')[0].skip).toBeUndefined();
  });

  it('returns nothing for blank text', () => {
    expect(splitUnits('  \n\n ')).toEqual([]);
  });

  it('ends a message of too many units with one too-long unit holding the rest', () => {
    const text = 'ok. '.repeat(50);
    const units = splitUnits(text, { maxUnits: 10 });
    expect(units).toHaveLength(10);
    expect(units[9]).toMatchObject({ skip: 'too-long', end: text.trimEnd().length });
  });

  it('splits 10 MB messages of every shape in linear time', () => {
    const size = 10 * 1024 * 1024;
    const fill = (piece: string) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
    const shapes = [
      fill('Marco, can you check the logs for @lena? e.g. the 9.30 run vs. yesterday. '),
      'x'.repeat(size),
      fill('words without any punctuation at all '),
      fill('- item\n1. numbered\n> quoted\n    at f (a.js:1:2)\n'),
      fill('a `b` c ` '),
      fill('```x``` y '),
      fill('1. a 2. b 3. c '),
      fill('? '),
      '\n'.repeat(size),
    ];
    // A quadratic step would take minutes here; the bound leaves room for a busy machine (bench: ~0.1–0.3 s each).
    for (const text of shapes) {
      const started = performance.now();
      const units = splitUnits(text);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(units.length).toBeLessThanOrEqual(1000);
    }
  });
});
