/**
 * A least-recently-used map whose entries together stay within `maxSize` (in whatever unit the caller measures,
 * e.g. characters). Isomorphic: it holds plain values and needs nothing from Node.
 */
export class BoundedCache<Value> {
  readonly #entries = new Map<string, { value: Value; size: number }>();
  #size = 0;

  constructor(readonly maxSize: number) {}

  /** Total size of the entries held now. */
  get size(): number {
    return this.#size;
  }

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves the key to the end of the Map's order: the oldest key is always the least recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless it alone is larger than the whole cache; evicts the least recently used to make room. */
  set(key: string, value: Value, size: number): void {
    this.#delete(key);
    if (size > this.maxSize) return;
    for (const [oldestKey] of this.#entries) {
      if (this.#size + size <= this.maxSize) break;
      this.#delete(oldestKey);
    }
    this.#entries.set(key, { value, size });
    this.#size += size;
  }

  #delete(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#size -= entry.size;
  }
}
