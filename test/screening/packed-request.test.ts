import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import type { ScreeningObject, ScreeningRequest } from '../../src/core/screening/screening-types.js';
import { packRequest, unpackRequest } from '../../src/edges/workers/packed-request.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';

const text = gunzipSync(
  readFileSync(new URL('../fixtures/screening/dense-leo-490-spread.3le.gz', import.meta.url)),
).toString();
const catalog: ScreeningObject[] = parseTle(text, 'dense-leo-490-spread').records.map((es) => {
  // The TLE column spelling is not screening data: workers do not receive it.
  const { tleStyle: _style, ...elementSet } = es;
  return { elementSet, regime: classifyRegime(es) };
});

describe('the request the workers receive', () => {
  it('unpacks to the same objects and settings, ephemeris objects included', () => {
    const ephemerisObject = {
      ephemeris: { segments: [] },
      regime: 'LEO',
      noradCatId: 99_999,
    } as unknown as ScreeningObject;
    const objects = [...catalog.slice(0, 3), ephemerisObject, ...catalog.slice(3)];
    const request: ScreeningRequest = {
      objects,
      startUnixMs: Date.UTC(2023, 9, 9),
      endUnixMs: Date.UTC(2023, 9, 10),
      thresholdKm: 5,
      primaryIndices: [3, 10],
      maxElementSetAgeDays: 30,
    };
    const packed = structuredClone(packRequest(request));
    expect(packed.numbers.length).toBe(16 * objects.length);
    expect(unpackRequest(packed)).toEqual(request);
  });
});
