import { z } from 'zod';
import type { AskScores } from './score-ask.js';
import type { WorkspaceScores } from './score-workspace.js';

/**
 * The eval gate's floors for one evaluation workspace: each kind's precision and recall (0–1), the
 * conversations' VI, the gold briefs' must-include share and how many `ask` rows are right. A
 * floor left out is not checked. Set a little under what was measured, so the gate fails on a
 * regression, not on noise.
 */
const PrecisionRecall = z
  .object({ precision: z.number().optional(), recall: z.number().optional() })
  .strict();

export const WorkspaceFloorsSchema = z
  .object({
    decisions: PrecisionRecall.optional(),
    actionItems: PrecisionRecall.optional(),
    questionsForMe: PrecisionRecall.optional(),
    ownership: PrecisionRecall.optional(),
    waitingAtEnd: PrecisionRecall.optional(),
    conversationsVI: z.number().optional(),
    briefMustInclude: z.number().optional(),
    askRight: z.number().int().optional(),
    unanswerableAbstained: z.number().int().optional(),
  })
  .strict();

export type WorkspaceFloors = z.infer<typeof WorkspaceFloorsSchema>;

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Every floor the scores fall under, in words; empty when all hold. */
export function floorFailures(scores: WorkspaceScores, ask: AskScores, floors: WorkspaceFloors): string[] {
  const failures: string[] = [];
  for (const kind of ['decisions', 'actionItems', 'questionsForMe', 'ownership', 'waitingAtEnd'] as const) {
    const floor = floors[kind];
    if (!floor) continue;
    for (const measure of ['precision', 'recall'] as const) {
      const wanted = floor[measure];
      const got = scores[kind][measure];
      if (wanted !== undefined && got < wanted)
        failures.push(`${kind} ${measure} ${pct(got)} is under the floor ${pct(wanted)}`);
    }
  }
  if (floors.conversationsVI !== undefined && scores.conversations.vi < floors.conversationsVI)
    failures.push(
      `conversations VI ${pct(scores.conversations.vi)} is under the floor ${pct(floors.conversationsVI)}`,
    );
  if (floors.briefMustInclude !== undefined) {
    const found = scores.briefs.reduce((sum, brief) => sum + brief.found, 0);
    const total = scores.briefs.reduce((sum, brief) => sum + brief.total, 0);
    const share = total ? found / total : 1;
    if (share < floors.briefMustInclude)
      failures.push(`brief must-include ${pct(share)} is under the floor ${pct(floors.briefMustInclude)}`);
  }
  if (floors.askRight !== undefined && ask.right < floors.askRight)
    failures.push(`ask ${ask.right}/${ask.total} right is under the floor ${floors.askRight}`);
  if (floors.unanswerableAbstained !== undefined && ask.abstained < floors.unanswerableAbstained)
    failures.push(
      `ask abstained on ${ask.abstained} unanswerable questions, under the floor ${floors.unanswerableAbstained}`,
    );
  return failures;
}
