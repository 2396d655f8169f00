import type { z } from 'zod';
import type { ModelClient } from '../llm/model-client.js';
import type { PromptTemplate } from '../llm/prompt-file.js';

/**
 * The model strategy of a stage: a versioned prompt, the zod schema the reply must follow (sent
 * to Ollama as a JSON Schema `format`), and how a validated, grounded reply becomes the stage's
 * output. R is what the model writes; O what the stage publishes (the same when toOutput is absent).
 */
export interface ModelStrategy<I, O, R = O> {
  client: ModelClient;
  prompt: PromptTemplate;
  /** Sent after an invalid reply, with {{errors}}; default prompts/repair.v1.md. */
  repairPrompt?: PromptTemplate;
  reply: z.ZodType<R>;
  /** The placeholder values for one input (data blocks built with dataBlock()). */
  promptValues(input: I): Record<string, string>;
  toOutput?(reply: R, input: I): O;
  /** Options that change the output, for the cache key. */
  keyParts?: readonly string[];
}
