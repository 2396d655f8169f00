import { z } from 'zod';
import { contentHash } from '../../../domain/ids.js';
import type { StageDefinition, Strategy } from '../../../pipeline/stage.js';
import { dataBlock } from '../../../llm/data-block.js';
import type { ModelClient } from '../../../llm/model-client.js';
import type { ModelStrategy } from '../../../pipeline/model-strategy.js';
import { loadPrompt, type PromptTemplate } from '../../../llm/prompt-file.js';

export const ASK_PARSE_PROMPT_ID = 'ask-parse.v1';

/** The intents the model may name: the pattern parser's (ask-types.ts AskIntent), then "unknown". */
export const MODEL_INTENTS = [
  'owner',
  'works-on',
  'expert',
  'ask-whom',
  'decided',
  'working-on',
  'blocking',
  'waiting-on-me',
  'changed',
  'unknown',
] as const;

/**
 * What the model writes for one question (sent as the JSON Schema `format`): the same structure
 * the pattern parser produces (intent and target), a time phrase copied from the question, and
 * whether it is sure. Grounding (understand-question.ts) checks the target and the time phrase.
 */
export const AskParseReply = z.object({
  intent: z.enum(MODEL_INTENTS),
  target: z
    .string()
    .max(200)
    .describe(
      'the words naming what is asked about, copied from the question or from candidates; "" for waiting-on-me',
    ),
  when: z.string().max(60).nullable().describe('a time phrase copied from the question, or null'),
  sure: z.boolean(),
});
export type AskParseReply = z.infer<typeof AskParseReply>;

/** The question and the entity names the graph's full-text search found for it (names and aliases). */
export interface AskParseInput {
  question: string;
  candidates: string[];
}

export const askParseStage: StageDefinition<AskParseInput, AskParseReply> = {
  name: 'ask-parse',
  version: '1',
  output: AskParseReply,
  inputHash: (input) => contentHash(input),
};

/**
 * The stage's heuristic side: "not understood". runStage answers with it when the model fails;
 * the caller then uses the pattern parse (which it already has) and reports `degraded`.
 */
export const askParseNotUnderstood: Strategy<AskParseInput, AskParseReply> = {
  kind: 'heuristic',
  id: 'heuristic',
  run: () => ({ intent: 'unknown', target: '', when: null, sure: false }),
};

/** prompts/ask-parse.v1.md; the question goes in as a data block, never as instructions. */
export function makeAskParseStrategy(
  client: ModelClient,
  prompt: PromptTemplate = loadPrompt(ASK_PARSE_PROMPT_ID),
): ModelStrategy<AskParseInput, AskParseReply> {
  return {
    client,
    prompt,
    reply: AskParseReply,
    promptValues: (input) => ({
      data: dataBlock('question_data', { question: input.question, candidates: input.candidates }),
    }),
  };
}
