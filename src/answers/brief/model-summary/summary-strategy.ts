import { OutroError } from '../../../domain/errors.js';
import { dataBlock } from '../../../llm/data-block.js';
import type { ModelClient } from '../../../llm/model-client.js';
import type { ModelStrategy } from '../../../pipeline/model-strategy.js';
import { loadPrompt, type PromptTemplate } from '../../../llm/prompt-file.js';
import type { StageDefinition, Strategy } from '../../../pipeline/stage.js';
import { clip, splitSentences } from '../extractive-summary.js';
import { briefSummaryInputHash, type BriefSummaryInput } from './summary-input.js';
import { BriefSummaryOutput, BriefSummaryReply } from './summary-reply.js';

export const BRIEF_SUMMARY_PROMPT_ID = 'brief-summary.v1';

/** Bump when the output for the same input may change (part of every cache key). */
export const briefSummaryStage: StageDefinition<BriefSummaryInput, BriefSummaryOutput> = {
  name: 'brief-summary',
  version: 'brief-summary-1',
  output: BriefSummaryOutput,
  inputHash: briefSummaryInputHash,
};

/**
 * The fallback: "keep the extractive summary". The extractive lines depend on the window (which
 * decisions and asks fall inside it), not only on the messages, so the brief computes them itself
 * and this stage only says which one to show.
 */
export const extractiveSummaryStrategy: Strategy<BriefSummaryInput, BriefSummaryOutput> = {
  kind: 'heuristic',
  id: 'extractive',
  run: () => ({ source: 'extractive', lines: [], evidence: [] }),
};

/** The model strategy: prompts/brief-summary.v1.md, the topic's messages as one data block, reply BriefSummaryReply. */
export function makeBriefSummaryStrategy(
  client: ModelClient,
  prompt: PromptTemplate = loadPrompt(BRIEF_SUMMARY_PROMPT_ID),
): ModelStrategy<BriefSummaryInput, BriefSummaryOutput, BriefSummaryReply> {
  return {
    client,
    prompt,
    reply: BriefSummaryReply,
    promptValues: (input) => ({ data: summaryDataBlock(input) }),
    toOutput: (reply) => {
      // Grounding marked it: runStage turns this into a degraded, cached fallback with the reason.
      if (reply.rejected)
        throw new OutroError('MODEL_INVALID_OUTPUT', `grounding rejected it: ${reply.rejected}`);
      const lines = summaryLines(reply.summary);
      if (lines.length === 0) throw new OutroError('MODEL_INVALID_OUTPUT', 'the summary is blank');
      return { source: 'model', lines, evidence: reply.evidence };
    },
  };
}

export function summaryDataBlock(input: BriefSummaryInput): string {
  return dataBlock('conversation_data', {
    topic: input.topic,
    people: input.people.map((person) => ({ key: person.key, name: person.name })),
    entities: input.entities.map((entity) => ({ id: entity.id, name: entity.name })),
    messages: input.messages.map((message) => ({
      id: message.id,
      channel: message.channel,
      authorName: message.authorName,
      ts: message.ts,
      text: message.text,
    })),
  });
}

/** The brief's shape: two lines at most, 160 characters each. */
export function summaryLines(summary: string, lines = 2): string[] {
  return splitSentences(summary).slice(0, lines).map(clip);
}
