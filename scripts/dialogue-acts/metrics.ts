import { DIALOGUE_ACTS } from '../../src/pipeline/annotate/acts/act.js';

/** counts[gold][predicted], in DIALOGUE_ACTS order. */
export type Confusion = number[][];

export function emptyConfusion(): Confusion {
  return DIALOGUE_ACTS.map(() => DIALOGUE_ACTS.map(() => 0));
}

export interface ClassScore {
  act: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function scores(confusion: Confusion): { perClass: ClassScore[]; accuracy: number; macroF1: number } {
  const C = DIALOGUE_ACTS.length;
  let correct = 0;
  let total = 0;
  const perClass = DIALOGUE_ACTS.map((act, c) => {
    let predicted = 0;
    let support = 0;
    for (let k = 0; k < C; k++) {
      predicted += confusion[k][c];
      support += confusion[c][k];
    }
    correct += confusion[c][c];
    total += support;
    const precision = predicted ? confusion[c][c] / predicted : 0;
    const recall = support ? confusion[c][c] / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { act, precision, recall, f1, support };
  });
  const present = perClass.filter((score) => score.support > 0);
  return {
    perClass,
    accuracy: total ? correct / total : 0,
    macroF1: present.reduce((sum, score) => sum + score.f1, 0) / Math.max(1, present.length),
  };
}

export const pct = (value: number): string => (100 * value).toFixed(1);

export function scoreTable(confusion: Confusion): string {
  const { perClass, accuracy, macroF1 } = scores(confusion);
  const lines = ['act           precision  recall     F1  support'];
  for (const score of perClass) {
    lines.push(
      `${score.act.padEnd(12)} ${pct(score.precision).padStart(10)} ${pct(score.recall).padStart(7)} ${pct(score.f1).padStart(6)} ${String(score.support).padStart(8)}`,
    );
  }
  lines.push(`accuracy ${pct(accuracy)}  macro-F1 ${pct(macroF1)}`);
  return lines.join('\n');
}

export function confusionTable(confusion: Confusion): string {
  const short = DIALOGUE_ACTS.map((act) => act.slice(0, 5));
  const lines = [`gold \\ predicted ${short.map((name) => name.padStart(6)).join('')}`];
  DIALOGUE_ACTS.forEach((act, g) =>
    lines.push(`${act.padEnd(16)} ${confusion[g].map((n) => String(n).padStart(6)).join('')}`),
  );
  return lines.join('\n');
}
