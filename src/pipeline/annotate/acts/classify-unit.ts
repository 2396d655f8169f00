import { DIALOGUE_ACTS, type ActContext, type ActPrediction, type ActUnit, type DialogueAct } from './act.js';
import { actFeatures, FeatureBuffer } from './act-features.js';
import type { ActModel } from './act-model.js';

type EveryField<T> = { [K in keyof Required<T>]: T[K] };

const buffer = new FeatureBuffer();
const scratch = new Float64Array(DIALOGUE_ACTS.length);

/** The act of one unit, or null for a unit marked `skip` (code, traces, bare links): those are never classified. */
export function classifyUnit(model: ActModel, unit: ActUnit, context: ActContext = {}): ActPrediction | null {
  if (unit.skip) return null;
  const probabilities = model.probabilities(actFeatures(unit, context, model.info.hashBits, buffer), scratch);
  let best = 0;
  for (let c = 1; c < DIALOGUE_ACTS.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  return { act: DIALOGUE_ACTS[best], probability: probabilities[best], probabilities: byAct(probabilities) };
}

/**
 * The probabilities by act, in DIALOGUE_ACTS order (a test holds the keys to it). A literal: an
 * object built key by key from the list costs about 0.4 µs more a unit.
 */
function byAct(p: Float64Array): Record<DialogueAct, number> {
  // prettier-ignore
  return {
    request: p[0], commitment: p[1], question: p[2], proposal: p[3], acceptance: p[4],
    rejection: p[5], completion: p[6], decision: p[7], ownership: p[8], other: p[9],
  };
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
  // A literal of every field (the type makes each one listed): `{ ...context }` costs about 1 µs.
  const withCount: EveryField<ActContext> = {
    replyToAct: context.replyToAct,
    previousAct: context.previousAct,
    reply: context.reply,
    dm: context.dm,
    unitCount: units.length,
  };
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
