import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  explainSkippedStores,
  openTestStore,
  STORES,
  type TestStore,
} from '../../../test/service/test-stores.js';
import { type ConjunctionEvent, type ConjunctionFilter, listConjunctions } from './conjunction-repository.js';
import { setObjectOwner } from './object-repository.js';
import { createParty } from './party-repository.js';

explainSkippedStores();

/** Deterministic pseudo-random numbers (the filters and events must be the same on every run). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const STATUSES = ['open', 'closed', 'cleared'] as const;
const T0_UNIX_MS = 1_696_852_800_000;

/** What listConjunctions must answer, computed in memory. */
function expected(all: readonly ConjunctionEvent[], owned: ReadonlySet<number>, f: ConjunctionFilter) {
  return all
    .filter(
      (e) =>
        (f.object === undefined || e.primaryNorad === f.object || e.secondaryNorad === f.object) &&
        (f.partyId === undefined || owned.has(e.primaryNorad) || owned.has(e.secondaryNorad)) &&
        (f.tcaFromUnixMs === undefined || e.tcaUnixMs >= f.tcaFromUnixMs) &&
        (f.tcaToUnixMs === undefined || e.tcaUnixMs <= f.tcaToUnixMs) &&
        (f.maxMissKm === undefined || e.missKm <= f.maxMissKm) &&
        (f.minPc === undefined || (e.pc !== null && e.pc >= f.minPc)) &&
        (f.status === undefined || e.status === f.status),
    )
    .sort((a, b) => a.tcaUnixMs - b.tcaUnixMs || a.id - b.id);
}

for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`listing conjunctions on ${kind}`, () => {
    let store: TestStore;
    let all: ConjunctionEvent[] = [];
    let partyId = 0;
    const owned = new Set<number>();

    beforeAll(async () => {
      store = await openTestStore(kind);
      const random = lcg(42);
      const rows = Array.from({ length: 400 }, () => {
        const a = 1 + Math.floor(random() * 30);
        const b = 31 + Math.floor(random() * 30);
        return {
          primary_norad: a,
          secondary_norad: b,
          // Repeated TCAs exercise the (tca, id) cursor ties.
          tca_unix_ms: T0_UNIX_MS + Math.floor(random() * 50) * 60_000,
          miss_km: random() * 5,
          rel_speed_km_s: 10,
          miss_r_km: 0.1,
          miss_t_km: 0.2,
          miss_n_km: 0.3,
          pc: random() < 0.3 ? null : random() * 1e-3,
          status: STATUSES[Math.floor(random() * 3)] ?? 'open',
          version: 1,
          first_run_id: 1,
          last_run_id: 1,
        };
      });
      await store.db.insertInto('conjunction_events').values(rows).execute();
      partyId = (await createParty(store.db, { name: 'P', country: 'US' })).party.id;
      for (const n of [3, 7, 40, 41]) {
        await setObjectOwner(store.db, n, partyId);
        owned.add(n);
      }
      await setObjectOwner(store.db, 5, null);
      all = (await listConjunctions(store.db, { limit: 1000 })).events;
    });
    afterAll(async () => {
      await store?.dispose();
    });

    it('lists everything by TCA then id', () => {
      expect(all).toHaveLength(400);
      expect(all).toEqual(expected(all, owned, { limit: 1000 }));
    });

    it('answers every combination of filters as an in-memory reference does, page by page', async () => {
      const random = lcg(7);
      for (let i = 0; i < 120; i++) {
        const pick = () => random() < 0.4;
        const from = T0_UNIX_MS + Math.floor(random() * 50) * 60_000;
        const filter: ConjunctionFilter = {
          limit: 1 + Math.floor(random() * 40),
          ...(pick() ? { object: 1 + Math.floor(random() * 60) } : {}),
          ...(pick() ? { partyId } : {}),
          ...(pick() ? { tcaFromUnixMs: from } : {}),
          ...(pick() ? { tcaToUnixMs: from + Math.floor(random() * 30) * 60_000 } : {}),
          ...(pick() ? { maxMissKm: random() * 5 } : {}),
          ...(pick() ? { minPc: random() * 1e-3 } : {}),
          ...(pick() ? { status: STATUSES[Math.floor(random() * 3)] ?? 'open' } : {}),
        };
        const pages: ConjunctionEvent[] = [];
        let after: ConjunctionFilter['after'];
        for (;;) {
          const page = await listConjunctions(store.db, { ...filter, ...(after ? { after } : {}) });
          expect(page.events.length).toBeLessThanOrEqual(filter.limit);
          pages.push(...page.events);
          const last = page.events.at(-1);
          if (!page.hasMore || !last) break;
          after = { tcaUnixMs: last.tcaUnixMs, id: last.id };
        }
        expect(pages).toEqual(expected(all, owned, filter));
      }
    });
  });
}
