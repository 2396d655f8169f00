import { z } from 'zod';
import { abstentionScore } from '../scorers/structure.js';
import { containsShare } from '../scorers/text.js';
import type { EvalTask, ItemScore } from '../task.js';
import { answerRow, type AskResult } from './ask-adapter.js';

const Input = z.object({ question: z.string(), as_of: z.string().nullable().default(null) });
const Expected = z.object({
  unknown: z.boolean(),
  answer_contains: z.array(z.string()).default([]),
  answer_excludes: z.array(z.string()).default([]),
});

/** Scores an answer: abstained when it should, contains what it must, and nothing it must not. */
export function scoreAsk(expectedRaw: unknown, answer: Pick<AskResult, 'answer' | 'unknown'>): ItemScore {
  const expected = Expected.parse(expectedRaw);
  const abstained = abstentionScore(expected.unknown, answer.unknown);
  const contains = expected.unknown ? 1 : containsShare(answer.answer, expected.answer_contains);
  const clean = expected.answer_excludes.some((needle) =>
    answer.answer.toLowerCase().includes(needle.toLowerCase()),
  )
    ? 0
    : 1;
  const score = expected.unknown ? abstained * clean : answer.unknown ? 0 : contains * clean;
  return { score, scores: { abstained, contains, excludes: clean } };
}

/** Dataset task `ask`: a question against the ingested fixture workspace, as of the fixture's "now". */
export const askTask: EvalTask = {
  name: 'ask',
  stage: 'ask',
  async load() {
    return {
      async run(row, context) {
        const input = Input.parse(row.input);
        return answerRow(input.question, input.as_of, context);
      },
      score: (row, output) => scoreAsk(row.expected, output as AskResult),
      describe: (output) => (output as AskResult).answer,
    };
  },
};
