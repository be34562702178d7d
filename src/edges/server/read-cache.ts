/**
 * Answers of reads, kept while the store has not been written to (the embedded store's `writeGeneration`): any write
 * drops them all. An answer whose load overlapped a write is not kept, since it may predate the write. Loads of the
 * same key are not merged; the cache only spares the store repeated identical reads between writes.
 */
export class ReadCache<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly weight: number }>();
  /** Keys in the order they were kept, oldest from `#head` (a Map iterated from its start after many deletions
   * skips their holes every time). */
  #order: string[] = [];
  #head = 0;
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
      this.#order = [];
      this.#head = 0;
      this.#weight = 0;
      this.#generation = before;
    }
    const hit = this.#entries.get(key);
    if (hit) return hit.value;
    const value = await load();
    const weight = this.weigh(value);
    if (this.generation() === before && this.#generation === before && weight <= this.maxWeight) {
      // Another load of the same key may have been kept meanwhile; its key stays in the order once.
      const previous = this.#entries.get(key);
      if (previous) this.#weight -= previous.weight;
      else this.#order.push(key);
      this.#entries.set(key, { value, weight });
      this.#weight += weight;
      while (this.#weight > this.maxWeight) {
        const oldest = this.#order[this.#head++] ?? '';
        this.#weight -= this.#entries.get(oldest)?.weight ?? 0;
        this.#entries.delete(oldest);
      }
      if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
        this.#order = this.#order.slice(this.#head);
        this.#head = 0;
      }
    }
    return value;
  }

  /** Answers kept (tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }
}
