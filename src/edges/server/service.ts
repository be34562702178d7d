import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/open-store.js';
import { countAdmins, createParty } from '../store/party-repository.js';
import { EngineScreeningRunner } from '../workers/engine-screening-runner.js';
import { InProcessQueue } from '../workers/in-process-queue.js';
import type { JobQueue } from '../workers/job-queue.js';
import { PgBossQueue } from '../workers/pg-boss-queue.js';
import {
  DEFAULT_SCREENING,
  ScreeningCoordinator,
  type ScreeningDefaults,
} from '../workers/screening-coordinator.js';
import type { ScreeningRunner } from '../workers/screening-runner.js';
import { AlertHub } from './alert-hub.js';
import { buildServer, type ServerOptions } from './build-server.js';
import { ServiceMetrics } from './metrics.js';
import { ReadCache } from './read-cache.js';
import type { ConjunctionPage, ServiceContext } from './service-context.js';
import { type IntervalTimers, ServiceTimers } from './service-timers.js';

/** Events kept in cached conjunction pages at most (about 15 MB). */
const CACHED_EVENTS_MAX = 50_000;

export interface ServiceOptions extends ServerOptions {
  /** Execute screening jobs in this process (always on PGlite; on PostgreSQL `concord worker` does it). */
  readonly work?: boolean;
  readonly autoScreen?: boolean;
  readonly screening?: ScreeningDefaults;
  readonly runner?: ScreeningRunner;
  /** pg-boss: seconds after which a job held by a dead worker is retried. */
  readonly jobExpireSeconds?: number;
  readonly maintenanceIntervalSeconds?: number;
  /** Period of the scheduled full re-screen, hours; 0 or absent: none (`concord serve` defaults to 8). */
  readonly fullRescreenHours?: number;
  /** How often events whose TCA has passed are closed, seconds; 0 or absent: never (`concord serve`: 60). */
  readonly closePastEventsSeconds?: number;
  /** How often the scheduled re-screen's due time is looked at, ms (tests shorten it). */
  readonly rescreenCheckIntervalMs?: number;
  /** Interval timers of the periodic work (tests replace them). */
  readonly timers?: IntervalTimers;
  /** The service's clock, Unix ms (tests move it). */
  readonly nowUnixMs?: () => number;
}

export interface Service {
  readonly ctx: ServiceContext;
  readonly app: FastifyInstance;
  readonly queue: JobQueue;
  readonly timers: ServiceTimers;
  close(): Promise<void>;
}

/** pg-boss keeps its tables in their own schema, next to the store's. */
export function jobSchemaFor(store: Store): string {
  return store.schema === 'public' ? 'pgboss' : `${store.schema}_jobs`;
}

export function createQueue(store: Store, options: ServiceOptions = {}): JobQueue {
  if (store.kind === 'pglite' || store.databaseUrl === undefined) {
    return new InProcessQueue(2, (name, data, error) =>
      process.stderr.write(`concord: job ${name} ${JSON.stringify(data)} failed: ${String(error)}\n`),
    );
  }
  return new PgBossQueue({
    databaseUrl: store.databaseUrl,
    schema: jobSchemaFor(store),
    ...(options.jobExpireSeconds === undefined ? {} : { expireInSeconds: options.jobExpireSeconds }),
    ...(options.maintenanceIntervalSeconds === undefined
      ? {}
      : { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
  });
}

/** The coordinator (and its queue) alone: what `concord worker` runs. */
export async function createCoordinator(
  store: Store,
  options: ServiceOptions = {},
): Promise<ScreeningCoordinator> {
  const queue = createQueue(store, options);
  await queue.start();
  return new ScreeningCoordinator(
    store,
    queue,
    options.runner ?? new EngineScreeningRunner(),
    options.screening ?? DEFAULT_SCREENING,
    options.nowUnixMs ?? (() => Date.now()),
  );
}

/** Store + queue + coordinator + HTTP API. On PGlite jobs run in-process and unfinished runs are resumed. */
export async function createService(store: Store, options: ServiceOptions = {}): Promise<Service> {
  const coordinator = await createCoordinator(store, options);
  const work = store.kind === 'pglite' || (options.work ?? false);
  if (work) await coordinator.work();
  if (coordinator.queue.kind === 'in-process') await coordinator.resume();
  const alerts = new AlertHub(store);
  await alerts.start();
  const ctx: ServiceContext = {
    store,
    coordinator,
    metrics: new ServiceMetrics(),
    alerts,
    autoScreen: options.autoScreen ?? true,
    ...(store.writeGeneration === undefined
      ? {}
      : {
          conjunctionPages: new ReadCache<ConjunctionPage>(
            store.writeGeneration,
            CACHED_EVENTS_MAX,
            // An empty page still costs a query to produce, and an entry.
            (page) => 1 + page.items.length,
          ),
        }),
  };
  const app = await buildServer(ctx, options);
  const timers = new ServiceTimers(coordinator, {
    fullRescreenHours: options.fullRescreenHours ?? 0,
    closePastEventsSeconds: options.closePastEventsSeconds ?? 0,
    ...(options.rescreenCheckIntervalMs === undefined
      ? {}
      : { rescreenCheckIntervalMs: options.rescreenCheckIntervalMs }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    onError: (task, error) => process.stderr.write(`concord: ${task} failed: ${String(error)}\n`),
  });
  timers.start();
  return {
    ctx,
    app,
    queue: coordinator.queue,
    timers,
    close: async () => {
      await timers.stop();
      alerts.stop();
      await app.close();
      await coordinator.queue.stop();
    },
  };
}

/** Create the operator (admin) party on first start; returns its token then, undefined afterwards. */
export async function ensureOperator(store: Store): Promise<string | undefined> {
  if ((await countAdmins(store.db)) > 0) return undefined;
  const { token } = await createParty(store.db, { name: 'operator', country: 'N/A', role: 'admin' });
  return token;
}
