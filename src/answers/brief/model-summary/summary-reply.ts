import { z } from 'zod';

/** What the model writes for one topic (sent as Ollama's `format`). */
export const BriefSummaryReply = z.object({
  summary: z.string().min(1).max(600).describe('at most two short sentences'),
  evidence: z.array(z.string().describe('a message id from messages[].id')).min(1),
});

/** A reply after grounding: `rejected` says why it may not be shown (never sent to the model). */
export type BriefSummaryReply = z.infer<typeof BriefSummaryReply> & { rejected?: string };

/** What the brief-summary stage publishes: the model's lines, or `extractive` (the caller keeps its own summary). */
export const BriefSummaryOutput = z.object({
  source: z.enum(['model', 'extractive']),
  lines: z.array(z.string()),
  evidence: z.array(z.string()),
});
export type BriefSummaryOutput = z.infer<typeof BriefSummaryOutput>;
