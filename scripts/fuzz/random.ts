/** A small seeded generator (mulberry32): the same seed gives the same case on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
}

/** The seed of run `index` of a fuzz session started with `seed` (what `--replay` takes). */
export function runSeed(seed: number, index: number): number {
  return random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0).int(2 ** 31);
}
