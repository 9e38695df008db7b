// A small seeded pseudo-random generator (mulberry32), so the corpus is the same on every machine.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Up to n distinct items of list, in list order. */
    some: (list, n) => {
      const idx = list.map((_, i) => i).sort(() => next() - 0.5).slice(0, n).sort((x, y) => x - y);
      return idx.map((i) => list[i]);
    },
    /** A count that is mostly small and sometimes large: 0 with probability p0, else geometric-ish up to max. */
    skewed: (max, p0 = 0.5) => (next() < p0 ? 0 : Math.max(1, Math.round(Math.pow(next(), 2.2) * max))),
  };
  return r;
}
