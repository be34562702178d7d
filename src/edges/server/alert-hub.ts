import { type AlertRow, alertsAfter, lastAlertId } from '../store/conjunction-repository.js';
import type { Store } from '../store/open-store.js';

type Listener = (alert: AlertRow) => void;

/**
 * Alerts are rows in the store (written by whichever process merged a run); one poller per server reads new rows and
 * fans them out to the connected SSE clients, so alerts from remote workers reach every server.
 */
export class AlertHub {
  readonly #listeners = new Set<Listener>();
  #lastId = 0;
  #timer: NodeJS.Timeout | undefined;
  #polling = false;
  constructor(
    private readonly store: Store,
    private readonly intervalMs = 500,
  ) {}

  async start(): Promise<void> {
    this.#lastId = await lastAlertId(this.store.db);
    this.#timer = setInterval(() => void this.poll(), this.intervalMs);
    this.#timer.unref();
  }

  async poll(): Promise<void> {
    if (this.#polling || this.#listeners.size === 0) return;
    this.#polling = true;
    try {
      const alerts = await alertsAfter(this.store.db, this.#lastId);
      for (const a of alerts) {
        this.#lastId = a.id;
        for (const l of this.#listeners) l(a);
      }
    } catch {
      // The next poll retries; a closed store during shutdown ends here.
    } finally {
      this.#polling = false;
    }
  }

  get lastId(): number {
    return this.#lastId;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
