import { messageAct } from '../../src/pipeline/annotate/acts/classify-unit.js';
import type {
  ActContext,
  ActPrediction,
  ActUnit,
  DialogueAct,
} from '../../src/pipeline/annotate/acts/act.js';
import type { FixtureMessage } from './fixture-messages.js';
import { pct } from './metrics.js';

export type Classify = (unit: ActUnit, context: ActContext) => ActPrediction | null;

/** The acts the fixture labels name; proposals only where a decision's evidence came earlier. */
export const LABELLED_ACTS: DialogueAct[] = [
  'decision',
  'request',
  'commitment',
  'question',
  'completion',
  'ownership',
  'proposal',
];

/**
 * Acts the labels do not tell apart: an action item's evidence is a request or a commitment; the
 * labels' questions include approvals and "can we …?" (requests and proposals to us).
 */
const GROUPS = new Map<string, DialogueAct[]>([
  ['request|commitment', ['request', 'commitment']],
  ['question|request|proposal', ['question', 'request', 'proposal']],
]);

export interface MessageScores {
  rows: Array<{ act: string; tp: number; fp: number; fn: number }>;
  misses: string[];
}

/**
 * Message-level scores on a labelled story: a message has an act when any of its units is predicted
 * to have it. Contexts come from the predictions themselves, as at run time. Messages labelled only
 * as answers are left out; unlabelled ones count as `other`, so a precision here also charges acts
 * the labels never mark (an unlabelled "I'll take a look" is a false commitment).
 */
export function scoreMessages(messages: readonly FixtureMessage[], classify: Classify): MessageScores {
  const predictedAct: Array<DialogueAct | undefined> = [];
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (act: string) => counts.get(act) ?? counts.set(act, { tp: 0, fp: 0, fn: 0 }).get(act)!;
  const misses: string[] = [];
  messages.forEach((message, k) => {
    const context: ActContext = {
      ...message.context,
      replyToAct: message.replyToIndex === undefined ? undefined : predictedAct[message.replyToIndex],
      previousAct: message.previousIndex === undefined ? undefined : predictedAct[message.previousIndex],
    };
    const predictions = message.units.map((unit) => classify(unit, context));
    predictedAct[k] = messageAct(predictions);
    if (message.gold === null) return;
    const predicted = new Set<DialogueAct>(
      predictions.flatMap((p) => (p && p.act !== 'other' ? [p.act] : [])),
    );
    const gold = message.gold;
    for (const act of LABELLED_ACTS) {
      const g = gold.has(act);
      const p = predicted.has(act);
      if (g && p) count(act).tp++;
      else if (p) count(act).fp++;
      else if (g) count(act).fn++;
    }
    for (const [name, group] of GROUPS) {
      const inGold = group.some((act) => gold.has(act));
      const inPredicted = group.some((act) => predicted.has(act));
      const row = count(name);
      if (inGold && inPredicted) row.tp++;
      else if (inPredicted) row.fp++;
      else if (inGold) row.fn++;
    }
    const wrong = LABELLED_ACTS.some((act) => gold.has(act) !== predicted.has(act));
    if (wrong)
      misses.push(
        `${message.where}  gold [${[...gold].join(',')}] predicted [${predictions.map((p) => p?.act ?? 'skip').join(',')}]  ${message.text.replace(/\s+/g, ' ').slice(0, 140)}`,
      );
  });
  const rows = [...LABELLED_ACTS, ...GROUPS.keys()].map((act) => ({
    act,
    ...(counts.get(act) ?? { tp: 0, fp: 0, fn: 0 }),
  }));
  return { rows, misses };
}

export function messageF1({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number {
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** The mean F1 of the six acts the labels mark throughout (proposals only now and then). */
export function messageMacroF1(scores: MessageScores): number {
  const main = scores.rows.filter(
    (row) => LABELLED_ACTS.includes(row.act as DialogueAct) && row.act !== 'proposal',
  );
  return main.reduce((sum, row) => sum + messageF1(row), 0) / main.length;
}

export function messageTable(scores: MessageScores): string {
  const lines = ['act                          precision  recall     F1   gold'];
  for (const row of scores.rows) {
    const { act, tp, fp, fn } = row;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    lines.push(
      `${act.padEnd(28)} ${pct(precision).padStart(9)} ${pct(recall).padStart(7)} ${pct(messageF1(row)).padStart(6)} ${String(tp + fn).padStart(6)}`,
    );
  }
  lines.push(`mean F1 of the six acts labelled throughout: ${pct(messageMacroF1(scores))}`);
  return lines.join('\n');
}
