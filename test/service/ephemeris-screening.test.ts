import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../src/core/orbits/element-set.js';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import { propagateAt } from '../../src/core/propagation/propagate.js';
import { createSgp4Model } from '../../src/core/propagation/sgp4-model.js';
import { screenCatalog } from '../../src/core/screening/screen-catalog.js';
import { utcInstantFromUnixMs } from '../../src/core/time/iso-8601.js';
import { parseCdmKvn } from '../../src/formats/ccsds/cdm/cdm-kvn.js';
import { type CdmObject, fieldValue } from '../../src/formats/ccsds/cdm/cdm-message.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';
import { denseSubcatalog3le, TEST_WINDOW } from './sample-subcatalog.js';
import { createParty, useTestService } from './test-service.js';
import { explainSkippedStores, STORES } from './test-stores.js';

// Continuous screening with operator ephemerides: an OEM posted for an owned object re-screens it one-vs-all
// with its states from the OEM. The OEM is SGP4 of the object every 60 s, moved by a constant offset so that it
// passes 2 km from an object its element set misses by tens of kilometres: the event must show the ephemeris.

explainSkippedStores();
const sub = denseSubcatalog3le();
const sets = parseTle(sub.text, 'sub.3le').records.sort((a, b) => a.noradCatId - b.noradCatId);
const byNorad = new Map(sets.map((es) => [es.noradCatId, es]));
const HOUR = 3_600_000;
/** How close the moved object passes, km. */
const MOVED_MISS_KM = 2;

type Vec = [number, number, number];
const sub3 = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add3 = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const norm = (a: Vec) => Math.hypot(...a);

function teme(es: ElementSet, unixMs: number): { r: Vec; v: Vec } {
  const model = createSgp4Model(es);
  if (!model.ok) throw new Error(model.message);
  const s = propagateAt(model.value, utcInstantFromUnixMs(unixMs));
  if (!s.ok) throw new Error(s.message);
  const p = s.value.positionKm;
  const v = s.value.velocityKmS;
  return { r: [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0], v: [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0] };
}

/** CCSDS epoch text of a Unix ms instant (UTC, no zone letter). */
const ccsds = (unixMs: number) => new Date(unixMs).toISOString().replace('Z', '');

