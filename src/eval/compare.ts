import type { EvalItemRecord, EvalRunRecord } from '../memory/traces/sqlite-eval-store.js';

export type ItemChange = 'improved' | 'regressed' | 'unchanged' | 'added' | 'removed' | 'status';

export interface ItemComparison {
  dataset: string;
  itemId: string;
  change: ItemChange;
  /** Mean over trials; null when not scored in that run. */
  before: number | null;
  after: number | null;
  beforeStatus: string | null;
  afterStatus: string | null;
}

export interface RunComparison {
  before: Pick<
    EvalRunRecord,
    'id' | 'startedAt' | 'gitCommit' | 'configHash' | 'modelName' | 'modelDigest' | 'score'
  >;
  after: Pick<
    EvalRunRecord,
    'id' | 'startedAt' | 'gitCommit' | 'configHash' | 'modelName' | 'modelDigest' | 'score'
  >;
  counts: Record<ItemChange, number>;
  /** Every item that changed, regressions first, biggest change first (datasets both runs have). */
  items: ItemComparison[];
  /** Datasets only one of the runs ran: not compared item by item. */
  onlyBefore: string[];
  onlyAfter: string[];
}

/** Scores closer than this count as unchanged (float noise). */
const EPSILON = 1e-9;

/** Per item: improved, regressed, unchanged, added, removed, or a status change (scored ↔ skipped/error). */
export function compareRuns(
  before: EvalRunRecord,
  beforeItems: readonly EvalItemRecord[],
  after: EvalRunRecord,
  afterItems: readonly EvalItemRecord[],
): RunComparison {
  const datasetsOf = (items: readonly EvalItemRecord[]) => new Set(items.map((item) => item.dataset));
  const [left, right] = [datasetsOf(beforeItems), datasetsOf(afterItems)];
  const shared = (item: EvalItemRecord) => left.has(item.dataset) && right.has(item.dataset);
  const a = collapse(beforeItems.filter(shared));
  const b = collapse(afterItems.filter(shared));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const counts: Record<ItemChange, number> = {
    improved: 0,
    regressed: 0,
    unchanged: 0,
    added: 0,
    removed: 0,
    status: 0,
  };
  const items: ItemComparison[] = [];
  for (const key of keys) {
    const left = a.get(key);
    const right = b.get(key);
    const [dataset, itemId] = key.split('\u0000');
    let change: ItemChange;
    if (!left) change = 'added';
    else if (!right) change = 'removed';
    else if (left.score === null || right.score === null)
      change = left.status === right.status ? 'unchanged' : 'status';
    else if (right.score - left.score > EPSILON) change = 'improved';
    else if (left.score - right.score > EPSILON) change = 'regressed';
    else change = 'unchanged';
    counts[change]++;
    if (change !== 'unchanged')
      items.push({
        dataset,
        itemId,
        change,
        before: left?.score ?? null,
        after: right?.score ?? null,
        beforeStatus: left?.status ?? null,
        afterStatus: right?.status ?? null,
      });
  }
  const rank: Record<ItemChange, number> = {
    regressed: 0,
    status: 1,
    improved: 2,
    removed: 3,
    added: 4,
    unchanged: 5,
  };
  items.sort(
    (x, y) =>
      rank[x.change] - rank[y.change] ||
      Math.abs((y.after ?? 0) - (y.before ?? 0)) - Math.abs((x.after ?? 0) - (x.before ?? 0)) ||
      x.itemId.localeCompare(y.itemId),
  );
  const pick = (run: EvalRunRecord) => ({
    id: run.id,
    startedAt: run.startedAt,
    gitCommit: run.gitCommit,
    configHash: run.configHash,
    modelName: run.modelName,
    modelDigest: run.modelDigest,
    score: run.score,
  });
  return {
    before: pick(before),
    after: pick(after),
    counts,
    items,
    onlyBefore: [...left].filter((d) => !right.has(d)).sort(),
    onlyAfter: [...right].filter((d) => !left.has(d)).sort(),
  };
}

/** One entry per (dataset, item): the mean score over its scored trials, and its status. */
function collapse(items: readonly EvalItemRecord[]): Map<string, { score: number | null; status: string }> {
  const grouped = new Map<string, EvalItemRecord[]>();
  for (const item of items) {
    const key = `${item.dataset}\u0000${item.itemId}`;
    grouped.set(key, [...(grouped.get(key) ?? []), item]);
  }
  const out = new Map<string, { score: number | null; status: string }>();
  for (const [key, trials] of grouped) {
    const scored = trials.filter((trial) => trial.status === 'scored' && trial.score !== null);
    const status = scored.length > 0 ? 'scored' : trials[0].status;
    out.set(key, {
      score:
        scored.length > 0
          ? scored.reduce((sum, trial) => sum + (trial.score as number), 0) / scored.length
          : null,
      status,
    });
  }
  return out;
}
