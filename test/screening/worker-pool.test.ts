import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import { screenCatalog } from '../../src/core/screening/screen-catalog.js';
import type { ScreeningRequest, ScreeningResult } from '../../src/core/screening/screening-types.js';
import { screenWithWorkers } from '../../src/edges/workers/screen-pool.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';

// Workers run the compiled screening code in dist/ (`npm test` builds it first), with the WASM bulk SGP4,
// whose knots differ from the scalar SGP4 of `screenCatalog` by about 0.2 m: workers are compared with workers.
const text = gunzipSync(
  readFileSync(new URL('../fixtures/screening/dense-leo-490-spread.3le.gz', import.meta.url)),
).toString();
const objects = parseTle(text, 'dense-leo-490-spread').records.map((es) => ({
  elementSet: es,
  regime: classifyRegime(es),
}));
const start = Date.UTC(2023, 9, 9, 6);
const base: ScreeningRequest = {
  objects,
  startUnixMs: start,
  endUnixMs: start + 6 * 3_600_000,
  thresholdKm: 5,
};

/** Everything but the timing-free counters that depend on how the work was split (knots propagated per worker). */
function comparable(r: ScreeningResult) {
  const { knotEvaluations: _k, exactSgp4Calls: _e, ...stats } = r.stats;
  return { conjunctions: r.conjunctions, persistent: r.persistent, exclusions: r.exclusions, stats };
}

describe('the worker pool gives the same result whatever the number of workers', () => {
  it('all-vs-all (workers share the time chunks)', async () => {
    const request = { ...base, endUnixMs: start + 2 * 3_600_000, chunkSteps: 90 };
    const one = await screenWithWorkers(request, { workers: 1 });
    const two = await screenWithWorkers(request, { workers: 2 });
    expect(one.conjunctions.length).toBeGreaterThan(0);
    expect(comparable(two)).toEqual(comparable(one));
  });

  it('one-vs-all (workers split the secondaries)', async () => {
    const all = screenCatalog({ ...base, endUnixMs: start + 2 * 3_600_000 });
    // Primaries that meet something, two of them with each other.
    const first = all.conjunctions[0];
    expect(first).toBeDefined();
    const primaries = new Set<number>([first?.index1 as number, first?.index2 as number]);
    for (const e of all.conjunctions) if (primaries.size < 8) primaries.add(e.index1);
    const request = { ...base, primaryIndices: [...primaries], chunkSteps: 30 };
    const one = await screenWithWorkers(request, { workers: 1 });
    const progress: number[] = [];
    const three = await screenWithWorkers(request, {
      workers: 3,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(one.conjunctions.length).toBeGreaterThan(primaries.size - 1);
    expect(comparable(three)).toEqual(comparable(one));
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, k) => k === 0 || p >= (progress[k - 1] as number))).toBe(true);
  });
});
