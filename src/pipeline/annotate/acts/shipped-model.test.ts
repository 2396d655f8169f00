import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitUnits } from '../units/split-units.js';
import type { ActContext, DialogueAct } from './act.js';
import { FEATURE_SET } from './act-features.js';
import { classifyUnit, classifyUnits } from './classify-unit.js';
import { loadActModel } from './load-act-model.js';
import { ACT_MODEL_VERSION } from './model-file.js';

/** Clear cases written for this test only; the first test checks that no training file holds them. */
const UNSEEN: Array<[text: string, act: DialogueAct, context?: ActContext]> = [
  ['Wiktoria, could you send me the updated floor plan before lunch?', 'request'],
  ["I'll write the migration guide tomorrow morning", 'commitment'],
  ["what's the deadline for the grant application?", 'question'],
  ['how about we hold the planning session on zoom instead?', 'proposal'],
  ['works great for me', 'acceptance', { replyToAct: 'proposal', reply: true }],
  ["no, I don't think that's wise", 'rejection', { replyToAct: 'proposal', reply: true }],
  ['the grant application is submitted ✅', 'completion'],
  ['decided: the team dinner is on the 9th', 'decision'],
  ['Wiktoria owns the grant applications', 'ownership'],
  ['the weather is lovely today', 'other'],
];

const TRAINING = fileURLToPath(new URL('../../../../fixtures/dialogue-acts/', import.meta.url));

describe('the shipped dialogue-act model', () => {
  it('is not tested on units it was trained on', () => {
    const written = new Set(
      readdirSync(TRAINING)
        .filter((name) => name.endsWith('.jsonl'))
        .flatMap((name) =>
          readFileSync(TRAINING + name, 'utf8')
            .split('\n')
            .filter(Boolean),
        )
        .map((line) => (JSON.parse(line) as { text: string }).text.toLowerCase().trim()),
    );
    for (const [text] of UNSEEN) expect(written.has(text.toLowerCase())).toBe(false);
  });

  it('loads, with the version, feature set and classes of this code', () => {
    const model = loadActModel();
    expect(model.info).toMatchObject({ version: ACT_MODEL_VERSION, featureSet: FEATURE_SET });
    expect(loadActModel()).toBe(model);
  });

  it.each(UNSEEN)('reads %j as %s', (text, act, context) => {
    const units = splitUnits(text);
    expect(units).toHaveLength(1);
    expect(classifyUnit(loadActModel(), units[0], context)?.act).toBe(act);
  });

  it("reads quoted words as other: they are not the author's act", () => {
    const units = splitUnits('> could you renew the parking permits before march?\non it');
    expect(classifyUnits(loadActModel(), units).map((prediction) => prediction?.act)).toEqual([
      'other',
      'commitment',
    ]);
  });

  it('classifies a message unit by unit and leaves code and bare links alone', () => {
    const units = splitUnits(
      'can you check this?\n```\nSELECT * FROM orders;\n```\nhttps://example.com/report',
    );
    expect(classifyUnits(loadActModel(), units).map((prediction) => prediction?.act ?? null)).toEqual([
      'request',
      null,
      null,
    ]);
  });
});