/** An OEM (KVN, TEME, UTC, Lagrange 7) of SGP4 states of `es` every 60 s, each moved by `offsetKm`, over spans. */
function oemOf(es: ElementSet, spans: readonly [number, number][], offsetKm: Vec): string {
  const lines = ['CCSDS_OEM_VERS = 2.0', 'CREATION_DATE = 2023-10-09T12:00:00', 'ORIGINATOR = OPERATOR A'];
  for (const [from, to] of spans) {
    lines.push(
      'META_START',
      `OBJECT_NAME = ${es.objectName}`,
      `OBJECT_ID = ${es.noradCatId}`,
      'CENTER_NAME = EARTH',
      'REF_FRAME = TEME',
      'TIME_SYSTEM = UTC',
      `START_TIME = ${ccsds(from)}`,
      `STOP_TIME = ${ccsds(to)}`,
      'INTERPOLATION = LAGRANGE',
      'INTERPOLATION_DEGREE = 7',
      'META_STOP',
    );
    for (let t = from; t <= to; t += 60_000) {
      const { r, v } = teme(es, t);
      lines.push(`${ccsds(t)} ${[...add3(r, offsetKm), ...v].join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Closest approach of `b` to `a` moved by `offsetKm`, searched by golden section within ±2 min of `near`. */
function movedApproach(
  a: ElementSet,
  b: ElementSet,
  offsetKm: Vec,
  near: number,
): { tca: number; miss: number } {
  const range = (t: number) => norm(sub3(teme(b, t).r, add3(teme(a, t).r, offsetKm)));
  let lo = near - 120_000;
  let hi = near + 120_000;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const x1 = hi - g * (hi - lo);
    const x2 = lo + g * (hi - lo);
    if (range(x1) < range(x2)) hi = x2;
    else lo = x1;
  }
  const tca = (lo + hi) / 2;
  return { tca, miss: range(tca) };
}

for (const { kind, skip } of STORES) {
  describe.skipIf(skip)(`ephemerides re-screen their object on ${kind}`, () => {
    let ownerToken = '';
    let otherToken = '';
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const inject = (o: InjectOptions) => t.inject(o);
    const post = (url: string, token: string, payload: NonNullable<InjectOptions['payload']>) =>
      inject({ method: 'POST', url, headers: auth(token), payload });
    const runOf = async (id: number) => {
      let run = (await inject({ method: 'GET', url: `/v1/screenings/${id}`, headers: auth(t.admin) })).json();
      for (let i = 0; i < 1200 && run.status !== 'done' && run.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        run = (await inject({ method: 'GET', url: `/v1/screenings/${id}`, headers: auth(t.admin) })).json();
      }
      return run;
    };
    const eventsOf = async (norad: number) =>
      (
        await inject({
          method: 'GET',
          url: `/v1/conjunctions?object=${norad}&limit=1000`,
          headers: auth(t.admin),
        })
      ).json().items as {
        id: number;
        primaryNorad: number;
        secondaryNorad: number;
        tcaUtc: string;
        missKm: number;
        status: string;
        version: number;
        firstRunId: number;
        lastRunId: number;
      }[];
    const alertKinds = async (eventId: number | undefined) =>
      (
        await t.store.db
          .selectFrom('alerts')
          .select(['kind', 'version'])
          .where('event_id', '=', eventId ?? 0)
          .orderBy('id')
          .execute()
      ).map((a) => `${a.kind} ${a.version}`);
    const runCount = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('screening_runs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    // The fixture, chosen from the catalog's own approaches once the window is known.
    let window = { start: 0, end: 0 };
    let primary: ElementSet;
    let target: ElementSet;
    let approachUnixMs = 0;
    let elementSetMissKm = 0;
    let offsetKm: Vec = [0, 0, 0];
    let expected = { tca: 0, miss: 0 };
    let coverage: [number, number] = [0, 0];
    /** An element-set event of the primary outside the ephemeris coverage (TCA, partner). */
    let outside = { tca: 0, partner: 0 };
    let catalogRunId = 0;

    const t = useTestService(
      kind,
      {
        work: true,
        autoScreen: true,
        rateLimitPerMinute: 0,
        maintenanceIntervalSeconds: 1,
        screening: { windowHours: 12, thresholdKm: TEST_WINDOW.thresholdKm, maxShards: 4 },
        nowUnixMs: () => Date.parse(TEST_WINDOW.startUtc),
      },
      async () => {
        const owner = await createParty(t, 'Owner A');
        const other = await createParty(t, 'Other B');
        ownerToken = owner.token;
        otherToken = other.token;

        // The whole catalog touched: a full screening, the element-set events.
        const posted = await post('/v1/element-sets', t.admin, sub.text);
        catalogRunId = posted.json().screeningRunId;
        const run = await runOf(catalogRunId);
        expect(run.status).toBe('done');
        window = { start: Date.parse(run.windowStartUtc), end: Date.parse(run.windowEndUtc) };

        // Approaches up to 60 km; the primary has an element-set event and, more than 3 h away from it, a pass at
        // 20-60 km from an object it has no event with.
        const wide = screenCatalog({
          objects: sets.map((elementSet) => ({ elementSet, regime: classifyRegime(elementSet) })),
          startUnixMs: window.start,
          endUnixMs: window.end,
          thresholdKm: 60,
        }).conjunctions.filter((c) => c.edge === 'none');
        const norad = (i: number) => sets[i]?.noradCatId ?? 0;
        const threshold = TEST_WINDOW.thresholdKm;
        const pairKey = (i: number, j: number) => `${Math.min(i, j)}:${Math.max(i, j)}`;
        const met = new Set(
          wide.filter((c) => c.missKm <= threshold).map((c) => pairKey(c.index1, c.index2)),
        );
        const choice = (() => {
          for (const near of wide) {
            if (near.missKm > threshold) continue;
            if (near.tcaUnixMs < window.start + 1.5 * HOUR || near.tcaUnixMs > window.end - 1.5 * HOUR)
              continue;
            for (const far of wide) {
              const shared = [far.index1, far.index2].find((i) => i === near.index1 || i === near.index2);
              // Crossing orbits (not a co-orbital neighbour), an approach well inside the window and 3.5 h away.
              if (shared === undefined || far.missKm < 20 || far.relSpeedKmS < 1) continue;
              if (Math.abs(far.tcaUnixMs - near.tcaUnixMs) < 3.5 * HOUR) continue;
              if (far.tcaUnixMs < window.start + 2.5 * HOUR || far.tcaUnixMs > window.end - 2.5 * HOUR)
                continue;
              const other = far.index1 === shared ? far.index2 : far.index1;
              const partner = near.index1 === shared ? near.index2 : near.index1;
              // The target meets the primary nowhere within the threshold with the element sets.
              if (!met.has(pairKey(shared, other))) return { shared, other, partner, near, far };
            }
          }
          throw new Error('no suitable pair in the sub-catalog');
        })();
        primary = byNorad.get(norad(choice.shared)) as ElementSet;
        target = byNorad.get(norad(choice.other)) as ElementSet;
        approachUnixMs = choice.far.tcaUnixMs;
        elementSetMissKm = choice.far.missKm;
        outside = { tca: choice.near.tcaUnixMs, partner: norad(choice.partner) };
        // Move the primary along the miss vector so that at the element-set TCA it is 2 km from the target; the
        // miss vector is perpendicular to the relative velocity there, so the new minimum stays at that time.
        const d = sub3(teme(target, approachUnixMs).r, teme(primary, approachUnixMs).r);
        const scale = 1 - MOVED_MISS_KM / norm(d);
        offsetKm = [d[0] * scale, d[1] * scale, d[2] * scale];
        expected = movedApproach(primary, target, offsetKm, approachUnixMs);
        const minute = (t: number) => Math.round(t / 60_000) * 60_000;
        coverage = [minute(approachUnixMs - 2 * HOUR), minute(approachUnixMs + 2 * HOUR)];
        for (const [object, partyId] of [
          [primary.noradCatId, owner.id],
          [target.noradCatId, other.id],
        ] as const) {
          const put = await inject({
            method: 'PUT',
            url: `/v1/objects/${object}/owner`,
            headers: auth(t.admin),
            payload: { partyId },
          });
          expect(put.statusCode).toBe(200);
        }
      },
      240_000,
    );

    let ephemerisId = 0;
    let runId = 0;
    let oem = '';
    it('an OEM of an owned object starts an incremental run that names the ephemeris', async () => {
      expect(expected.miss).toBeGreaterThan(MOVED_MISS_KM - 0.05);
      expect(expected.miss).toBeLessThan(MOVED_MISS_KM + 0.001);
      expect(elementSetMissKm).toBeGreaterThan(20);
      expect(
        (await eventsOf(primary.noradCatId)).filter(
          (e) => e.primaryNorad === target.noradCatId || e.secondaryNorad === target.noradCatId,
        ),
      ).toEqual([]);
      oem = oemOf(primary, [coverage], offsetKm);
      const posted = await post('/v1/ephemerides', ownerToken, oem);
      expect(posted.statusCode).toBe(201);
      const body = posted.json();
      expect(body).toMatchObject({ duplicate: false, noradCatId: primary.noradCatId });
      expect(body.screening.code).toBe('REQUESTED');
      ephemerisId = body.id;
      runId = body.screeningRunId;
      expect(runId).toBeGreaterThan(catalogRunId);
      // The run is the owner's to follow, and records which ephemeris replaces which primary.
      const asOwner = await inject({
        method: 'GET',
        url: `/v1/screenings/${runId}`,
        headers: auth(ownerToken),
      });
      expect(asOwner.statusCode).toBe(200);
      expect(asOwner.json()).toMatchObject({
        kind: 'incremental',
        primaries: [primary.noradCatId],
        ephemerides: [{ noradCatId: primary.noradCatId, ephemerisId }],
      });
      const run = await runOf(runId);
      expect(run.status).toBe('done');
      // Only the part of the window the ephemeris covers was screened with it.
      expect([Date.parse(run.windowStartUtc), Date.parse(run.windowEndUtc)]).toEqual(coverage);
      expect(run.stats.objectsTabulated).toBe(1);
    }, 120_000);

    it('the conjunction of the moved primary appears, with the ephemeris miss distance', async () => {
      const events = (await eventsOf(primary.noradCatId)).filter(
        (e) => e.primaryNorad === target.noradCatId || e.secondaryNorad === target.noradCatId,
      );
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event?.firstRunId).toBe(runId);
      expect(event?.status).toBe('open');
      // The OEM holds SGP4 + offset at full precision every 60 s; Lagrange 7 interpolates it to far below 1 m.
      expect(Math.abs((event?.missKm ?? 0) - expected.miss)).toBeLessThan(0.002);
      expect(Math.abs(Date.parse(event?.tcaUtc ?? '') - expected.tca)).toBeLessThan(5);
      expect(await alertKinds(event?.id)).toEqual(['new 1']);
    });

    it('outside the coverage the element-set events stay as they were', async () => {
      const kept = (await eventsOf(primary.noradCatId)).find(
        (e) =>
          (e.primaryNorad === outside.partner || e.secondaryNorad === outside.partner) &&
          Math.abs(Date.parse(e.tcaUtc) - outside.tca) < 1000,
      );
      expect(kept).toMatchObject({ status: 'open', version: 1, lastRunId: catalogRunId });
      const cdm = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${kept?.id}/cdm`,
        headers: auth(ownerToken),
      });
      expect(cdm.body).toMatch(/COMMENT State propagated with SGP4 from element set \d+/);
      expect(cdm.body).not.toMatch(/State interpolated from ephemeris/);
      expect(cdm.body).not.toMatch(/EPHEMERIS_NAME\s+= (?!NONE)/);
    });

    /** The moved pair's CDM as `token` gets it, with the object block of the primary. */
    const cdmAs = async (token: string) => {
      const event = (await eventsOf(primary.noradCatId)).find(
        (e) => e.primaryNorad === target.noradCatId || e.secondaryNorad === target.noradCatId,
      );
      const response = await inject({
        method: 'GET',
        url: `/v1/conjunctions/${event?.id}/cdm`,
        headers: { ...auth(token), accept: 'text/plain' },
      });
      expect(response.statusCode).toBe(200);
      const parsed = parseCdmKvn(response.body, 'event.cdm');
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const cdm = parsed.cdm;
      if (!cdm) throw new Error('no CDM');
      const block = (norad: number) =>
        cdm.objects.find((o) => fieldValue(o.metadata, 'OBJECT_DESIGNATOR') === String(norad)) as CdmObject;
      const view = (
        await inject({ method: 'GET', url: `/v1/conjunctions/${event?.id}`, headers: auth(token) })
      ).json();
      return {
        text: response.body,
        cdm,
        own: block(primary.noradCatId),
        theirs: block(target.noradCatId),
        view,
      };
    };

    it('the owner (and the operator) get the CDM with the ephemeris state, naming the ephemeris', async () => {
      for (const token of [ownerToken, t.admin]) {
        const { text, cdm, own, view } = await cdmAs(token);
        expect(fieldValue(own.metadata, 'EPHEMERIS_NAME')).toBe(`CONCORD-EPHEMERIS-${ephemerisId}`);
        expect(own.stateVector.comments.join(' ')).toContain(
          `State interpolated from ephemeris ${ephemerisId}`,
        );
        const x = Number(fieldValue(own.stateVector, 'X'));
        const y = Number(fieldValue(own.stateVector, 'Y'));
        const z = Number(fieldValue(own.stateVector, 'Z'));
        // The state is the moved one: the element set's state at TCA plus the offset (to interpolation error).
        const sgp4 = teme(primary, expected.tca).r;
        expect(norm(sub3([x, y, z], add3(sgp4, offsetKm)))).toBeLessThan(0.005);
        expect(Number(fieldValue(cdm.relativeMetadataData, 'MISS_DISTANCE'))).toBeCloseTo(
          expected.miss * 1000,
          0,
        );
        expect(text).toMatch(/RELATIVE_POSITION_R/);
        expect(view.missRtnKm).toHaveLength(3);
      }
    });

    it("another party gets the event without the private ephemeris' state", async () => {
      const { text, cdm, own, theirs, view } = await cdmAs(otherToken);
      expect(fieldValue(own.metadata, 'EPHEMERIS_NAME')).toBe('NONE');
      expect(text).not.toContain(`ephemeris ${ephemerisId}`);
      expect(text).not.toMatch(/RELATIVE_POSITION_R/);
      // In its place the public state: SGP4 of the element set at TCA, not moved, and said so.
      expect(own.stateVector.comments.join(' ')).toMatch(
        /public element set \d+, NOT the state the screening used: .*private operator ephemeris and is withheld/,
      );
      const shown: Vec = [
        Number(fieldValue(own.stateVector, 'X')),
        Number(fieldValue(own.stateVector, 'Y')),
        Number(fieldValue(own.stateVector, 'Z')),
      ];
      const sgp4 = teme(primary, expected.tca).r;
      expect(norm(sub3(shown, sgp4))).toBeLessThan(0.001);
      expect(norm(sub3(shown, add3(sgp4, offsetKm)))).toBeGreaterThan(15);
      // Their own object's state is there, and so is what they need to act: TCA, miss distance, Pc.
      expect(fieldValue(theirs.stateVector, 'X')).toBeDefined();
      expect(Number(fieldValue(cdm.relativeMetadataData, 'MISS_DISTANCE'))).toBeCloseTo(
        expected.miss * 1000,
        0,
      );
      expect(fieldValue(cdm.relativeMetadataData, 'COLLISION_PROBABILITY')).toBeDefined();
      expect(view.missRtnKm).toBeNull();
      const listed = (
        await inject({ method: 'GET', url: '/v1/conjunctions?limit=1000', headers: auth(otherToken) })
      ).json().items as { id: number; missRtnKm: unknown }[];
      expect(listed.find((e) => e.id === view.id)?.missRtnKm).toBeNull();
      // Nor may they follow the run or read the ephemeris.
      expect(
        (await inject({ method: 'GET', url: `/v1/screenings/${runId}`, headers: auth(otherToken) }))
          .statusCode,
      ).toBe(403);
      expect(
        (await inject({ method: 'GET', url: `/v1/ephemerides/${ephemerisId}`, headers: auth(otherToken) }))
          .statusCode,
      ).toBe(404);
    });

    it('posting the same OEM again starts nothing', async () => {
      const before = await runCount();
      const again = await post('/v1/ephemerides', ownerToken, oem);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({
        id: null,
        duplicate: true,
        screeningRunId: null,
        screening: { code: 'DUPLICATE' },
      });
      expect(await runCount()).toBe(before);
    });

    it('an element-set event in a gap of an ephemeris is not cleared; the gap is reported', async () => {
      // Unmoved SGP4 states around the element-set event outside the first coverage, with no states from 10 min
      // before it to 10 min after.
      const t = Math.round(outside.tca / 60_000) * 60_000;
      const gapOem = oemOf(
        primary,
        [
          [t - HOUR, t - 10 * 60_000],
          [t + 10 * 60_000, t + HOUR],
        ],
        [0, 0, 0],
      );
      const posted = await post('/v1/ephemerides', ownerToken, gapOem);
      expect(posted.json().screening.code).toBe('REQUESTED');
      const run = await runOf(posted.json().screeningRunId);
      expect(run.status).toBe('done');
      expect(run.stats.outsideEphemeris).toEqual([
        {
          noradCatId: primary.noradCatId,
          fromUtc: new Date(t - 10 * 60_000).toISOString(),
          toUtc: new Date(t + 10 * 60_000).toISOString(),
        },
      ]);
      const kept = (await eventsOf(primary.noradCatId)).find(
        (e) =>
          (e.primaryNorad === outside.partner || e.secondaryNorad === outside.partner) &&
          Math.abs(Date.parse(e.tcaUtc) - outside.tca) < 1000,
      );
      expect(kept).toMatchObject({ status: 'open', version: 1, lastRunId: catalogRunId });
    }, 120_000);

    it('an ephemeris run continues the element-set event of the same pair: same event, new version', async () => {
      // Move the primary 300 m towards the partner of its element-set event.
      const partner = byNorad.get(outside.partner) as ElementSet;
      const d = sub3(teme(partner, outside.tca).r, teme(primary, outside.tca).r);
      const toward: Vec = [(d[0] * 0.3) / norm(d), (d[1] * 0.3) / norm(d), (d[2] * 0.3) / norm(d)];
      const moved = movedApproach(primary, partner, toward, outside.tca);
      const t = Math.round(outside.tca / 60_000) * 60_000;
      const before = (await eventsOf(primary.noradCatId)).find(
        (e) =>
          (e.primaryNorad === outside.partner || e.secondaryNorad === outside.partner) &&
          Math.abs(Date.parse(e.tcaUtc) - outside.tca) < 1000,
      );
      const posted = await post(
        '/v1/ephemerides',
        ownerToken,
        oemOf(primary, [[t - HOUR, t + HOUR]], toward),
      );
      const id = posted.json().id;
      const run = await runOf(posted.json().screeningRunId);
      expect(run.status).toBe('done');
      const after = (await eventsOf(primary.noradCatId)).find((e) => e.id === before?.id);
      expect(after).toMatchObject({
        status: 'open',
        version: 2,
        firstRunId: catalogRunId,
        lastRunId: run.id,
      });
      expect(Math.abs((after?.missKm ?? 0) - moved.miss)).toBeLessThan(0.002);
      expect(Math.abs((after?.missKm ?? 0) - (before?.missKm ?? 0))).toBeGreaterThan(0.2);
      const versions = (
        await inject({ method: 'GET', url: `/v1/conjunctions/${before?.id}`, headers: auth(ownerToken) })
      ).json().versions as { version: number; runId: number }[];
      expect(versions.map((v) => [v.version, v.runId])).toEqual([
        [1, catalogRunId],
        [2, run.id],
      ]);
      const cdm = (version: number) =>
        inject({
          method: 'GET',
          url: `/v1/conjunctions/${before?.id}/cdm?version=${version}`,
          headers: auth(ownerToken),
        }).then((r) => r.body);
      expect(await cdm(2)).toContain(`State interpolated from ephemeris ${id}`);
      expect(await cdm(1)).not.toContain('State interpolated from ephemeris');
      expect(await alertKinds(before?.id)).toEqual(['new 1', 'updated 2']);
    }, 120_000);

    it('an OEM outside the screening window is stored and starts nothing', async () => {
      const before = await runCount();
      const late = oemOf(primary, [[window.end + HOUR, window.end + 2 * HOUR]], [0, 0, 0]);
      const posted = await post('/v1/ephemerides', ownerToken, late);
      expect(posted.statusCode).toBe(201);
      expect(posted.json()).toMatchObject({
        duplicate: false,
        screeningRunId: null,
        screening: { code: 'OUTSIDE_SCREENING_WINDOW' },
      });
      expect(await runCount()).toBe(before);
    });
  });
}
