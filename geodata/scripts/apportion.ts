/**
 * Largest-remainder apportionment: integers proportional to `weights` that add up exactly to `total`.
 * Ties go to the lower index, so the result is deterministic.
 * @example apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (weights.length === 0) return [];
  if (sum <= 0)
    return apportion(
      total,
      weights.map(() => 1),
    );
  const quotas = weights.map((w) => (total * Math.max(0, w)) / sum);
  const out = quotas.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/**
 * Moves single units from the largest to the smallest share until all lie in [min, max] (when the total
 * allows it), keeping the sum. Used so every synthetic hamlet has 150–300 households.
 */
export function clampShares(shares: number[], min: number, max: number): number[] {
  const out = [...shares];
  for (let guard = 0; guard < 100_000; guard++) {
    let lo = 0;
    let hi = 0;
    out.forEach((v, i) => {
      if (v < (out[lo] ?? 0)) lo = i;
      if (v > (out[hi] ?? 0)) hi = i;
    });
    const vlo = out[lo] ?? 0;
    const vhi = out[hi] ?? 0;
    if ((vlo >= min && vhi <= max) || vhi - vlo <= 1) break;
    if (vlo < min || vhi > max) {
      out[lo] = vlo + 1;
      out[hi] = vhi - 1;
    } else break;
  }
  return out;
}
