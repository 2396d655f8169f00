import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../dataset-files.js';
import { ItemSkipped, type EvalTask, type ItemScore, type TaskContext } from '../task.js';
import type { AskScores } from '../workspace/score-ask.js';

const Input = z.object({ workspace: z.string().min(1) });
const Expected = z.object({
  /** The least share of the ask list answered right (abstentions included); absent: the share is the score. */
  min_right: z.number().min(0).max(1).optional(),
  /** Unanswerable rows that must abstain, all of them when true. */
  all_abstain: z.boolean().default(true),
});

/** What one workspace's ask list scored, as the task returns it. */
export interface AskWorkspaceResult {
  workspace: string;
  scores: AskScores;
}

/**
 * The one seam to the application: the caller's TaskServices.askWorkspace(dir) ingests the
 * workspace folder (exports + truth.json) into a temporary store, runs the agents, and answers
 * every row of the truth's `ask` list as `outro ask --as-of DATE --no-model` does (see
 * src/app/workspace-eval.ts).
 */
type AskWorkspaceService = (dir: string) => Promise<AskScores>;

function serviceOf(context: TaskContext): AskWorkspaceService {
  const service = context.services.askWorkspace as AskWorkspaceService | undefined;
  if (!service)
    throw new ItemSkipped(
      'no workspace evaluator: run it through `outro eval run`, which ingests the workspace',
    );
  return service;
}

/** Scores a workspace's ask list: the share answered right, zero when an unanswerable row did not abstain. */
export function scoreAskWorkspace(expectedRaw: unknown, result: AskWorkspaceResult): ItemScore {
  const expected = Expected.parse(expectedRaw);
  const { scores } = result;
  const share = scores.total === 0 ? 0 : scores.right / scores.total;
  const abstainedAll = scores.abstained === scores.unanswerable ? 1 : 0;
  const passedFloor = expected.min_right === undefined || share >= expected.min_right ? 1 : 0;
  const score = expected.all_abstain && !abstainedAll ? 0 : share;
  return {
    score,
    scores: {
      right: share,
      answerable: scores.answerable === 0 ? 1 : scores.answerableRight / scores.answerable,
      abstained: scores.unanswerable === 0 ? 1 : scores.abstained / scores.unanswerable,
      floor: passedFloor,
    },
    notes: [
      `${scores.right}/${scores.total} right: answerable ${scores.answerableRight}/${scores.answerable}, unanswerable abstained ${scores.abstained}/${scores.unanswerable}; on the answer line alone ${scores.rightInLine}/${scores.total}`,
      ...scores.rows
        .filter((row) => !row.right)
        .map((row) => `${row.question} (as of ${row.asOf}): ${row.why}`),
    ],
  };
}

/**
 * Dataset task `ask-workspace`: a workspace folder's whole `ask` list (the Fernhill truth format:
 * answer_person_id, answer_contains, answer_contains_any, answer_items, answer_unknown,
 * must_not_say) against a store built from that workspace, no model. A folder that is not there
 * (../shared on a machine without the shared datasets) is skipped with that reason.
 */
export const askWorkspaceTask: EvalTask = {
  name: 'ask-workspace',
  stage: 'ask',
  async load() {
    return {
      async run(row, context): Promise<AskWorkspaceResult> {
        const { workspace } = Input.parse(row.input);
        const folder = resolve(REPO_ROOT, workspace);
        if (!existsSync(resolve(folder, 'truth.json')))
          throw new ItemSkipped(`${workspace} is absent (no truth.json there); its ask list is not scored`);
        return { workspace, scores: await serviceOf(context)(folder) };
      },
      score: (row, output) => scoreAskWorkspace(row.expected, output as AskWorkspaceResult),
      describe: (output) => {
        const { workspace, scores } = output as AskWorkspaceResult;
        return `${workspace}: ${scores.right}/${scores.total} right`;
      },
    };
  },
};
