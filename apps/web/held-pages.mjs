// Rendered pages a worker has read from the shared cache, held in its memory and answered again
// only while Redis still holds the very same entry. Loaded by cache-handler.mjs at runtime,
// outside the bundle, hence plain JavaScript.
//
// Why: a cached page is about 70 kB of HTML and flight data. Reading it from Redis on every request
// meant receiving, parsing and copying all of it per reader, and the garbage that left behind kept
// V8's collector threads busy on the very cores a second worker needs. Asking Redis for the first
// few bytes of the entry (GETRANGE) costs a round trip of a few dozen bytes and says whether the
// copy in memory is still the current one: every entry begins with the time it was written, and a
// revalidation anywhere deletes it. So a publish reaches this worker exactly as soon as it did when
// every read went to Redis, and no later.

/** @typedef {{ lastModified: number, value?: unknown }} Entry */

/** Memory for held pages, per worker: Next's own in-memory cache defaults to the same. */
export const HELD_PAGES_MAX_BYTES = 50 * 1024 * 1024

/**
 * The bytes an entry starts with when stored: the cache handler writes `lastModified` first.
 * @param {number} lastModified
 */
export const entryHead = (lastModified) => `{"lastModified":${lastModified},`

/**
 * About how much memory a cached page or route holds: its HTML, flight data, prerendered segments
 * or body, plus a little for headers and tags.
 * @param {unknown} value
 */
export const entrySize = (value) => {
  const v = /** @type {Record<string, unknown> | undefined} */ (value)
  let bytes = 1024
  for (const part of [v?.html, v?.rscData, v?.body, v?.postponed]) {
    if (typeof part === 'string' || Buffer.isBuffer(part)) bytes += part.length
  }
  if (v?.segmentData instanceof Map) {
    for (const [path, data] of v.segmentData) bytes += String(path).length + (data?.length ?? 0)
  }
  return bytes
}

export class HeldPages {
  /** @type {Map<string, { head: string, entry: Entry, bytes: number }>} */
  #held = new Map()
  /** @type {Map<string, Promise<string | null>>} */
  #checks = new Map()
  #bytes = 0
  #readHead
  #maxBytes

  /**
   * @param {{
   *   readHead: (key: string, length: number) => Promise<string | null>,
   *   maxBytes?: number,
   * }} options `readHead` answers the first `length` characters Redis holds for `key` (empty or
   *   null when it holds nothing or cannot be asked).
   */
  constructor({ readHead, maxBytes = HELD_PAGES_MAX_BYTES }) {
    this.#readHead = readHead
    this.#maxBytes = maxBytes
  }

  /** Pages held now, and the memory they take. */
  get size() {
    return { pages: this.#held.size, bytes: this.#bytes }
  }

  /**
   * The entry for `key`: the held copy while Redis still starts the entry with the same bytes,
   * otherwise whatever `load` reads (which is then held).
   * @param {string} key
   * @param {() => Promise<Entry | null | undefined>} load
   */
  async get(key, load) {
    const held = this.#held.get(key)
    if (held) {
      const head = await this.#check(key, held.head.length)
      if (head === held.head) {
        // Most recently used last, so the oldest is the first to go.
        if (this.#held.get(key) === held) {
          this.#held.delete(key)
          this.#held.set(key, held)
        }
        return held.entry
      }
      this.forget(key, held)
    }
    const entry = await load()
    if (entry && typeof entry.lastModified === 'number') this.#hold(key, entry)
    return entry
  }

  /**
   * Drops the held copy of `key` (only `which`, when given: a newer one stays).
   * @param {string} key
   * @param {{ bytes: number } | undefined} [which]
   */
  forget(key, which) {
    const held = this.#held.get(key)
    if (!held || (which && held !== which)) return
    this.#held.delete(key)
    this.#bytes -= held.bytes
  }

  /**
   * One question to Redis per key at a time: requests for the same page while it is on the way
   * share its answer.
   * @param {string} key
   * @param {number} length
   */
  #check(key, length) {
    let check = this.#checks.get(key)
    if (!check) {
      check = this.#readHead(key, length)
        .catch(() => null)
        .finally(() => this.#checks.delete(key))
      this.#checks.set(key, check)
    }
    return check
  }

  /**
   * @param {string} key
   * @param {Entry} entry
   */
  #hold(key, entry) {
    const bytes = entrySize(entry.value)
    if (bytes > this.#maxBytes) return
    this.forget(key)
    this.#held.set(key, { head: entryHead(entry.lastModified), entry, bytes })
    this.#bytes += bytes
    for (const [oldest, held] of this.#held) {
      if (this.#bytes <= this.#maxBytes) break
      this.forget(oldest, held)
    }
  }
}
