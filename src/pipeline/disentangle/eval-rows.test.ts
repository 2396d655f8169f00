import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { disentangle } from './disentangle.js';
import { oneToOne, scaledVariationOfInformation } from '../../eval/conversations/metrics.js';
import type { ChatLine } from './types.js';

const DATASET = fileURLToPath(new URL('../../../evals/conversations.jsonl', import.meta.url));

/** Floors a few points under the measured per-source scores with the stage's own defaults (as `npm run eval:gate`
 * runs it; docs/readme/conversations-teams.md): measured 1-1 discord 87.5, slack 82.4, teams 89.7. */
const FLOORS: Record<string, { oneToOne: number; vi: number }> = {
  discord: { oneToOne: 0.82, vi: 0.88 },
  slack: { oneToOne: 0.78, vi: 0.88 },
  teams: { oneToOne: 0.85, vi: 0.9 },
};

describe.skipIf(!existsSync(DATASET))('conversations eval rows, stage defaults, pooled per source', () => {
  const rows = readFileSync(DATASET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .slice(1)
    .map(
      (line) =>
        JSON.parse(line) as {
          input: { channel: string; lines: ChatLine[] };
          expected: { conversations: string[][] };
        },
    );

  for (const [source, floor] of Object.entries(FLOORS)) {
    it(`${source} stays above its floors`, () => {
      const mine = rows.filter((row) => row.input.channel.startsWith(`${source}:`));
      expect(mine.length).toBeGreaterThan(0);
      const gold = mine.flatMap((row) => row.expected.conversations);
      const known = new Set(gold.flat());
      const predicted = mine.flatMap((row) =>
        disentangle(row.input.lines)
          .conversations.map((c) => c.filter((id) => known.has(id)))
          .filter((c) => c.length > 0),
      );
      expect(oneToOne(gold, predicted)).toBeGreaterThan(floor.oneToOne);
      expect(scaledVariationOfInformation(gold, predicted)).toBeGreaterThan(floor.vi);
    });
  }
});
