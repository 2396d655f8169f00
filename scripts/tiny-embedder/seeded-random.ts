/** mulberry32: a small seeded generator, so the built model is the same bytes on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal(0, std) values via Box–Muller, rounded to float32. */
export function gaussianArray(random: () => number, length: number, std: number): Float32Array {
  const out = new Float32Array(length);
  for (let index = 0; index < length; index++) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    out[index] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}
