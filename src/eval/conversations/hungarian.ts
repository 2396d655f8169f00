/** Maximum-weight bipartite matching (Hungarian algorithm, O(n²m)) on a dense weight matrix. */

/** Returns, for each row, the matched column (-1 when unmatched), maximising the summed weights (weights >= 0). */
export function maxWeightMatching(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const cost = (r: number, c: number): number => -(transpose ? weights[c - 1][r - 1] : weights[r - 1][c - 1]);

  // Potentials u (rows), v (cols); p[c] = row matched to column c (1-based, 0 = none).
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let r = 1; r <= n; r++) {
    p[0] = r;
    let c0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[c0] = 1;
      const r0 = p[c0];
      let delta = Infinity;
      let c1 = 0;
      for (let c = 1; c <= m; c++) {
        if (used[c]) continue;
        const cur = cost(r0, c) - u[r0] - v[c];
        if (cur < minv[c]) {
          minv[c] = cur;
          way[c] = c0;
        }
        if (minv[c] < delta) {
          delta = minv[c];
          c1 = c;
        }
      }
      for (let c = 0; c <= m; c++) {
        if (used[c]) {
          u[p[c]] += delta;
          v[c] -= delta;
        } else minv[c] -= delta;
      }
      c0 = c1;
    } while (p[c0] !== 0);
    do {
      const c1 = way[c0];
      p[c0] = p[c1];
      c0 = c1;
    } while (c0 !== 0);
  }

  const match = new Array<number>(rows).fill(-1);
  for (let c = 1; c <= m; c++) {
    if (p[c] === 0) continue;
    if (transpose) match[c - 1] = p[c] - 1;
    else match[p[c] - 1] = c - 1;
  }
  return match;
}
