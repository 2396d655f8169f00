import type { ModelClient } from '../../../llm/model-client.js';
import type { ModelStrategy } from '../../model-strategy.js';
import { dataBlock } from '../../../llm/data-block.js';
import { loadPrompt, type PromptTemplate } from '../../../llm/prompt-file.js';
import type { AnnotateModelInput } from './annotate-input.js';
import { AnnotationDraft } from './annotation-draft.js';

export const ANNOTATE_PROMPT_ID = 'annotate.v1';
/** Longest message text sent; the rest is cut (the evidence still cites the whole message). */
const MAX_MESSAGE_CHARS = 2_000;

export interface AnnotateModelOptions<O> {
  /** Turns a grounded draft into the annotate stage's output; absent: the draft is the output. */
  toOutput?(draft: AnnotationDraft, input: AnnotateModelInput): O;
  prompt?: PromptTemplate;
}

/** The annotate stage's model strategy: prompts/annotate.v1.md, reply schema AnnotationDraft. */
export function makeAnnotateModelStrategy<O = AnnotationDraft>(
  client: ModelClient,
  options: AnnotateModelOptions<O> = {},
): ModelStrategy<AnnotateModelInput, O, AnnotationDraft> {
  return {
    client,
    prompt: options.prompt ?? loadPrompt(ANNOTATE_PROMPT_ID),
    reply: AnnotationDraft,
    promptValues: (input) => ({ data: annotateDataBlock(input) }),
    ...(options.toOutput ? { toOutput: options.toOutput } : {}),
  };
}

export function annotateDataBlock(input: AnnotateModelInput): string {
  return dataBlock('conversation_data', {
    channel: input.channel,
    people: input.people.map((person) => ({ key: person.key, name: person.name })),
    entities: input.entities.map((entity) => ({ id: entity.id, name: entity.name })),
    messages: input.messages.map((message) => ({
      id: message.id,
      author: message.author,
      authorName: message.authorName,
      ts: message.ts,
      text:
        message.text.length > MAX_MESSAGE_CHARS
          ? `${message.text.slice(0, MAX_MESSAGE_CHARS)}…`
          : message.text,
    })),
  });
}
