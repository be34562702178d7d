import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTimeEstimate } from '../../src/core/catalog/catalog.js';
import { unixMsFromUtcInstant } from '../../src/core/time/iso-8601.js';
import {
  createService,
  ensureOperator,
  type Service,
  type ServiceOptions,
} from '../../src/edges/server/service.js';
import type { IntervalTimers } from '../../src/edges/server/service-timers.js';
import { insertElementSets } from '../../src/edges/store/element-set-repository.js';
import { openStore, type Store } from '../../src/edges/store/open-store.js';
import { getScreeningRun } from '../../src/edges/store/screening-repository.js';
import type { ScreeningRunner } from '../../src/edges/workers/screening-runner.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';
import { denseSubcatalog3le } from './sample-subcatalog.js';
import {
  explainSkippedStores,
  openTestStore,
  STORES,
  TEST_DATABASE_URL,
  type TestStore,
} from './test-stores.js';

explainSkippedStores();

const HOUR_MS = 3_600_000;

/** Interval timers that fire only when the test says so. */
class ManualTimers implements IntervalTimers {
  readonly #callbacks = new Map<number, { callback: () => void; intervalMs: number }>();
  #next = 0;
  set(callback: () => void, intervalMs: number): unknown {
    this.#next += 1;
    this.#callbacks.set(this.#next, { callback, intervalMs });
    return this.#next;
  }
  clear(handle: unknown): void {
    this.#callbacks.delete(handle as number);
  }
  /** Fire every timer of this interval once. */
  fire(intervalMs: number): void {
    for (const t of this.#callbacks.values()) if (t.intervalMs === intervalMs) t.callback();
  }
  get size(): number {
    return this.#callbacks.size;
  }
}

/** A screening engine stand-in: the first two objects meet at fixed instants (those inside the window). */
function fixedApproaches(tcasUnixMs: readonly number[]): ScreeningRunner {
  return {
    shardCount: () => 1,
    runShard: () => [],
    merge: (input) => {
      const [a, b] = input.elementSets;
      if (!a || !b) return { detections: [], stats: {} };
      const detections = tcasUnixMs
        .filter((t) => t >= input.startUnixMs && t <= input.endUnixMs)
        .map((tcaUnixMs) => ({
          primaryNorad: a.noradCatId,
          secondaryNorad: b.noradCatId,
          tcaUnixMs,
          missKm: 1,
          relSpeedKmS: 10,
          missRtnKm: [0, 1, 0] as const,
          rtnFrameNorad: a.noradCatId,
          pc: null,
          primarySource: 'element-set' as const,
          secondarySource: 'element-set' as const,
          primaryEpochUnixMs: 0,
          secondaryEpochUnixMs: 0,
        }));
      return { detections, stats: {} };
    },
  };
}

/**
 * The service's timers: the scheduled full re-screen (once per period, whatever the number of servers, not when
 * nothing would change) and the closing of past events (one `closed` alert each, on the SSE stream). The clock
 * and the interval timers are the test's, so no real hours pass.
 */
for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`service timers on ${kind}`, () => {
    let store: TestStore;
    /** The same store opened again, as a second server process would (PostgreSQL); the same object on PGlite. */
    let sameStore: Store;
    const services: Service[] = [];
    const sets = parseTle(denseSubcatalog3le().text, 'sub.3le').records.slice(0, 2);
    const snapshotUnixMs = Math.round(unixMsFromUtcInstant(snapshotTimeEstimate(sets)));
    const t0 = snapshotUnixMs - 48 * HOUR_MS;
    const tcaA = t0 + 10 * HOUR_MS;
    const tcaB = t0 + 20 * HOUR_MS;
    let now = t0;
    let admin = '';
    /** The first server with the scheduled re-screen. */
    let a: Service;

    const start = async (options: ServiceOptions, on: Store = store) => {
      const service = await createService(on, {
        work: true,
        autoScreen: false,
        rateLimitPerMinute: 0,
        maintenanceIntervalSeconds: 1,
        runner: fixedApproaches([tcaA, tcaB]),
        nowUnixMs: () => now,
        ...options,
      });
      services.push(service);
      await service.timers.settled();
      return service;
    };
    const waitForRun = async (runId: number) => {
      for (let i = 0; i < 600; i++) {
        const run = await getScreeningRun(store.db, runId);
        if (run?.status === 'done' || run?.status === 'failed') return run;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`run ${runId} did not finish`);
    };
    const events = () =>
      store.db.selectFrom('conjunction_events').selectAll().orderBy('tca_unix_ms').execute();
    const alerts = () => store.db.selectFrom('alerts').selectAll().orderBy('id').execute();
    const fullRuns = () =>
      store.db.selectFrom('screening_runs').select('id').where('kind', '=', 'full').execute();

    beforeAll(async () => {
      store = await openTestStore(kind);
      sameStore =
        kind === 'postgres' && TEST_DATABASE_URL
          ? await openStore({ databaseUrl: TEST_DATABASE_URL, schema: store.schema })
          : store;
      await insertElementSets(store.db, sets, 'test', null);
      admin = (await ensureOperator(store)) ?? '';
    });
    afterAll(async () => {
      for (const s of services) await s.close();
      if (sameStore !== store) await sameStore.close();
      await store?.dispose();
    });

    it('starts no timer when both periods are 0', async () => {
      const timers = new ManualTimers();
      await start({ timers, fullRescreenHours: 0, closePastEventsSeconds: 0 });
      expect(timers.size).toBe(0);
      expect(await fullRuns()).toEqual([]);
    });

    it('requests a full re-screen at start when none was ever made, then once per period', async () => {
      const timers = new ManualTimers();
      a = await start({ timers, fullRescreenHours: 8, rescreenCheckIntervalMs: 60_000 });
      expect(timers.size).toBe(1);
      const [first] = await fullRuns();
      expect(first).toBeDefined();
      const run = await waitForRun(first?.id ?? 0);
      expect(run).toMatchObject({ status: 'done', windowStartUnixMs: t0, requestedBy: null });
      expect((await events()).map((e) => e.tca_unix_ms)).toEqual([tcaA, tcaB]);
      now = t0 + HOUR_MS;
      timers.fire(60_000);
      await a.timers.settled();
      expect(await fullRuns()).toHaveLength(1);
      expect(await a.timers.rescreenIfDue()).toEqual({ kind: 'not-due', dueUnixMs: t0 + 8 * HOUR_MS });
    });

    it('is requested once when several servers find it due at the same time', async () => {
      const b = await start({ fullRescreenHours: 8 }, sameStore);
      now = t0 + 8 * HOUR_MS;
      const outcomes = await Promise.all([a.timers.rescreenIfDue(), b.timers.rescreenIfDue()]);
      const requested = outcomes.filter((o) => o?.kind === 'requested');
      expect(requested).toHaveLength(1);
      expect(outcomes.filter((o) => o?.kind === 'not-due')).toHaveLength(1);
      expect(await fullRuns()).toHaveLength(2);
      const runId = requested[0]?.kind === 'requested' ? requested[0].runId : 0;
      expect(await waitForRun(runId)).toMatchObject({ status: 'done', windowStartUnixMs: t0 + 8 * HOUR_MS });
      // The same two approaches, unchanged: no version, no alert.
      expect((await events()).map((e) => e.version)).toEqual([1, 1]);
      expect(await alerts()).toHaveLength(2);
    });

    it('is not requested when the catalog and window are those of the latest full screening', async () => {
      // Past the catalog snapshot the window starts at the snapshot: the next one is identical.
      now = snapshotUnixMs + 24 * HOUR_MS;
      const outcome = await a.timers.rescreenIfDue();
      expect(outcome?.kind).toBe('requested');
      await waitForRun(outcome?.kind === 'requested' ? outcome.runId : 0);
      now += 8 * HOUR_MS;
      expect((await a.timers.rescreenIfDue())?.kind).toBe('unchanged');
      now += HOUR_MS;
      expect(await a.timers.rescreenIfDue()).toEqual({ kind: 'not-due', dueUnixMs: now + 7 * HOUR_MS });
      expect(await fullRuns()).toHaveLength(3);
    });

    it('closes past events on its timer, one closed alert each, streamed on GET /v1/alerts', async () => {
      now = tcaA - 60_000;
      const timers = new ManualTimers();
      const c = await start({ timers, closePastEventsSeconds: 60 });
      const d = await start({ closePastEventsSeconds: 60 }, sameStore);
      expect((await events()).map((e) => e.status)).toEqual(['open', 'open']);
      const address = await c.app.listen({ port: 0, host: '127.0.0.1' });
      const abort = new AbortController();
      const response = await fetch(`${address}/v1/alerts`, {
        headers: { authorization: `Bearer ${admin}` },
        signal: abort.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let stream = '';
      const readUntil = async (count: number) => {
        const deadline = Date.now() + 20_000;
        while ((stream.match(/"kind":"closed"/g) ?? []).length < count && Date.now() < deadline) {
          const chunk = await reader.read();
          if (chunk.done) break;
          stream += new TextDecoder().decode(chunk.value);
        }
      };
      now = tcaA + 1;
      timers.fire(60_000);
      await c.timers.settled();
      await readUntil(1);
      expect((await events()).map((e) => e.status)).toEqual(['closed', 'open']);
      // Two servers closing at the same moment close each event once.
      now = tcaB + 1;
      await Promise.all([c.timers.closePastEvents(), d.timers.closePastEvents()]);
      await readUntil(2);
      abort.abort();
      const closed = (await alerts()).filter((a) => a.kind === 'closed');
      expect(closed.map((a) => a.event_id)).toEqual((await events()).map((e) => e.id));
      const streamed = [...stream.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] ?? '{}'));
      expect(streamed.filter((p) => p.kind === 'closed').map((p) => [p.eventId, p.status])).toEqual(
        closed.map((a) => [a.event_id, 'closed']),
      );
      expect((await events()).map((e) => [e.status, e.version])).toEqual([
        ['closed', 2],
        ['closed', 2],
      ]);
    });

    it('does not open closed approaches again when a re-screen covers them', async () => {
      const before = await alerts();
      const runId = await a.ctx.coordinator.requestScreening({
        kind: 'full',
        startUnixMs: t0,
        endUnixMs: t0 + 24 * HOUR_MS,
        requestedBy: null,
      });
      expect(await waitForRun(runId ?? 0)).toMatchObject({
        status: 'done',
        stats: { events: { created: 0, updated: 0, cleared: 0 } },
      });
      expect(await events()).toHaveLength(2);
      expect(await alerts()).toEqual(before);
    });
  });
}
