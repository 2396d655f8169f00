import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearIdentityCache } from '../llm/ollama-identity-cache.js';
import { fakeClient } from '../pipeline/testing/demo-stage.js';
import { FakeOllama } from '../llm/testing/fake-ollama.js';
import { judge } from './judge.js';

let fake: FakeOllama;
beforeEach(async () => {
  clearIdentityCache();
  fake = await FakeOllama.start();
});
afterEach(async () => fake.close());

const request = {
  task: 'ask',
  input: { question: 'who owns billing?' },
  expected: { answer_contains: ['Priya'] },
  answer: 'Priya owns billing.',
};
const vote = (verdict: 'pass' | 'fail', score: number) => ({
  content: JSON.stringify({ verdict, score, reason: 'because' }),
});

describe('judge', () => {
  it('keeps the majority of three votes and stores the prompt and raw replies', async () => {
    fake.enqueue(vote('pass', 1), vote('fail', 0.2), vote('pass', 0.8));
    const result = await judge(fakeClient(fake), request);
    expect(result).toMatchObject({
      status: 'ok',
      verdict: 'pass',
      promptId: 'eval-judge.v1',
      model: 'llama3.2:3b',
    });
    expect(result.score).toBeCloseTo(0.9);
    expect(result.ballots.map((b) => b.raw)).toEqual([
      vote('pass', 1).content,
      vote('fail', 0.2).content,
      vote('pass', 0.8).content,
    ]);
    expect(result.prompt[1].content).toContain('Priya owns billing.');
    expect(fake.count('/api/chat')).toBe(3);
    expect(fake.chatRequests()[0].format).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['verdict', 'score', 'reason']),
    });
  });

  it('still reaches a verdict when one vote is junk', async () => {
    fake.enqueue(vote('fail', 0), { content: 'not json at all' }, vote('fail', 0.1));
    const result = await judge(fakeClient(fake), request);
    expect(result).toMatchObject({ status: 'ok', verdict: 'fail' });
    expect(result.ballots[1]).toMatchObject({
      raw: 'not json at all',
      error: expect.stringMatching(/^not JSON/),
    });
  });

  it('records a failed judge as an error, never as a score of 0', async () => {
    fake.enqueue(
      { status: 500, error: 'boom' },
      { status: 500, error: 'boom' },
      { content: '{"verdict":"maybe"}' },
    );
    const result = await judge(fakeClient(fake, { retries: 0 }), request);
    expect(result.status).toBe('error');
    expect(result.score).toBeUndefined();
    expect(result.verdict).toBeUndefined();
    expect(result.error).toMatch(/3 of 3 votes gave no verdict/);
    expect(result.ballots[0]).toMatchObject({
      raw: null,
      error: expect.stringMatching(/^MODEL_UNAVAILABLE/),
    });
  });

  it('records a timed-out judge as an error', async () => {
    fake.enqueue({ hang: true }, { hang: true }, { hang: true });
    const result = await judge(fakeClient(fake, { retries: 0, timeoutMs: 200 }), request);
    expect(result.status).toBe('error');
    expect(
      result.ballots.every((b) => b.error?.startsWith('TIMEOUT') || b.error?.startsWith('MODEL_UNAVAILABLE')),
    ).toBe(true);
  });

  it('reports a split vote as an error', async () => {
    fake.enqueue(vote('pass', 1), vote('fail', 0), { status: 400, error: 'bad' });
    const result = await judge(fakeClient(fake, { retries: 0 }), request);
    expect(result.status).toBe('error');
  });
});
