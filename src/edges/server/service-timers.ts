import type { ScheduledScreening, ScreeningCoordinator } from '../workers/screening-coordinator.js';

/** Three full screenings a day, as public conjunction services (SOCRATES) update. */
export const DEFAULT_FULL_RESCREEN_HOURS = 8;
export const DEFAULT_CLOSE_PAST_EVENTS_SECONDS = 60;
/** How often the full re-screen's due time is looked at; the check itself is one small query. */
export const DEFAULT_RESCREEN_CHECK_INTERVAL_MS = 60_000;

/** setInterval and clearInterval, replaceable so tests need not wait for real time to pass. */
export interface IntervalTimers {
  set(callback: () => void, intervalMs: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: IntervalTimers = {
  set: (callback, intervalMs) => setInterval(callback, intervalMs).unref(),
  clear: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ServiceTimersOptions {
  /** Period of the full re-screen, hours; 0 disables it. */
  readonly fullRescreenHours: number;
  /** Period of closing events whose TCA has passed, seconds; 0 disables it. */
  readonly closePastEventsSeconds: number;
  readonly rescreenCheckIntervalMs?: number;
  readonly timers?: IntervalTimers;
  readonly onError?: (task: string, error: unknown) => void;
}

/**
 * The service's periodic work: the scheduled full re-screen and the closing of past events. Each runs once at
 * start, then on its interval, never overlapping itself. Time comes from the coordinator's clock. Every server
 * runs both: the re-screen is requested once per period whatever the number of servers (advisory lock in the
 * coordinator), and closing twice closes nothing twice (it serialises with merges on another lock).
 */
export class ServiceTimers {
  readonly #handles: unknown[] = [];
  /** The run of each task in progress (a task skips its tick while the previous one runs). */
  readonly #running = new Map<string, Promise<void>>();
  readonly #timers: IntervalTimers;
  #rescreenNotBeforeUnixMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly coordinator: ScreeningCoordinator,
    private readonly options: ServiceTimersOptions,
  ) {
    this.#timers = options.timers ?? REAL_TIMERS;
  }

  start(): void {
    if (this.options.fullRescreenHours > 0)
      this.#every(
        'full-rescreen',
        this.options.rescreenCheckIntervalMs ?? DEFAULT_RESCREEN_CHECK_INTERVAL_MS,
        () => this.rescreenIfDue(),
      );
    if (this.options.closePastEventsSeconds > 0)
      this.#every('close-past-events', this.options.closePastEventsSeconds * 1000, () =>
        this.closePastEvents(),
      );
  }

  /** No more ticks; resolves when the runs in progress have finished (the store can then be closed). */
  async stop(): Promise<void> {
    for (const handle of this.#handles.splice(0)) this.#timers.clear(handle);
    await this.settled();
  }

  /** Resolves when the runs in progress have finished. */
  async settled(): Promise<void> {
    await Promise.all(this.#running.values());
  }

  /**
   * Request the full re-screen when it is due. After finding the catalog unchanged the next look is a period later,
   * since planning reads the whole catalog.
   */
  async rescreenIfDue(): Promise<ScheduledScreening> {
    const nowUnixMs = this.coordinator.nowUnixMs();
    if (nowUnixMs < this.#rescreenNotBeforeUnixMs)
      return { kind: 'not-due', dueUnixMs: this.#rescreenNotBeforeUnixMs };
    const periodMs = this.options.fullRescreenHours * 3_600_000;
    const outcome = await this.coordinator.requestScheduledFullScreening(periodMs);
    if (outcome.kind === 'not-due') this.#rescreenNotBeforeUnixMs = outcome.dueUnixMs;
    else if (outcome.kind === 'unchanged') this.#rescreenNotBeforeUnixMs = nowUnixMs + periodMs;
    return outcome;
  }

  closePastEvents(): Promise<number> {
    return this.coordinator.closePastEvents();
  }

  #every(task: string, intervalMs: number, run: () => Promise<unknown>): void {
    const tick = () => {
      if (this.#running.has(task)) return;
      const running = run()
        .then(() => undefined)
        .catch((error: unknown) => this.options.onError?.(task, error))
        .finally(() => this.#running.delete(task));
      this.#running.set(task, running);
    };
    this.#handles.push(this.#timers.set(tick, intervalMs));
    tick();
  }
}
