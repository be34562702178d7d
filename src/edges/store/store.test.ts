import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  explainSkippedStores,
  openTestStore,
  STORES,
  type TestStore,
} from '../../../test/service/test-stores.js';
import type { SatcatEntry } from '../../core/catalog/satcat-entry.js';
import type { ElementSet } from '../../core/orbits/element-set.js';
import { decodeInputBytes } from '../../formats/input-kind.js';
import { parseTle } from '../../formats/tle/parse-tle.js';
import { appendAudit, listAudit } from './audit-log.js';
import {
  countElementSets,
  elementSetHistory,
  elementSetsByIds,
  insertElementSets,
  latestElementSets,
} from './element-set-repository.js';
import { migrateToLatest } from './migrate.js';
import {
  assignOwnerCode,
  ensureObjects,
  getObject,
  ownersOf,
  upsertSatcatObjects,
} from './object-repository.js';
import { createParty, findPartyByToken, listParties, rotatePartyToken } from './party-repository.js';

const CATALOG_FILE = new URL('../../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url);

function loadSampleCatalog(): ElementSet[] {
  const text = decodeInputBytes(readFileSync(CATALOG_FILE), 'spacetrack_3le_2023-10-09.txt.gz');
  if (!text.ok) throw new Error(text.message);
  return parseTle(text.value, 'spacetrack_3le_2023-10-09.txt.gz').records;
}

const catalog = loadSampleCatalog();

function satcat(noradCatId: number, ownerCode: string, objectName: string): SatcatEntry {
  return {
    noradCatId,
    objectId: '',
    objectName,
    objectType: 'PAYLOAD',
    ownerCode,
    origin: { file: 'inline', line: 1, format: 'satcat-spacetrack' },
  };
}

explainSkippedStores();

for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`store on ${kind}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(kind);
    });
    afterAll(async () => {
      await store?.dispose();
    });

    it('is migrated once: a second migration run applies nothing', async () => {
      expect(await migrateToLatest(store.db as unknown as Kysely<unknown>, store.schema)).toEqual([]);
    });

    it('stores the 2023 catalog once: 26,140 sets, none stored again on re-post, exact round trip', async () => {
      expect(catalog).toHaveLength(26_140);
      const first = await store.db
        .transaction()
        .execute((tx) => insertElementSets(tx, catalog, 'test', null));
      expect(first.stored).toBe(26_140);
      expect(first.touchedNoradCatIds).toHaveLength(26_140);
      const again = await store.db
        .transaction()
        .execute((tx) => insertElementSets(tx, catalog, 'test', null));
      expect(again).toEqual({ stored: 0, duplicates: 26_140, touchedNoradCatIds: [] });
      expect(await countElementSets(store.db)).toBe(26_140);
      const latest = await latestElementSets(store.db);
      expect(latest).toHaveLength(26_140);
      const iss = latest.find((s) => s.elementSet.noradCatId === 25544);
      // Published ISS (ZARYA) set of the 2023-10-09 snapshot, line 2: "2 25544  51.6410 121.2575 0005123 ...".
      expect(iss?.elementSet.inclinationDeg).toBe(51.641);
      expect(iss?.elementSet.objectName).toBe('ISS (ZARYA)');
      expect(iss?.elementSet.raanDeg).toBe(121.2575);
      const original = catalog.find((s) => s.noradCatId === 25544);
      expect(iss?.elementSet).toEqual(original);
      const byId = await elementSetsByIds(store.db, iss ? [iss.id] : []);
      expect(byId[0]?.elementSet).toEqual(original);
    });

    it('keeps the history append-only and serves the newest epoch as current', async () => {
      const original = catalog.find((s) => s.noradCatId === 25544) as ElementSet;
      const newer: ElementSet = {
        ...original,
        epoch: {
          scale: 'UTC',
          jd: { whole: original.epoch.jd.whole + 1, fraction: original.epoch.jd.fraction },
        },
        epochIso: 'later',
        meanAnomalyDeg: 10,
      };
      const outcome = await insertElementSets(store.db, [newer, original], 'test-2', null);
      expect(outcome).toEqual({ stored: 1, duplicates: 1, touchedNoradCatIds: [25544] });
      const history = await elementSetHistory(store.db, 25544);
      expect(history.map((h) => h.elementSet.meanAnomalyDeg)).toEqual([10, original.meanAnomalyDeg]);
      const latest = await latestElementSets(store.db);
      expect(latest.find((s) => s.elementSet.noradCatId === 25544)?.elementSet.meanAnomalyDeg).toBe(10);
    });

    it('creates parties with tokens stored only as SHA-256 digests', async () => {
      const { party, token } = await createParty(store.db, {
        name: 'ESA',
        country: 'ESA',
        contact: 'ops@esa.int',
      });
      expect(party.role).toBe('party');
      const row = await store.db
        .selectFrom('parties')
        .select('token_hash')
        .where('id', '=', party.id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(row.token_hash).not.toContain(token);
      expect((await findPartyByToken(store.db, token))?.name).toBe('ESA');
      expect(await findPartyByToken(store.db, `${token}x`)).toBeUndefined();
      const rotated = await rotatePartyToken(store.db, party.id);
      expect(rotated).toBeDefined();
      expect(await findPartyByToken(store.db, token)).toBeUndefined();
      expect((await findPartyByToken(store.db, rotated ?? ''))?.id).toBe(party.id);
      await expect(createParty(store.db, { name: 'ESA', country: 'FR' })).rejects.toThrow();
      expect((await listParties(store.db)).map((p) => p.name)).toEqual(['ESA']);
    });

    it('assigns SATCAT owners to parties', async () => {
      await upsertSatcatObjects(store.db, [
        satcat(25544, 'ISS', 'ISS (ZARYA)'),
        satcat(44713, 'US', 'STARLINK-1007'),
      ]);
      await ensureObjects(store.db, [{ noradCatId: 99999, objectId: '', objectName: 'X' }]);
      const { party } = await createParty(store.db, { name: 'NASA', country: 'US' });
      expect(await assignOwnerCode(store.db, 'US', party.id)).toBe(1);
      const owners = await ownersOf(store.db, [25544, 44713, 99999]);
      expect([...owners.entries()]).toEqual([[44713, party.id]]);
      expect((await getObject(store.db, 25544))?.ownerCode).toBe('ISS');
      expect((await getObject(store.db, 99999))?.ownerCode).toBe('UNKNOWN');
    });

    it('records who did what in the audit log', async () => {
      await appendAudit(store.db, null, 'test.action', { n: 1 });
      const [entry] = await listAudit(store.db, 1);
      expect(entry?.action).toBe('test.action');
      expect(entry?.detail).toEqual({ n: 1 });
    });
  });
}

describe.skipIf(STORES.find((s) => s.kind === 'postgres')?.skip ?? true)(
  'stores in PostgreSQL schemas',
  () => {
    it('migrates a store in its own schema of a database that already holds another', async () => {
      const first = await openTestStore('postgres');
      try {
        const second = await openTestStore('postgres');
        try {
          expect(await countElementSets(second.db)).toBe(0);
          expect(await migrateToLatest(second.db as unknown as Kysely<unknown>, second.schema)).toEqual([]);
        } finally {
          await second.dispose();
        }
      } finally {
        await first.dispose();
      }
    });
  },
);
