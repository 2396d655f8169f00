import { describe, expect, it } from 'vitest';
import { capSummary, capTopic, SUMMARY_MAX, TOPIC_MAX } from '../../domain/text-caps.js';
import { cleanText, NLP_LIMITS, nlpText, nounPhrases, sentences } from './nlp.js';
import { analysedText } from './units/unit-text.js';

const BASE64 = 'QUJDRA'.repeat(4000);

describe('what reaches wink-nlp (issue 16: bounded cost per message)', () => {
  it('replaces a token longer than 64 characters by <long>, keeping the words around it', () => {
    expect(cleanText(`see ${'a1'.repeat(40)} now`)).toBe('see <long> now');
    expect(cleanText(`see ${'a1'.repeat(32)} now`)).toBe(`see ${'a1'.repeat(32)} now`);
  });

  it('replaces a line longer than 2 KB by <long>, keeping the other lines', () => {
    const prose = 'we will ship the billing fix on friday and then look at search again. '.repeat(40);
    expect(prose.length).toBeGreaterThan(NLP_LIMITS.maxUnit);
    expect(cleanText(`Lena owns deploys.\n${prose}\nThanks.`)).toBe('Lena owns deploys. <long> Thanks.');
  });

  it('reads at most the first 64 KB and hands on at most 8 KB', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `line ${index} is short.`).join('\n');
    const text = nlpText(lines);
    expect(text.length).toBeLessThanOrEqual(NLP_LIMITS.maxChars);
    expect(text.startsWith('line 0 is short.')).toBe(true);
  });

  it('gives no sentence or phrase for a message that is only a long token', () => {
    expect(sentences(BASE64)).toEqual([]);
    expect(nounPhrases(BASE64)).toEqual([]);
    expect(sentences(`the deploy key is ${BASE64} so rotate it. Lena will do it.`)).toEqual([
      'the deploy key is <long> so rotate it.',
      'Lena will do it.',
    ]);
  });
});

describe('text caps', () => {
  it('caps topics at 80 characters on one line and summaries at 300', () => {
    const topic = capTopic(`billing\n${'word '.repeat(100)}`);
    expect(topic.length).toBeLessThanOrEqual(TOPIC_MAX);
    expect(topic).not.toContain('\n');
    expect(topic.endsWith('…')).toBe(true);
    expect(capSummary('x'.repeat(50_000_000 / 100)).length).toBe(SUMMARY_MAX);
    expect(capTopic('short topic')).toBe('short topic');
  });
});

describe('cleanText on a plain line', () => {
  /** Every step of cleanText, with no shortcut for lines without code, quotes or links. */
  function everyStep(text: string): string {
    return text
      .replace(/```[\s\S]*?```/g, ' ')
      .split('\n')
      .filter((line) => !/^\s*>/.test(line))
      .map((line) => {
        const linked = line
          .replace(/\[([^\]]{1,500})\]\((https?:[^)]{1,4000})\)/g, '$1')
          .replace(/(\S{1,200}) \((https?:[^)]{1,4000})\)/g, '$1')
          .replace(/https?:\/\/\S+/g, ' ');
        const short = analysedText(linked, 0, linked.length, NLP_LIMITS.maxToken);
        return short.length > NLP_LIMITS.maxUnit ? '<long>' : short;
      })
      .join('\n')
      .replace(/`([^`]*)`/g, (_m, code: string) => code.replace(/[.()]/g, '_'))
      .replace(/\s+/g, ' ')
      .trim();
  }

  it('gives what every step gives', () => {
    const texts = [
      '  can you   check the\tbuild? ',
      `see ${'a1'.repeat(40)} now`,
      'a plain line, nothing else',
      'x'.repeat(3000),
      'the queue → the worker',
      'ends with a tab\t',
      '\u00a0non-breaking\u00a0spaces\u00a0',
      'line one\nline two',
      '> quoted\nnot quoted',
      'see `a.b()` here',
      'look at https://example.com/x now',
    ];
    for (const text of texts) expect(cleanText(text)).toBe(everyStep(text));
  });
});
