import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../formats/tle/parse-tle.js';
import { SeededRandom } from '../risk/seeded-random.js';
import { orbitEnvelope } from './orbit-envelope.js';
import { radialTermsOf, sgp4RadialBoundsKm } from './sgp4-radial-bounds.js';
import { Sgp4States } from './sgp4-states.js';

/**
 * The radial bounds are what lets one-vs-all screening drop a secondary without propagating it, so they are
 * checked against SGP4 itself on the bundled 2023-10-09 catalog: every near-Earth element set, 7-day window
 * from the catalog date, SGP4 radius at pseudo-random times and at a fine grid over the first orbit.
 */
const text = gunzipSync(
  readFileSync(new URL('../../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url)),
).toString();
const sets = parseTle(text, 'spacetrack_3le_2023-10-09.txt.gz').records;
const states = new Sgp4States(sets);
const start = Date.UTC(2023, 9, 9, 12);
const end = start + 7 * 86_400_000;

describe('SGP4 radial bounds over a window', () => {
  it('take the coefficients satellite.js computes, from the elements alone (every record of the catalog)', () => {
    const fields = [
      'no',
      'ecco',
      'bstar',
      'cc1',
      'cc4',
      'cc5',
      'd2',
      'd3',
      'd4',
      'sinmao',
      'aycof',
      'con41',
      'x1mth2',
    ] as const;
    let compared = 0;
    let worst = 0;
    for (let i = 0; i < sets.length; i++) {
      const satrec = states.satrecs[i];
      if (!satrec || states.initError[i] !== 0) continue;
      const terms = radialTermsOf(sets[i] as (typeof sets)[number]);
      expect(terms).toBeDefined();
      if (!terms) continue;
      expect(terms.method).toBe(satrec.method);
      expect(terms.isimp).toBe(satrec.isimp);
      // Deep-space records are bounded by the element-only shell: their drag fields need not match.
      if (satrec.method !== 'n') continue;
      for (const f of fields) {
        const a = terms[f];
        const b = satrec[f];
        const scale = Math.max(Math.abs(b), 1e-300);
        worst = Math.max(worst, Math.abs(a - b) / scale);
      }
      compared += 1;
    }
    console.log(`${compared} near-Earth records: largest relative difference ${worst.toExponential(2)}`);
    expect(compared).toBeGreaterThan(20_000);
    expect(worst).toBeLessThan(1e-9);
  });

  it('contain every SGP4 radius of every near-Earth object of the 2023 catalog (7 days)', () => {
    const out = new Float64Array(6);
    const rng = new SeededRandom(7);
    const random = () => rng.nextDouble();
    let objects = 0;
    let samples = 0;
    let worstInsideKm = Number.POSITIVE_INFINITY;
    const gain: number[] = [];
    for (let i = 0; i < sets.length; i++) {
      const satrec = states.satrecs[i];
      if (!satrec || states.initError[i] !== 0) continue;
      const epoch = states.epochsUnixMs[i] as number;
      const b = sgp4RadialBoundsKm(satrec, (start - epoch) / 60_000, (end - epoch) / 60_000);
      if (!b) continue;
      objects += 1;
      const periodMs = ((2 * Math.PI) / satrec.no) * 60_000;
      const times: number[] = [];
      for (let k = 0; k < 40; k++) times.push(start + random() * (end - start));
      for (let k = 0; k <= 60; k++) times.push(start + (k / 60) * periodMs, end - (k / 60) * periodMs);
      for (const t of times) {
        if (states.stateAt(i, t, out, 0) !== 0) continue;
        const r = Math.hypot(out[0] as number, out[1] as number, out[2] as number);
        samples += 1;
        worstInsideKm = Math.min(worstInsideKm, r - b.minKm, b.maxKm - r);
      }
      const env = orbitEnvelope(sets[i] as (typeof sets)[number], 7);
      const loose = env.apogeeRadiusKm - env.perigeeRadiusKm + 2 * env.shellPaddingKm;
      gain.push(loose - (b.maxKm - b.minKm));
    }
    gain.sort((x, y) => x - y);
    console.log(
      `${objects} objects, ${samples} SGP4 radii: closest to a bound ${worstInsideKm.toFixed(3)} km inside; shell narrower than the element-only padding by ${gain[gain.length >> 1]?.toFixed(1)} km (median)`,
    );
    expect(objects).toBeGreaterThan(20_000);
    expect(samples).toBeGreaterThan(objects * 100);
    expect(worstInsideKm).toBeGreaterThanOrEqual(0);
    // Not vacuous: the bounds are tight enough that some radius comes within 2 km of one.
    expect(worstInsideKm).toBeLessThan(2);
  });

  it('the ISS: a shell of about ±12 km around its mean perigee and apogee; deep space is left alone', () => {
    const iss = sets.findIndex((s) => s.noradCatId === 25544);
    const satrec = states.satrecs[iss];
    if (!satrec) throw new Error('no ISS record');
    const epoch = states.epochsUnixMs[iss] as number;
    const b = sgp4RadialBoundsKm(satrec, (start - epoch) / 60_000, (end - epoch) / 60_000);
    const env = orbitEnvelope(sets[iss] as (typeof sets)[number], 7);
    expect(b).toBeDefined();
    if (!b) return;
    expect(env.perigeeRadiusKm - b.minKm).toBeGreaterThan(5);
    expect(env.perigeeRadiusKm - b.minKm).toBeLessThan(25);
    expect(b.maxKm - env.apogeeRadiusKm).toBeLessThan(25);
    const geo = sets.findIndex((s) => s.meanMotionRevPerDay < 1.1 && s.meanMotionRevPerDay > 0.9);
    const geoRecord = states.satrecs[geo];
    if (!geoRecord) throw new Error('no GEO record');
    expect(sgp4RadialBoundsKm(geoRecord, 0, 10_080)).toBeUndefined();
  });
});
