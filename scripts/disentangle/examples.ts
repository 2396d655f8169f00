/** Training examples: for each annotated line, its candidates' features and which candidates are gold antecedents. */
import { FEATURE_NAMES } from '../../src/pipeline/disentangle/feature-space.js';
import type { CorpusFile } from '../../src/eval/irc/corpus.js';
import { prepareLines } from '../../src/pipeline/disentangle/prepare.js';
import { walk, type Decide } from '../../src/pipeline/disentangle/walk.js';

/** Growable typed storage for many ranking examples. */
export class Examples {
  /** Per example: first candidate index; per candidate: first feature index. */
  exampleStart: number[] = [0];
  candStart: Uint32Array = new Uint32Array(1 << 20);
  gold: Uint8Array = new Uint8Array(1 << 20);
  feats: Uint16Array = new Uint16Array(1 << 24);
  candidates = 0;
  features = 0;

  get size(): number {
    return this.exampleStart.length - 1;
  }

  add(
    count: number,
    start: Int32Array,
    feats: Int32Array,
    isGold: (k: number) => boolean,
    keep: Uint8Array,
  ): void {
    this.grow(count, start[count] - start[0]);
    for (let k = 0; k < count; k++) {
      this.candStart[this.candidates] = this.features;
      this.gold[this.candidates] = isGold(k) ? 1 : 0;
      for (let at = start[k]; at < start[k + 1]; at++)
        if (keep[feats[at]]) this.feats[this.features++] = feats[at];
      this.candidates++;
    }
    this.candStart[this.candidates] = this.features;
    this.exampleStart.push(this.candidates);
  }

  private grow(count: number, feats: number): void {
    if (this.candidates + count + 2 > this.candStart.length) {
      const next = new Uint32Array(this.candStart.length * 2);
      next.set(this.candStart);
      this.candStart = next;
      const gold = new Uint8Array(this.gold.length * 2);
      gold.set(this.gold);
      this.gold = gold;
    }
    if (this.features + feats > this.feats.length) {
      const next = new Uint16Array(this.feats.length * 2);
      next.set(this.feats);
      this.feats = next;
    }
  }
}

/** Which features the examples keep (1) or drop (0): drop names starting with any of `dropPrefixes`. */
export function featureMask(dropPrefixes: readonly string[]): Uint8Array {
  return Uint8Array.from(FEATURE_NAMES, (name) =>
    dropPrefixes.some((prefix) => name.startsWith(prefix)) ? 0 : 1,
  );
}

export interface RecordPolicy {
  /** Decides lines while recording (the state later lines see). */
  decide: Decide;
  /** When true, annotated lines follow their gold antecedent instead (teacher forcing). */
  teacherForcing: boolean;
}

/** Walks each file, recording one example per annotated line that has a gold antecedent among its candidates. */
export function recordExamples(
  files: readonly CorpusFile[],
  window: number,
  policy: RecordPolicy,
  keep: Uint8Array,
  into = new Examples(),
): Examples {
  for (const file of files) {
    const prepared = prepareLines(file.lines);
    const gold = new Map<number, Set<number>>();
    for (const { source, target } of file.gold) {
      const set = gold.get(source) ?? new Set<number>();
      set.add(target);
      gold.set(source, set);
    }
    walk(prepared, window, (i, buf, state) => {
      const targets = gold.get(i);
      const chosen = policy.decide(i, buf, state);
      if (!targets) return chosen;
      let any = false;
      let nearest = -1;
      for (let k = 0; k < buf.count; k++) {
        if (targets.has(buf.cand[k])) {
          any = true;
          if (buf.cand[k] > nearest) nearest = buf.cand[k];
        }
      }
      if (any) into.add(buf.count, buf.start, buf.feats, (k) => targets.has(buf.cand[k]), keep);
      return policy.teacherForcing && nearest >= 0 ? nearest : chosen;
    });
  }
  return into;
}
