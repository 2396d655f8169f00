/** A small seeded generator (mulberry32) so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(values: number[], random: () => number): void {
  for (let k = values.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [values[k], values[r]] = [values[r], values[k]];
  }
}
