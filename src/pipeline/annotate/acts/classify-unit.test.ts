import { describe, expect, it } from 'vitest';
import { splitUnits } from '../units/split-units.js';
import { DIALOGUE_ACTS, type ActPrediction } from './act.js';
import { FEATURE_SET } from './act-features.js';
import { ActModel } from './act-model.js';
import { classifyUnit, classifyUnits, messageAct } from './classify-unit.js';
import { ACT_MODEL_VERSION } from './model-file.js';

const BITS = 8;

/** A model that scores every unit the same: its bias decides. */
function constantModel(act: (typeof DIALOGUE_ACTS)[number]): ActModel {
  const bias = new Float32Array(DIALOGUE_ACTS.length);
  bias[DIALOGUE_ACTS.indexOf(act)] = 5;
  return new ActModel(
    { version: ACT_MODEL_VERSION, featureSet: FEATURE_SET, hashBits: BITS },
    new Float32Array((1 << BITS) * DIALOGUE_ACTS.length),
    bias,
  );
}

const prediction = (act: ActPrediction['act']): ActPrediction => ({
  act,
  probability: 1,
  probabilities: {} as ActPrediction['probabilities'],
});

describe('classifyUnit', () => {
  it('never classifies a skip unit', () => {
    const model = constantModel('request');
    const units = splitUnits('see:\n```\nrm -rf /\n```\nhttps://example.com/x\ncan you check?');
    const acts = classifyUnits(model, units);
    expect(units.map((unit) => unit.skip ?? null)).toEqual([null, 'code', 'url', null]);
    expect(acts.map((act) => act?.act ?? null)).toEqual(['request', null, null, 'request']);
    expect(classifyUnit(model, { text: 'x', skip: 'too-long' })).toBeNull();
  });

  it('gives every act a probability', () => {
    const result = classifyUnit(constantModel('decision'), { text: 'we go with Postgres' });
    expect(result?.act).toBe('decision');
    expect(Object.keys(result?.probabilities ?? {})).toEqual([...DIALOGUE_ACTS]);
    expect(Object.values(result?.probabilities ?? {}).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
  });
});

describe('messageAct', () => {
  it('is the last act that is not other, else other, and undefined when nothing was classified', () => {
    expect(messageAct([prediction('proposal'), prediction('other')])).toBe('proposal');
    expect(messageAct([prediction('request'), null, prediction('question')])).toBe('question');
    expect(messageAct([prediction('other')])).toBe('other');
    expect(messageAct([null])).toBeUndefined();
  });
});
