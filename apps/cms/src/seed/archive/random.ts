/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export type Random = {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number
  /** One item of a non-empty list. */
  pick: <T>(items: readonly T[]) => T
}

/**
 * Mulberry32: small, fast and good enough to make content look varied; not for secrets.
 *
 * @example
 * const random = seededRandom(42)
 * random.int(1, 6) // always the same first roll for seed 42
 */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  return { next, int, pick }
}
