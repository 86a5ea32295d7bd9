// Seeded randomness for tests: a failure replays with the same inputs (fast-check takes `seed` for
// the same reason). No database or server here, so unit tests may import it.

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` version-4 UUIDs drawn from a seeded PRNG: the same list on every run. */
export function seededUuids(count: number, seed: number): string[] {
  const random = prng(seed);
  const hex = () => Math.floor(random() * 16).toString(16);
  const chunk = (n: number) => Array.from({ length: n }, hex).join('');
  return Array.from({ length: count }, () => `${chunk(8)}-${chunk(4)}-4${chunk(3)}-${'89ab'[Math.floor(random() * 4)]}${chunk(3)}-${chunk(12)}`);
}
