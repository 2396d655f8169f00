import { DIALOGUE_ACTS, type ActContext, type DialogueAct } from '../acts/act.js';
import type { ActModel } from '../acts/act-model.js';
import { classifyUnits, messageAct } from '../acts/classify-unit.js';
import type { Unit } from '../units/unit.js';
import { cueActOf } from './cue-acts.js';

/** One unit of a message with the act it was read as. */
export interface ReadUnit {
  text: string;
  unit: Unit;
  act: DialogueAct;
  /** How sure the reading is (the model's probability of `act`, raised when a cue agrees). */
  confidence: number;
  /** What the small lexicons say on their own, when they say anything. */
  cue: DialogueAct | null;
}

/**
 * How far a cue may override the model: a cue wins unless the model gives its act less than this.
 * The model learned from varied chat, the cues are precise on the phrasings they know; when both
 * speak, a cue the model does not rule out is the better reading.
 */
const CUE_FLOOR = 0.001;
/** Below this the model's non-`other` reading of a unit no cue supports is treated as `other`. */
const MODEL_FLOOR = 0.45;

/**
 * Reads the acts of one message's units: the learned classifier (when its model loaded) fused with
 * the cue lexicons. Skipped units (code, traces, bare links) and quoted ones get no act.
 */
export function readUnitActs(
  units: readonly Unit[],
  context: ActContext,
  model: ActModel | null,
): ReadUnit[] {
  const language = units.filter((unit) => !unit.skip && !unit.quoted && unit.text.trim().length > 0);
  const predictions = model ? classifyUnits(model, language, context) : language.map(() => null);
  return language.map((unit, k) => {
    const cue = cueActOf(unit.text);
    const prediction = predictions[k];
    if (!prediction)
      return { text: unit.text.trim(), unit, act: cue ?? 'other', confidence: cue ? 0.7 : 0.5, cue };
    const probabilities = prediction.probabilities;
    if (cue && probabilities[cue] >= CUE_FLOOR)
      return { text: unit.text.trim(), unit, act: cue, confidence: Math.max(0.6, probabilities[cue]), cue };
    const act = prediction.act !== 'other' && prediction.probability < MODEL_FLOOR ? 'other' : prediction.act;
    return {
      text: unit.text.trim(),
      unit,
      act,
      confidence: act === 'other' ? probabilities.other : prediction.probability,
      cue,
    };
  });
}

/** The act later messages see for this one (`previousAct`, `replyToAct`): its last act that is not `other`. */
export function actOfMessage(units: readonly ReadUnit[]): DialogueAct | undefined {
  return messageAct(
    units.map((unit) => ({
      act: unit.act,
      probability: unit.confidence,
      probabilities: {} as Record<DialogueAct, number>,
    })),
  );
}

export function hasAct(units: readonly ReadUnit[], ...acts: DialogueAct[]): boolean {
  return units.some((unit) => acts.includes(unit.act));
}

export { DIALOGUE_ACTS };
