import type { Store } from '../store/open-store.js';
import type { ScreeningCoordinator } from '../workers/screening-coordinator.js';
import type { AlertHub } from './alert-hub.js';
import type { ServiceMetrics } from './metrics.js';
import type { ReadCache } from './read-cache.js';

/** One page of `GET /v1/conjunctions` as it is sent. */
export interface ConjunctionPage {
  readonly items: readonly Readonly<Record<string, unknown>>[];
  readonly nextCursor: string | null;
}

/** What the routes need: the store, the screening coordinator, metrics and the alert hub. */
export interface ServiceContext {
  readonly store: Store;
  readonly coordinator: ScreeningCoordinator;
  readonly metrics: ServiceMetrics;
  readonly alerts: AlertHub;
  /** Re-screen automatically when element sets arrive. */
  readonly autoScreen: boolean;
  /** Pages of conjunction listings kept between writes (embedded store only: see Store.writeGeneration). */
  readonly conjunctionPages?: ReadCache<ConjunctionPage>;
}
