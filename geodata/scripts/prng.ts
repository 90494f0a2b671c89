/** A seeded pseudo-random source in [0, 1). Math.random is never used, so every output is reproducible. */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit generator, small and fast, good enough for placing synthetic features.
 * @example const rng = mulberry32(42); rng(); // 0.6011…
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash, so a text label (a commune code, a layer name) can pick its own stream. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * An independent stream per (seed, label): a commune's hamlets do not depend on which other communes are
 * generated, so a run on two communes reproduces exactly what the full run makes for them.
 */
export function rngFor(seed: number, label: string): Rng {
  return mulberry32(fnv1a(`${seed >>> 0}:${label}`));
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** Index drawn with probability proportional to its weight; -1 when all weights are zero. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += Math.max(0, w);
  if (total <= 0) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= Math.max(0, weights[i] ?? 0);
    if (r < 0) return i;
  }
  return weights.length - 1;
}
