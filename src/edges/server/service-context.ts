import type { Store } from '../store/open-store.js';
import type { ScreeningCoordinator } from '../workers/screening-coordinator.js';
import type { AlertHub } from './alert-hub.js';
import type { ServiceMetrics } from './metrics.js';

/** What the routes need: the store, the screening coordinator, metrics and the alert hub. */
export interface ServiceContext {
  readonly store: Store;
  readonly coordinator: ScreeningCoordinator;
  readonly metrics: ServiceMetrics;
  readonly alerts: AlertHub;
  /** Re-screen automatically when element sets arrive. */
  readonly autoScreen: boolean;
}
