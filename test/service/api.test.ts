import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import { screenCatalog } from '../../src/core/screening/screen-catalog.js';
import { parseIsoUtc, unixMsFromUtcInstant } from '../../src/core/time/iso-8601.js';
import { parseCdmKvn } from '../../src/formats/ccsds/cdm/cdm-kvn.js';
import { fieldValue } from '../../src/formats/ccsds/cdm/cdm-message.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';
import { denseSubcatalog3le, TEST_WINDOW } from './sample-subcatalog.js';
import { useTestService } from './test-service.js';
import { explainSkippedStores, STORES } from './test-stores.js';

explainSkippedStores();
const sub = denseSubcatalog3le();
const ms = (iso: string) => {
  const t = parseIsoUtc(iso);
  if (!t.ok) throw new Error(t.message);
  return unixMsFromUtcInstant(t.value);
};

/** The engine run directly, in one call, on the same objects and window: the reference for the service's events. */
function directScreening() {
  const sets = parseTle(sub.text, 'sub.3le').records.sort((a, b) => a.noradCatId - b.noradCatId);
  const r = screenCatalog({
    objects: sets.map((elementSet) => ({ elementSet, regime: classifyRegime(elementSet) })),
    startUnixMs: ms(TEST_WINDOW.startUtc),
    endUnixMs: ms(TEST_WINDOW.endUtc),
    thresholdKm: TEST_WINDOW.thresholdKm,
  });
  return r.conjunctions
    .filter((c) => c.edge === 'none')
    .map((c) => {
      const a = sets[c.index1]?.noradCatId ?? 0;
      const b = sets[c.index2]?.noradCatId ?? 0;
      return `${Math.min(a, b)}-${Math.max(a, b)}@${c.tcaUnixMs.toFixed(3)}:${c.missKm.toFixed(9)}`;
    })
    .sort();
}

