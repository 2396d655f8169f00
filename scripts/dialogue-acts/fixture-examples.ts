import {
  DIALOGUE_ACTS,
  type ActContext,
  type ActUnit,
  type DialogueAct,
} from '../../src/pipeline/annotate/acts/act.js';
import type { Example } from './example.js';
import type { FixtureMessage } from './fixture-messages.js';

/**
 * The labels' questions include asks for approval and "can we …?" suggestions ("can you approve my
 * PTO?"), which our classes call requests and proposals: a labelled question goes to the unit most
 * likely to ask anything, under whichever of the three the first model reads there.
 */
const ASKS: DialogueAct[] = ['question', 'request', 'proposal'];

export type Predict = (unit: ActUnit, context: ActContext) => Float64Array;

export interface FixtureWeights {
  /** Units of labelled messages. */
  labelled: number;
  /** Units of unlabelled messages, taught as `other`. */
  other: number;
}

/**
 * Training units from labelled fixture messages. Labels name messages, not units, so a first model
 * (trained without them) chooses: each labelled act goes to the message's unit that model finds most
 * likely to carry it, and the message's other units are left out. Units of unlabelled messages are
 * taught as `other`, except where the first model reads an act with probability ≥ 0.5: the labels
 * never mark proposals, acceptances or rejections, and calling those `other` would unteach them.
 */
export function fixtureExamples(
  messages: readonly FixtureMessage[],
  predict: Predict,
  weights: FixtureWeights,
): Example[] {
  const examples: Example[] = [];
  const otherIndex = DIALOGUE_ACTS.indexOf('other');
  for (const message of messages) {
    if (message.gold === null) continue;
    const units = message.units.filter((unit) => !unit.skip);
    if (units.length === 0) continue;
    const probabilities = units.map((unit) => predict(unit, message.context));
    if (message.gold.size === 0) {
      units.forEach((unit, k) => {
        const p = probabilities[k];
        let best = 0;
        for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        if (best !== otherIndex && p[best] >= 0.5) return;
        examples.push({
          unit,
          context: message.context,
          act: 'other',
          source: 'fixture',
          weight: weights.other,
          where: message.where,
        });
      });
      continue;
    }
    const chosen = new Map<number, { act: DialogueAct; p: number }>();
    for (const act of message.gold) {
      const group = act === 'question' ? ASKS : [act];
      const score = (k: number) =>
        group.reduce((sum, a) => sum + probabilities[k][DIALOGUE_ACTS.indexOf(a)], 0);
      let best = 0;
      for (let k = 1; k < units.length; k++) if (score(k) > score(best)) best = k;
      const chosenAct = group.reduce((a, b) =>
        probabilities[best][DIALOGUE_ACTS.indexOf(b)] > probabilities[best][DIALOGUE_ACTS.indexOf(a)] ? b : a,
      );
      const p = score(best);
      const held = chosen.get(best);
      if (!held || held.p < p) chosen.set(best, { act: chosenAct, p });
    }
    for (const [k, { act }] of chosen) {
      examples.push({
        unit: units[k],
        context: message.context,
        act,
        source: 'fixture',
        weight: weights.labelled,
        where: message.where,
      });
    }
  }
  return examples;
}
