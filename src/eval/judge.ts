import { z } from 'zod';
import { toOutroError } from '../domain/errors.js';
import { dataBlock } from '../llm/data-block.js';
import { replySchemaOf } from '../llm/json-schema.js';
import type { ChatMessage, ModelClient } from '../llm/model-client.js';
import { renderPrompt } from '../llm/prompt-file.js';
import { tracedChat } from '../pipeline/model-call-span.js';
import { JUDGE_PROMPT } from './judge-prompt.js';

export const JudgeVote = z
  .object({ verdict: z.enum(['pass', 'fail']), score: z.number().min(0).max(1), reason: z.string() })
  .strict();
export type JudgeVote = z.infer<typeof JudgeVote>;

export interface JudgeBallot {
  /** The model's reply text as received (null when the request failed). */
  raw: string | null;
  vote?: JudgeVote;
  error?: string;
}

/** What is stored beside an item's deterministic scores. A failed judge is `status: 'error'`, never a 0. */
export interface JudgeResult {
  status: 'ok' | 'error';
  verdict?: 'pass' | 'fail';
  /** Mean score of the votes in the majority. */
  score?: number;
  error?: string;
  model: string;
  promptId: string;
  promptHash: string;
  prompt: ChatMessage[];
  ballots: JudgeBallot[];
}

export interface JudgeRequest {
  task: string;
  input: unknown;
  expected: unknown;
  /** The answer to grade (a short text or JSON). */
  answer: unknown;
}

const REPLY = replySchemaOf(JudgeVote);

/**
 * Asks the model `votes` times (default 3) for a JSON verdict and keeps the majority. A vote that
 * fails (server error, timeout, invalid JSON) is recorded with its raw output and error; when no
 * verdict has a strict majority of all votes, the result is an error.
 */
export async function judge(
  client: ModelClient,
  request: JudgeRequest,
  options: { votes?: number; signal?: AbortSignal } = {},
): Promise<JudgeResult> {
  const votes = options.votes ?? 3;
  const prompt = renderPrompt(JUDGE_PROMPT, {
    data: dataBlock('grade', {
      task: request.task,
      input: request.input,
      expected: request.expected,
      answer: request.answer,
    }),
  });
  const ballots: JudgeBallot[] = [];
  for (let i = 0; i < votes; i++) ballots.push(await ballot(client, prompt, options.signal));
  const base = {
    model: client.model,
    promptId: JUDGE_PROMPT.id,
    promptHash: JUDGE_PROMPT.hash,
    prompt,
    ballots,
  };
  const valid = ballots.filter((b): b is JudgeBallot & { vote: JudgeVote } => b.vote !== undefined);
  const needed = Math.floor(votes / 2) + 1;
  for (const verdict of ['pass', 'fail'] as const) {
    const majority = valid.filter((b) => b.vote.verdict === verdict);
    if (majority.length >= needed) {
      return {
        ...base,
        status: 'ok',
        verdict,
        score: majority.reduce((sum, b) => sum + b.vote.score, 0) / majority.length,
      };
    }
  }
  const failed = ballots.length - valid.length;
  return {
    ...base,
    status: 'error',
    error:
      failed > 0
        ? `the judge failed: ${failed} of ${votes} votes gave no verdict (${ballots.find((b) => b.error)?.error})`
        : `the judge split: no verdict has ${needed} of ${votes} votes`,
  };
}

async function ballot(
  client: ModelClient,
  prompt: ChatMessage[],
  signal?: AbortSignal,
): Promise<JudgeBallot> {
  let raw: string;
  try {
    raw = (await tracedChat(client, { messages: prompt, format: REPLY.jsonSchema, signal }, 'eval-judge'))
      .content;
  } catch (error) {
    const problem = toOutroError(error);
    return { raw: null, error: `${problem.code}: ${problem.message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { raw, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = JudgeVote.safeParse(json);
  return parsed.success
    ? { raw, vote: parsed.data }
    : { raw, error: `invalid verdict: ${parsed.error.issues.map((issue) => issue.message).join('; ')}` };
}