for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`HTTP API on ${kind}`, () => {
    let partyToken = '';
    let otherToken = '';
    let partyId = 0;
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const t = useTestService(kind, {
      work: true,
      autoScreen: false,
      rateLimitPerMinute: 0,
      maintenanceIntervalSeconds: 1,
    });
    const inject = t.inject;
    const post = (url: string, token: string, payload: NonNullable<InjectOptions['payload']>) =>
      inject({ method: 'POST', url, headers: auth(token), payload });

    it('serves health, OpenAPI 3.1, docs and Prometheus metrics without a token', async () => {
      const health = await inject({ method: 'GET', url: '/health' });
      expect(health.json()).toMatchObject({ status: 'ok', store: kind });
      const openapi = (await inject({ method: 'GET', url: '/openapi.json' })).json();
      expect(openapi.openapi).toBe('3.1.0');
      for (const path of [
        '/v1/element-sets',
        '/v1/ephemerides',
        '/v1/screenings',
        '/v1/screenings/{id}',
        '/v1/conjunctions',
        '/v1/conjunctions/{id}',
        '/v1/conjunctions/{id}/cdm',
        '/v1/alerts',
      ])
        expect(Object.keys(openapi.paths)).toContain(path);
      const docs = await inject({ method: 'GET', url: '/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger');
      const metrics = await inject({ method: 'GET', url: '/metrics' });
      expect(metrics.headers['content-type']).toContain('text/plain');
      expect(metrics.body).toMatch(/^# TYPE concord_http_requests_total counter$/m);
    });

    it('rejects a missing or invalid token with 401 problem details', async () => {
      const missing = await inject({ method: 'GET', url: '/v1/conjunctions' });
      expect(missing.statusCode).toBe(401);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
      const invalid = await inject({ method: 'GET', url: '/v1/conjunctions', headers: auth('concord_nope') });
      expect(invalid.statusCode).toBe(401);
      expect(invalid.json().code).toBe('TOKEN_INVALID');
    });

    it('lets the operator create parties (token shown once); parties cannot', async () => {
      const created = await post('/v1/parties', t.admin, { name: 'Operator A', country: 'US' });
      expect(created.statusCode).toBe(201);
      partyToken = created.json().token;
      partyId = created.json().id;
      const other = await post('/v1/parties', t.admin, { name: 'Operator B', country: 'FR' });
      otherToken = other.json().token;
      expect((await inject({ method: 'GET', url: '/v1/me', headers: auth(partyToken) })).json().name).toBe(
        'Operator A',
      );
      const denied = await post('/v1/parties', partyToken, { name: 'X', country: 'US' });
      expect(denied.statusCode).toBe(403);
      const invalid = await post('/v1/parties', t.admin, { name: 'X' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().code).toBe('VALIDATION_FAILED');
    });

    it('rejects a malformed upload with per-record reasons and stores nothing', async () => {
      const lines = sub.text.split('\n');
      // Break the checksum of the second element set's line 1 and a field of the fifth's line 2.
      lines[4] = `${(lines[4] ?? '').slice(0, 68)}${(Number((lines[4] ?? '').slice(68)) + 1) % 10}`;
      lines[14] = `${(lines[14] ?? '').slice(0, 8)}9X.4000${(lines[14] ?? '').slice(15)}`;
      const response = await inject({
        method: 'POST',
        url: '/v1/element-sets?filename=bad.3le',
        headers: { ...auth(t.admin), 'content-type': 'text/plain' },
        payload: lines.join('\n'),
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('INVALID_RECORDS');
      expect(body.rejectedRecords).toBe(2);
      expect(body.issues.map((i: { line: number }) => i.line)).toEqual(expect.arrayContaining([5, 15]));
      expect(body.issues[0].file).toBe('bad.3le');
      const count = await t.store.db
        .selectFrom('element_sets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(count?.n)).toBe(0);
    });

    it('stores an upload once: re-posting the same catalog stores nothing new', async () => {
      const first = await post('/v1/element-sets', t.admin, sub.text);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ format: 'tle', received: 400, stored: 400, duplicates: 0 });
      const again = await post('/v1/element-sets', t.admin, sub.text);
      expect(again.json()).toMatchObject({ received: 400, stored: 0, duplicates: 400 });
    });

    it("forbids a party to write for another party's object (403, nothing stored)", async () => {
      const owned = sub.noradCatIds[0] ?? 0;
      const put = await inject({
        method: 'PUT',
        url: `/v1/objects/${owned}/owner`,
        headers: auth(t.admin),
        payload: { partyId },
      });
      expect(put.statusCode).toBe(200);
      const [n0, l1, l2] = sub.text.split('\n');
      const [m0, m1, m2] = sub.text.split('\n').slice(3, 6);
      const mine = `${n0}\n${l1}\n${l2}\n`;
      const mixed = `${mine}${m0}\n${m1}\n${m2}\n`;
      const denied = await post('/v1/element-sets', partyToken, mixed);
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toMatchObject({ code: 'NOT_OWNER', objects: [sub.noradCatIds[1]] });
      const foreign = await post('/v1/element-sets', otherToken, mine);
      expect(foreign.statusCode).toBe(403);
      const allowed = await post('/v1/element-sets', partyToken, mine);
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().duplicates).toBe(1);
    });

    it('keeps private ephemerides private', async () => {
      const owned = sub.noradCatIds[0] ?? 0;
      const oem = [
        'CCSDS_OEM_VERS = 2.0',
        'CREATION_DATE = 2023-10-09T12:00:00',
        'ORIGINATOR = OPERATOR A',
        'META_START',
        'OBJECT_NAME = SAT',
        `OBJECT_ID = ${owned}`,
        'CENTER_NAME = EARTH',
        'REF_FRAME = EME2000',
        'TIME_SYSTEM = UTC',
        'START_TIME = 2023-10-09T12:00:00',
        'STOP_TIME = 2023-10-09T12:01:00',
        'META_STOP',
        '2023-10-09T12:00:00 6778.0 0.0 0.0 0.0 7.66 0.0',
        '2023-10-09T12:01:00 6775.0 459.0 0.0 -0.05 7.65 0.0',
        '',
      ].join('\n');
      const denied = await post('/v1/ephemerides', otherToken, oem);
      expect(denied.statusCode).toBe(403);
      const posted = await post('/v1/ephemerides', partyToken, oem);
      expect(posted.statusCode).toBe(201);
      const id = posted.json().id;
      expect(
        (await inject({ method: 'GET', url: `/v1/ephemerides/${id}`, headers: auth(partyToken) })).body,
      ).toBe(oem);
      const leak = await inject({ method: 'GET', url: `/v1/ephemerides/${id}`, headers: auth(otherToken) });
      expect(leak.statusCode).toBe(404);
      const list = await inject({ method: 'GET', url: '/v1/ephemerides', headers: auth(otherToken) });
      expect(list.json().ephemerides).toEqual([]);
      const bad = await post(
        '/v1/ephemerides',
        partyToken,
        oem.replace('START_TIME = 2023-10-09T12:00:00', 'START_TIME = 2023-13-09T12:00:00'),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0]).toMatchObject({ line: 10, field: 'START_TIME', code: 'OEM_BAD_EPOCH' });
    });

    let eventIds: number[] = [];
    it('screens in shards and stores exactly the events of one direct engine run', async () => {
      const posted = await inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: auth(t.admin),
        payload: {
          kind: 'full',
          windowStartUtc: TEST_WINDOW.startUtc,
          windowEndUtc: TEST_WINDOW.endUtc,
          thresholdKm: TEST_WINDOW.thresholdKm,
        },
      });
      expect(posted.statusCode).toBe(202);
      const id = posted.json().id;
      expect(posted.json().shardCount).toBeGreaterThan(1);
      let run = posted.json();
      for (let i = 0; i < 600 && run.status !== 'done' && run.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        run = (await inject({ method: 'GET', url: `/v1/screenings/${id}`, headers: auth(t.admin) })).json();
      }
      expect(run.status).toBe('done');
      expect(run.progress).toBe(1);
      const items: { id: number; primaryNorad: number; secondaryNorad: number; tcaUtc: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: typeof items; nextCursor: string | null } = (
          await inject({
            method: 'GET',
            url: `/v1/conjunctions?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
            headers: auth(t.admin),
          })
        ).json();
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      const rows = await t.store.db.selectFrom('conjunction_events').selectAll().execute();
      const stored = rows
        .map(
          (r) =>
            `${r.primary_norad}-${r.secondary_norad}@${r.tca_unix_ms.toFixed(3)}:${r.miss_km.toFixed(9)}`,
        )
        .sort();
      expect(stored).toEqual(directScreening());
      expect(items).toHaveLength(rows.length);
      expect(rows.length).toBeGreaterThan(5);
      eventIds = items.map((e) => e.id);
    });

    it('filters conjunctions and enforces visibility', async () => {
      const all = (
        await inject({ method: 'GET', url: '/v1/conjunctions?limit=1000', headers: auth(t.admin) })
      ).json().items;
      const object = all[0].secondaryNorad;
      const byObject = (
        await inject({ method: 'GET', url: `/v1/conjunctions?object=${object}`, headers: auth(t.admin) })
      ).json().items;
      expect(byObject.length).toBe(
        all.filter(
          (e: { primaryNorad: number; secondaryNorad: number }) =>
            e.primaryNorad === object || e.secondaryNorad === object,
        ).length,
      );
      const close = (
        await inject({ method: 'GET', url: '/v1/conjunctions?maxMissKm=2', headers: auth(t.admin) })
      ).json().items;
      expect(close.every((e: { missKm: number }) => e.missKm <= 2)).toBe(true);
      const mine = (
        await inject({ method: 'GET', url: '/v1/conjunctions', headers: auth(otherToken) })
      ).json().items;
      expect(mine).toEqual([]);
      const forbidden = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${eventIds[0]}`,
        headers: auth(otherToken),
      });
      expect(forbidden.statusCode).toBe(403);
      const bad = await inject({
        method: 'GET',
        url: '/v1/conjunctions?tcaFrom=yesterday',
        headers: auth(t.admin),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('INVALID_ISO_8601');
    });

    it('serves CDMs by content negotiation that an independent reader accepts', async () => {
      const id = eventIds[0];
      const event = (
        await inject({ method: 'GET', url: `/v1/conjunctions/${id}`, headers: auth(t.admin) })
      ).json();
      expect(event.versions).toHaveLength(1);
      const kvn = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${id}/cdm`,
        headers: { ...auth(t.admin), accept: 'text/plain' },
      });
      expect(kvn.headers['content-type']).toContain('text/plain');
      const parsed = parseCdmKvn(kvn.body, 'event.cdm');
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const miss = Number(
        fieldValue(
          parsed.cdm?.relativeMetadataData ?? { part: 'relativeMetadataData', comments: [], fields: [] },
          'MISS_DISTANCE',
        ),
      );
      expect(miss).toBeCloseTo(event.missKm * 1000, 3);
      const xml = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${id}/cdm`,
        headers: { ...auth(t.admin), accept: 'application/xml' },
      });
      expect(xml.body).toContain('<MISS_DISTANCE');
      const json = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${id}/cdm`,
        headers: { ...auth(t.admin), accept: 'application/json' },
      });
      expect(json.headers['content-type']).toContain('application/json');
      const none = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${id}/cdm`,
        headers: { ...auth(t.admin), accept: 'image/png' },
      });
      expect(none.statusCode).toBe(406);
    });

    it('an identical re-screen adds no version and no alert', async () => {
      const alertsBefore = await t.store.db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      const posted = await inject({
        method: 'POST',
        url: '/v1/screenings',
        headers: auth(t.admin),
        payload: {
          kind: 'full',
          windowStartUtc: TEST_WINDOW.startUtc,
          windowEndUtc: TEST_WINDOW.endUtc,
          thresholdKm: 10,
        },
      });
      const id = posted.json().id;
      let run = posted.json();
      for (let i = 0; i < 600 && run.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        run = (await inject({ method: 'GET', url: `/v1/screenings/${id}`, headers: auth(t.admin) })).json();
      }
      expect(run.stats.events).toEqual({ created: 0, updated: 0, cleared: 0 });
      const alertsAfter = await t.store.db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(alertsAfter?.n)).toBe(Number(alertsBefore?.n));
      expect(Number(alertsBefore?.n)).toBe(eventIds.length);
    });
  });
}
