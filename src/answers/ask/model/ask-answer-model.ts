import { z } from 'zod';
import { contentHash } from '../../../domain/ids.js';
import type { StageDefinition, Strategy } from '../../../pipeline/stage.js';
import { dataBlock } from '../../../llm/data-block.js';
import type { ModelClient } from '../../../llm/model-client.js';
import type { ModelStrategy } from '../../../pipeline/model-strategy.js';
import { loadPrompt, type PromptTemplate } from '../../../llm/prompt-file.js';

export const ASK_ANSWER_PROMPT_ID = 'ask-answer.v1';

/** What the model writes: one or two sentences that say what the deterministic answer says. */
export const AskWordingReply = z.object({ sentence: z.string().min(1).max(500) });
export type AskWordingReply = z.infer<typeof AskWordingReply>;

/** The stage's output: the grounded sentence ("" when grounding rejected it). */
export const AskWording = z.object({ sentence: z.string(), rejected: z.boolean() });
export type AskWording = z.infer<typeof AskWording>;

/** The deterministic answer the model rewords: its text, confidence and evidence. */
export interface AskWordingInput {
  question: string;
  answer: string;
  confidence: number;
  entity: string | null;
  evidence: Array<{ author: string; time: string; snippet: string }>;
  /** Names grounding accepts besides the answer's text (history, all evidence authors); not sent, part of the cache key. */
  grounds: string[];
}

export const askWordingStage: StageDefinition<AskWordingInput, AskWording> = {
  name: 'ask-answer',
  version: '1',
  output: AskWording,
  inputHash: (input) => contentHash(input),
};

/** The heuristic side: no wording (the deterministic text stands). */
export const askWordingNone: Strategy<AskWordingInput, AskWording> = {
  kind: 'heuristic',
  id: 'heuristic',
  run: () => ({ sentence: '', rejected: false }),
};

/** prompts/ask-answer.v1.md; question, answer and evidence go in as one data block. */
export function makeAskWordingStrategy(
  client: ModelClient,
  prompt: PromptTemplate = loadPrompt(ASK_ANSWER_PROMPT_ID),
): ModelStrategy<AskWordingInput, AskWording, AskWordingReply> {
  return {
    client,
    prompt,
    reply: AskWordingReply,
    // Grounding (word-answer.ts) empties a sentence that names what the answer does not.
    toOutput: (reply) => ({ sentence: reply.sentence, rejected: reply.sentence === '' }),
    promptValues: (input) => ({
      data: dataBlock('answer_data', {
        question: input.question,
        answer: input.answer,
        confidence: input.confidence,
        entity: input.entity,
        evidence: input.evidence.map((item) => ({
          author: item.author,
          time: item.time,
          snippet: item.snippet.slice(0, 300),
        })),
      }),
    }),
  };
}
