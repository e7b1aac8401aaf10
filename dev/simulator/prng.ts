// A small seeded PRNG so every synthetic value is a pure function of (seed, date, metric).

/** FNV-1a over a string, mixed with a numeric seed: a 32-bit key for mulberry32. */
export function hashKey(seed: number, ...parts: string[]): number {
  let h = (2166136261 ^ (seed >>> 0)) >>> 0;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** mulberry32: a generator of floats in [0, 1). */
export function mulberry32(key: number): () => number {
  let a = key >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rng(seed: number, ...parts: string[]): () => number {
  return mulberry32(hashKey(seed, ...parts));
}

/** Roughly normal (mean 0, sd 1) from three uniforms; bounded, which suits synthetic data. */
export function gaussish(r: () => number): number {
  return (r() + r() + r() - 1.5) * 2;
}
