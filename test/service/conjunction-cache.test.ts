import { describe, expect, it } from 'vitest';
import { reconcileEvents } from '../../src/core/coordination/event-reconciliation.js';
import {
  applyReconciliation,
  closePastEvents,
  openEventsInScope,
} from '../../src/edges/store/conjunction-repository.js';
import { createParty, useTestService } from './test-service.js';
import { explainSkippedStores, STORES } from './test-stores.js';

explainSkippedStores();

const T0_UNIX_MS = Date.UTC(2030, 0, 1);

/**
 * `GET /v1/conjunctions` answers from a cache on the embedded store: every write that can change a page must show
 * in the next answer, whoever makes it (API, merge, closing) and however it interleaves with the read.
 */
for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`conjunction pages stay current on ${kind}`, () => {
    let partyToken = '';
    let partyId = 0;
    const t = useTestService(kind, { autoScreen: false, rateLimitPerMinute: 0 }, async () => {
      ({ id: partyId, token: partyToken } = await createParty(t, 'Operator A'));
      await t.store.db
        .insertInto('conjunction_events')
        .values(
          [1, 2, 3].map((i) => ({
            primary_norad: 100,
            secondary_norad: 200 + i,
            tca_unix_ms: T0_UNIX_MS + i * 3_600_000,
            miss_km: i,
            rel_speed_km_s: 10,
            miss_r_km: 0,
            miss_t_km: 0,
            miss_n_km: 0,
            pc: null,
            status: 'open' as const,
            version: 1,
            first_run_id: 1,
            last_run_id: 1,
          })),
        )
        .execute();
    });

    const page = async (token = t.admin, query = 'object=100') => {
      const response = await t.service.app.inject({
        method: 'GET',
        url: `/v1/conjunctions?${query}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(200);
      return response.json() as {
        items: { id: number; missKm: number; status: string; version: number }[];
        nextCursor: string | null;
      };
    };
    /** The same listing straight from the tables. */
    const truth = async () =>
      (await t.store.db.selectFrom('conjunction_events').selectAll().orderBy('tca_unix_ms').execute()).map(
        (r) => ({ id: r.id, missKm: r.miss_km, status: r.status, version: r.version }),
      );
    const summary = (p: Awaited<ReturnType<typeof page>>) =>
      p.items.map((e) => ({ id: e.id, missKm: e.missKm, status: e.status, version: e.version }));

    it('answers repeated reads from the cache on the embedded store only', async () => {
      const first = await page();
      expect(await page()).toEqual(first);
      expect(summary(first)).toEqual(await truth());
      expect(t.service.ctx.conjunctionPages?.size ?? 0).toBe(kind === 'pglite' ? 1 : 0);
      expect(await page(t.admin, 'object=100&limit=2')).toMatchObject({ nextCursor: expect.any(String) });
    });

    it('shows a merge (new version) at once', async () => {
      await page();
      await t.store.db.transaction().execute(async (tx) => {
        const open = await openEventsInScope(tx, [100]);
        const detections = open.map((e) => ({
          primaryNorad: e.primaryNorad,
          secondaryNorad: e.secondaryNorad,
          tcaUnixMs: e.tcaUnixMs,
          missKm: e.missKm + 0.5,
          relSpeedKmS: 10,
          missRtnKm: [0, 0, 0] as const,
          pc: null,
          ephemerisPartyIds: [],
          detail: {},
        }));
        const rec = reconcileEvents(open, detections, T0_UNIX_MS, T0_UNIX_MS + 86_400_000);
        await applyReconciliation(tx, 2, rec);
      });
      const after = await page();
      expect(after.items.map((e) => e.missKm)).toEqual([1.5, 2.5, 3.5]);
      expect(after.items.every((e) => e.version === 2)).toBe(true);
      expect(summary(after)).toEqual(await truth());
    });

    it('shows closed events at once; closing nothing keeps the pages', async () => {
      await page();
      const generation = t.store.writeGeneration?.();
      expect(await closePastEvents(t.store.db, T0_UNIX_MS)).toBe(0);
      expect(t.store.writeGeneration?.()).toBe(generation);
      expect(await closePastEvents(t.store.db, T0_UNIX_MS + 1.5 * 3_600_000)).toBe(1);
      const after = await page();
      expect(after.items.map((e) => e.status)).toEqual(['closed', 'open', 'open']);
      expect(summary(after)).toEqual(await truth());
    });

    it("shows an ownership change in a party's listing", async () => {
      expect((await page(partyToken, '')).items).toEqual([]);
      const put = await t.service.app.inject({
        method: 'PUT',
        url: '/v1/objects/202/owner',
        headers: { authorization: `Bearer ${t.admin}` },
        payload: { partyId },
      });
      expect(put.statusCode).toBe(200);
      expect((await page(partyToken, '')).items.map((e) => e.id)).toHaveLength(1);
    });

    it('ignores a rolled-back write and shows a write committed while a read waits', async () => {
      const before = await page();
      await expect(
        t.store.db.transaction().execute(async (tx) => {
          await tx.updateTable('conjunction_events').set({ miss_km: 99 }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await page()).toEqual(before);
      // The transaction holds the embedded store's only session, so the read below waits for the commit.
      let reading: Promise<Awaited<ReturnType<typeof page>>> | undefined;
      await t.store.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('conjunction_events')
          .set({ miss_km: 42 })
          .where('secondary_norad', '=', 203)
          .execute();
        reading = page();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx
          .updateTable('conjunction_events')
          .set({ miss_km: 43 })
          .where('secondary_norad', '=', 203)
          .execute();
      });
      const raced = await reading;
      const expected = await truth();
      expect(expected.map((e) => e.missKm)).toEqual([1.5, 2.5, 43]);
      if (kind === 'pglite') expect(raced && summary(raced)).toEqual(expected);
      expect(summary(await page())).toEqual(expected);
    });
  });
}
