import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFixtureWorkspace } from '../../../scripts/disentangle/fixture-eval.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));

/** Floors a few points under the measured scores (docs/readme/conversations.md): a regression guard. */
const FLOORS = { vi: 0.9, oneToOne: 0.78, exactF: 0.5 };

describe.skipIf(!labelled)('conversations on the labelled fixture workspace', () => {
  it('matches the labelled conversations above the floors, every labelled message extracted once', async () => {
    const scores = await evaluateFixtureWorkspace(workspace);
    expect(scores.messages).toBeGreaterThan(300);
    expect(scores.unmatchedTruth).toBe(0);
    expect(scores.vi).toBeGreaterThan(FLOORS.vi);
    expect(scores.oneToOne).toBeGreaterThan(FLOORS.oneToOne);
    expect(scores.exact.f1).toBeGreaterThan(FLOORS.exactF);
  });
});
