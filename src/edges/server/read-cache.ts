/**
 * Answers of reads, kept while the store has not been written to (the embedded store's `writeGeneration`): any write
 * drops them all. An answer whose load overlapped a write is not kept, since it may predate the write. Loads of the
 * same key are not merged; the cache only spares the store repeated identical reads between writes.
 */
export class ReadCache<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly weight: number }>();
  #generation: number | undefined;
  #weight = 0;

  /**
   * @param generation the store's write generation
   * @param maxWeight most total weight kept; the oldest answers go first beyond it
   * @param weigh weight of an answer (e.g. events in it)
   */
  constructor(
    private readonly generation: () => number,
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const before = this.generation();
    if (before !== this.#generation) {
      this.#entries.clear();
      this.#weight = 0;
      this.#generation = before;
    }
    const hit = this.#entries.get(key);
    if (hit) return hit.value;
    const value = await load();
    const weight = this.weigh(value);
    if (this.generation() === before && this.#generation === before && weight <= this.maxWeight) {
      const previous = this.#entries.get(key);
      if (previous) this.#weight -= previous.weight;
      this.#entries.delete(key);
      this.#entries.set(key, { value, weight });
      this.#weight += weight;
      for (const [oldest, entry] of this.#entries) {
        if (this.#weight <= this.maxWeight) break;
        this.#entries.delete(oldest);
        this.#weight -= entry.weight;
      }
    }
    return value;
  }

  /** Answers kept (tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }
}
