import { z } from 'zod';
import { disentangle } from '../../pipeline/disentangle/disentangle.js';
import type { ChatLine } from '../../pipeline/disentangle/types.js';
import { clusteringScores } from '../scorers/clustering.js';
import type { EvalTask } from '../task.js';

const Line = z.object({
  id: z.string(),
  author: z.string(),
  authorNames: z.array(z.string()).default([]),
  text: z.string(),
  ts: z.number(),
  thread: z.string().nullable().optional(),
  replyTo: z.string().nullable().optional(),
  mentions: z.array(z.string()).optional(),
  system: z.boolean().optional(),
});
const Input = z.object({ channel: z.string(), lines: z.array(Line) });
const Expected = z.object({ conversations: z.array(z.array(z.string())) });

/** Dataset task `disentangle`: one channel's lines into conversations; score = one-to-one overlap (VI and exact-match F beside it). */
export const disentangleTask: EvalTask = {
  name: 'disentangle',
  stage: 'disentangle',
  async load() {
    return {
      async run(row) {
        const input = Input.parse(row.input);
        return { conversations: disentangle(input.lines as ChatLine[]).conversations };
      },
      score(row, output) {
        const gold = Expected.parse(row.expected).conversations;
        const predicted = Expected.parse(output).conversations;
        const scores = clusteringScores(gold, predicted);
        return { score: scores.oneToOne, scores: { ...scores } };
      },
      describe: (output) => JSON.stringify(output),
    };
  },
};
