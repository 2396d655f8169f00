import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actTokens } from '../../src/pipeline/annotate/acts/act-tokens.js';
import { opensWithVerb } from '../../src/pipeline/annotate/acts/verb-like.js';
import { singleUnit } from '../../src/pipeline/annotate/units/split-units.js';
import type { Example } from './example.js';

/** ../shared/datasets/email-intent from the repository root (a worktree sits beside `shared/`). */
export function defaultEmailIntentDir(root: string): string | null {
  for (const candidate of [
    join(root, '../shared/datasets/email-intent'),
    join(root, '../../shared/datasets/email-intent'),
  ]) {
    if (existsSync(join(candidate, 'Ask0729-fixed.txt'))) return candidate;
  }
  return null;
}

export interface EmailIntent {
  train: Example[];
  /** Every test sentence, labelled `request` (Yes) or `other` (No), and its Yes/No. */
  test: Array<{ example: Example; ask: boolean }>;
  /** Training lines left out by the rules below (and any that would be skipped as units). */
  dropped: number;
}

/**
 * The Email Intent sentences (Parakweet, Apache-2.0): `Yes` → request, `No` → other. Training drops
 * the `No` lines that are questions or commitments in our classes ("Are you free Tuesday?", "I will
 * send it tomorrow") and the imperatives of newsletters and spam ("Click here to…"): calling them
 * `other` would teach the model that questions, promises and imperatives are not acts.
 */
export function readEmailIntent(dir: string, weight: number): EmailIntent {
  const read = (file: string) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line) => /^(Yes|No)\t(.+)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match, k) => ({ ask: match[1] === 'Yes', text: match[2], where: `${file}:${k + 1}` }));
  const toExample = (row: { ask: boolean; text: string; where: string }): Example | null => {
    const unit = singleUnit(row.text);
    if (!unit || unit.skip) return null;
    return {
      unit,
      context: {},
      act: row.ask ? 'request' : 'other',
      source: 'email',
      weight,
      where: row.where,
    };
  };
  const train: Example[] = [];
  let dropped = 0;
  for (const row of read('Ask0729-fixed.txt')) {
    const example = toExample(row);
    const notOurOther =
      /\?\s*$/.test(row.text) ||
      /^\s*(I|We)('ll| will| shall)\b/i.test(row.text) ||
      opensWithVerb(actTokens(row.text), 0);
    if (!example || (!row.ask && notOurOther)) {
      dropped++;
      continue;
    }
    train.push(example);
  }
  const test: EmailIntent['test'] = [];
  for (const row of read('testSet-qualifiedBatch-fixed.txt')) {
    const example = toExample(row);
    if (example) test.push({ example, ask: row.ask });
  }
  return { train, test, dropped };
}
