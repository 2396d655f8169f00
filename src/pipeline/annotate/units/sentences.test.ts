import { describe, expect, it } from 'vitest';
import { sentenceSpans } from './sentences.js';

const split = (text: string) =>
  sentenceSpans(text, 0, text.length).map(([start, end]) => text.slice(start, end));

describe('sentenceSpans', () => {
  it('ends sentences at periods, question and exclamation marks', () => {
    expect(split('Deploy is done. Can you check? Great!')).toEqual([
      'Deploy is done.',
      'Can you check?',
      'Great!',
    ]);
  });

  it('keeps abbreviations, initials and titles inside the sentence', () => {
    expect(split('Use a queue, e.g. SQS vs. Kafka. Ask Mr. Okafor or J. Smith about it.')).toEqual([
      'Use a queue, e.g. SQS vs. Kafka.',
      'Ask Mr. Okafor or J. Smith about it.',
    ]);
  });

  it('does not split versions, decimals, percentages, times or file names', () => {
    expect(split('v4.2.1 is at 99.5% after the 9.30 run, see config.yaml. next up')).toEqual([
      'v4.2.1 is at 99.5% after the 9.30 run, see config.yaml.',
      'next up',
    ]);
  });

  it('splits before a request put to someone by name after a comma, and nowhere else at a comma', () => {
    expect(split('stuck on the vendor keys, Dana can you nudge them?')).toEqual([
      'stuck on the vendor keys,',
      'Dana can you nudge them?',
    ]);
    expect(split('the build is red again, @sam please take a look')).toEqual([
      'the build is red again,',
      '@sam please take a look',
    ]);
    expect(split('thanks Dana, can you nudge them?')).toEqual(['thanks Dana, can you nudge them?']);
    expect(split('Also, Dana can you check?')).toEqual(['Also, Dana can you check?']);
    expect(split('we tried Redis, Postgres and Kafka')).toEqual(['we tried Redis, Postgres and Kafka']);
  });

  it('does not split inside a URL', () => {
    expect(split('docs at https://x.io/a.b?c=1&d=2. thanks')).toEqual([
      'docs at https://x.io/a.b?c=1&d=2.',
      'thanks',
    ]);
  });

  it('ends at a run like "?!" and after closing quotes', () => {
    expect(split('wait, prod?! he said "ship it." then left')).toEqual([
      'wait, prod?!',
      'he said "ship it."',
      'then left',
    ]);
  });

  it('splits at an ellipsis only before a capital letter', () => {
    expect(split('hmm... not sure. Maybe… Let me check')).toEqual([
      'hmm... not sure.',
      'Maybe…',
      'Let me check',
    ]);
  });

  it('closes "etc." only when a capital follows', () => {
    expect(split('logs, dumps etc. are in S3. Logs etc. Then more')).toEqual([
      'logs, dumps etc. are in S3.',
      'Logs etc.',
      'Then more',
    ]);
  });

  it('keeps a sentence without final punctuation, and emoji inside it', () => {
    expect(split('done ✅ rolling out to eu now 🚀')).toEqual(['done ✅ rolling out to eu now 🚀']);
  });

  it('never splits inside inline code', () => {
    expect(split('run `make build. then test` please. ok')).toEqual([
      'run `make build. then test` please.',
      'ok',
    ]);
  });

  it('ends at a one-letter pick when an @-mention or a lower-case word follows', () => {
    expect(split('going with B. @lena can you export it?')).toEqual([
      'going with B.',
      '@lena can you export it?',
    ]);
    expect(split('option C. sam will book it')).toEqual(['option C.', 'sam will book it']);
  });

  it('gives the rest as the last span once the limit is reached', () => {
    expect(sentenceSpans('a. b. c. d.', 0, 11, 2).length).toBe(2);
  });
});
