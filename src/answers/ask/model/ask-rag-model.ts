import { z } from 'zod';
import { contentHash } from '../../../domain/ids.js';
import type { StageDefinition, Strategy } from '../../../pipeline/stage.js';
import { dataBlock } from '../../../llm/data-block.js';
import type { ModelClient } from '../../../llm/model-client.js';
import type { ModelStrategy } from '../../../pipeline/model-strategy.js';
import { loadPrompt, type PromptTemplate } from '../../../llm/prompt-file.js';

export const ASK_RAG_PROMPT_ID = 'ask-rag.v1';

/** What the model writes: one or two sentences from the passages, and the ids of the passages it rests on. */
export const AskRagReply = z.object({
  answer: z.string().max(600),
  cites: z.array(z.string().max(20)).max(8).describe('ids of the passages that state the answer ("p1")'),
  answerable: z.boolean(),
});
export type AskRagReply = z.infer<typeof AskRagReply>;

/** The stage's output: the reply, and why it was rejected (null: kept). */
export const AskRag = AskRagReply.extend({ rejected: z.string().nullable() });
export type AskRag = z.infer<typeof AskRag>;

/** One retrieved message as the model sees it. */
export interface RagPassage {
  /** `p1`, `p2`, … in retrieval order. */
  id: string;
  author: string;
  /** The message's day (YYYY-MM-DD in the configured time zone). */
  date: string;
  text: string;
}

export interface AskRagInput {
  question: string;
  /** What kind of answer the question wants (person, time, number, reason, status, …). */
  answerType: string | null;
  passages: RagPassage[];
}

export const askRagStage: StageDefinition<AskRagInput, AskRag> = {
  name: 'ask-rag',
  version: '1',
  output: AskRag,
  inputHash: (input) => contentHash(input),
};

/** The heuristic side: no model answer (the extractive answer stands). */
export const askRagNone: Strategy<AskRagInput, AskRag> = {
  kind: 'heuristic',
  id: 'heuristic',
  run: () => ({ answer: '', cites: [], answerable: false, rejected: null }),
};

/**
 * prompts/ask-rag.v1.md; the question and passages go in as one data block. `check` says why a
 * reply cannot be kept (rag-answer.ts), or null.
 */
export function makeAskRagStrategy(
  client: ModelClient,
  check: (reply: AskRagReply, input: AskRagInput) => string | null,
  prompt: PromptTemplate = loadPrompt(ASK_RAG_PROMPT_ID),
): ModelStrategy<AskRagInput, AskRag, AskRagReply> {
  return {
    client,
    prompt,
    reply: AskRagReply,
    toOutput: (reply, input) => ({ ...reply, rejected: check(reply, input) }),
    promptValues: (input) => ({
      data: dataBlock('passages_data', {
        question: input.question,
        answer_type: input.answerType,
        passages: input.passages,
      }),
    }),
  };
}
