import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BulkSgp4Propagator, createBulkPropagator } from '../src/core/propagation/bulk-propagator.js';
import { propagateAt } from '../src/core/propagation/propagate.js';
import { propagationErrorByte } from '../src/core/propagation/propagation-error.js';
import { createSgp4Model, type Sgp4Model } from '../src/core/propagation/sgp4-model.js';
import type { UtcInstant } from '../src/core/time/time-scale.js';
import { parseTle } from '../src/formats/tle/parse-tle.js';

const SAMPLE = new URL('../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url);
const { records } = parseTle(gunzipSync(readFileSync(SAMPLE)).toString('latin1'), 'sample');

// Every 80th object of the 26,140: ~330 objects of all kinds (LEO, GEO, deep space, Alpha-5 ids, decayed).
const models: Sgp4Model[] = [];
for (let i = 0; i < records.length; i += 80) {
  const es = records[i];
  if (!es) continue;
  const m = createSgp4Model(es);
  if (m.ok) models.push(m.value);
}

/**
 * Unix ms → UTC instant, splitting whole days first so the result is exact to ~1e-16 day. (Dividing the
 * whole millisecond count by 86,400,000 first, as a one-step conversion does, rounds at ~2e-12 day ≈ 0.2 µs,
 * which is already ~1 mm in LEO.)
 */
function exactInstant(unixMs: number): UtcInstant {
  const days = Math.floor(unixMs / 86_400_000);
  return {
    scale: 'UTC',
    jd: { whole: 2_440_587.5 + days, fraction: (unixMs - days * 86_400_000) / 86_400_000 },
  };
}

const T0 = Date.UTC(2023, 9, 9, 0, 0, 0);
// Two chunks of instants, whole milliseconds, some with odd millisecond offsets.
const CHUNK_A = Float64Array.from([0, 1, 777, 3_600_123, 86_400_000, 3 * 86_400_000 + 17], (d) => T0 + d);
const CHUNK_B = Float64Array.from(
  [-5 * 86_400_000 + 999, 7 * 86_400_000 - 1, 30 * 86_400_000],
  (d) => T0 + d,
);

let bulk: BulkSgp4Propagator;
beforeAll(async () => {
  bulk = await createBulkPropagator(models, 8);
});
afterAll(() => bulk.dispose());

function compareWithScalar(times: Float64Array): { worstKm: number; worstKmS: number; errors: number } {
  const grid = bulk.propagate(times);
  expect(grid.objectCount).toBe(models.length);
  expect(grid.timeCount).toBe(times.length);
  let worstKm = 0;
  let worstKmS = 0;
  let errors = 0;
  models.forEach((model, o) => {
    times.forEach((ms, t) => {
      const k = o * times.length + t;
      const scalar = propagateAt(model, exactInstant(ms));
      const code = grid.errorCodes[k] ?? -1;
      if (!scalar.ok) {
        errors++;
        expect(code).toBe(propagationErrorByte(scalar.code));
        expect(Number.isNaN(grid.positionsKm[3 * k] ?? 0)).toBe(true);
        return;
      }
      expect(code).toBe(0);
      for (let c = 0; c < 3; c++) {
        const dr = Math.abs((grid.positionsKm[3 * k + c] ?? Number.NaN) - (scalar.value.positionKm[c] ?? 0));
        const dv = Math.abs(
          (grid.velocitiesKmS[3 * k + c] ?? Number.NaN) - (scalar.value.velocityKmS[c] ?? 0),
        );
        worstKm = Math.max(worstKm, Number.isNaN(dr) ? Number.POSITIVE_INFINITY : dr);
        worstKmS = Math.max(worstKmS, Number.isNaN(dv) ? Number.POSITIVE_INFINITY : dv);
      }
    });
  });
  return { worstKm, worstKmS, errors };
}

describe('bulk (WebAssembly) SGP4 against scalar SGP4', () => {
  it('agrees to < 1 mm on ~330 catalog objects, and the satrecs are reused for a second chunk', () => {
    expect(models.length).toBeGreaterThan(300);
    const a = compareWithScalar(CHUNK_A);
    expect(a.worstKm).toBeLessThan(1e-6);
    expect(a.worstKmS).toBeLessThan(1e-9);
    const b = compareWithScalar(CHUNK_B);
    expect(b.worstKm).toBeLessThan(1e-6);
    expect(b.worstKmS).toBeLessThan(1e-9);
    // 30 days out some objects of the sample must decay: the error path is exercised, not only the happy one.
    expect(b.errors).toBeGreaterThan(0);
  });

  it('re-bases its time reference for instants years away, giving what a fresh propagator gives', async () => {
    const later = Float64Array.from([3, 3.5, 4], (y) => T0 + y * 365.25 * 86_400_000);
    const rebased = bulk.propagate(later);
    const fresh = await createBulkPropagator(models, later.length);
    try {
      const reference = fresh.propagate(later);
      expect(Array.from(rebased.errorCodes)).toEqual(Array.from(reference.errorCodes));
      let worst = 0;
      rebased.positionsKm.forEach((v, i) => {
        const r = reference.positionsKm[i] ?? Number.NaN;
        if (!Number.isNaN(v) || !Number.isNaN(r)) worst = Math.max(worst, Math.abs(v - r));
      });
      expect(worst).toBeLessThan(1e-9);
      // And back: the first chunk again still agrees with the scalar path.
      expect(compareWithScalar(CHUNK_A).worstKm).toBeLessThan(1e-6);
    } finally {
      fresh.dispose();
    }
  });

  it('refuses more instants than it was created for', () => {
    expect(() => bulk.propagate(new Float64Array(9))).toThrow(/at most 8/);
  });
});
