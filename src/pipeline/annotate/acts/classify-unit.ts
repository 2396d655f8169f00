import { DIALOGUE_ACTS, type ActContext, type ActPrediction, type ActUnit, type DialogueAct } from './act.js';
import { actFeatures, FeatureBuffer } from './act-features.js';
import type { ActModel } from './act-model.js';

const buffer = new FeatureBuffer();
const scratch = new Float64Array(DIALOGUE_ACTS.length);

/** The act of one unit, or null for a unit marked `skip` (code, traces, bare links): those are never classified. */
export function classifyUnit(model: ActModel, unit: ActUnit, context: ActContext = {}): ActPrediction | null {
  if (unit.skip) return null;
  const probabilities = model.probabilities(actFeatures(unit, context, model.info.hashBits, buffer), scratch);
  let best = 0;
  for (let c = 1; c < DIALOGUE_ACTS.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  const byAct = {} as Record<DialogueAct, number>;
  DIALOGUE_ACTS.forEach((act, c) => (byAct[act] = probabilities[c]));
  return { act: DIALOGUE_ACTS[best], probability: probabilities[best], probabilities: byAct };
}

/**
 * The acts of one message's units (from `splitUnits`), in order: null where a unit is skipped.
 * `context` describes the message (reply, DM, the acts it follows); `unitCount` is filled in here.
 */
export function classifyUnits(
  model: ActModel,
  units: readonly ActUnit[],
  context: ActContext = {},
): Array<ActPrediction | null> {
  const withCount: ActContext = { ...context, unitCount: units.length };
  return units.map((unit) => classifyUnit(model, unit, withCount));
}

/**
 * The act a later message sees as this one's (`previousAct`, or `replyToAct` for its replies): the
 * last unit's act that is not `other`, else `other`; undefined when no unit was classified.
 */
export function messageAct(predictions: ReadonlyArray<ActPrediction | null>): DialogueAct | undefined {
  let seen = false;
  for (let k = predictions.length - 1; k >= 0; k--) {
    const prediction = predictions[k];
    if (!prediction) continue;
    if (prediction.act !== 'other') return prediction.act;
    seen = true;
  }
  return seen ? 'other' : undefined;
}
