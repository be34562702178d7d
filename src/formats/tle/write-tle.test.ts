import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../core/orbits/element-set.js';
import { parseTle } from './parse-tle.js';
import { writeTle } from './write-tle.js';

const SAMPLE_CATALOG = new URL('../../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url);
const catalogText = gunzipSync(readFileSync(SAMPLE_CATALOG)).toString('latin1');

const ISS_LINE1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_LINE2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

/** Drop the TLE spelling hints: what an element set from OMM looks like to the writer. */
function plain(es: ElementSet): ElementSet {
  const { tleStyle: _ignored, ...rest } = es as ElementSet & { tleStyle?: unknown };
  return rest;
}

describe('writeTle', () => {
  it('gives back every line of the 2023-10-09 catalog byte for byte (78,420 lines)', () => {
    const { records, issues } = parseTle(catalogText, 'sample');
    expect(issues).toEqual([]);
    const original = catalogText
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== '');
    const written: string[] = [];
    for (const es of records) {
      const r = writeTle(es, '3le-spacetrack');
      if (!r.ok) throw new Error(r.message);
      written.push(...r.value);
    }
    expect(written).toHaveLength(original.length);
    const mismatches = written.filter((l, i) => l !== original[i]);
    expect(mismatches).toEqual([]);
  });

  it('writes Space-Track style when no source spelling is known, with the same values', () => {
    const { records } = parseTle(catalogText, 'sample');
    const canonicalLines: string[] = [];
    let differing = 0;
    for (const es of records) {
      const canonical = writeTle(plain(es), '2le');
      if (!canonical.ok) throw new Error(canonical.message);
      canonicalLines.push(...canonical.value);
      const original = writeTle(es, '2le');
      if (original.ok && original.value.join() !== canonical.value.join()) differing++;
    }
    const again = parseTle(canonicalLines.join('\n'), 'again');
    expect(again.issues).toEqual([]);
    expect(again.records).toHaveLength(records.length);
    const VALUE_FIELDS = [
      'noradCatId',
      'objectId',
      'classification',
      'epochIso',
      'meanMotionRevPerDay',
      'eccentricity',
      'inclinationDeg',
      'raanDeg',
      'argOfPericenterDeg',
      'meanAnomalyDeg',
      'bstarPerEarthRadii',
      'meanMotionDotRevPerDay2',
      'meanMotionDdotRevPerDay3',
      'ephemerisType',
      'elementSetNo',
      'revAtEpoch',
    ] as const;
    const changed: string[] = [];
    again.records.forEach((back, i) => {
      const es = records[i];
      if (!es) return;
      for (const f of VALUE_FIELDS)
        if (back[f] !== es[f]) changed.push(`${es.catalogId} ${f}: ${back[f]} vs ${es[f]}`);
      // Old blank-padded ids come back zero-padded.
      if (back.catalogId !== es.catalogId.padStart(5, '0')) changed.push(`${es.catalogId} catalogId`);
    });
    expect(changed).toEqual([]);
    // The catalog mixes spellings (`+.0000`, ` 00000+0`, ` 4567`): some lines differ only in those columns.
    expect(differing).toBeGreaterThan(0);
  });

  it('writes the CelesTrak ISS example exactly, in all three layouts', () => {
    const es = parseTle(`ISS (ZARYA)\n${ISS_LINE1}\n${ISS_LINE2}\n`, 'iss').records[0];
    expect(es).toBeDefined();
    if (!es) return;
    expect(writeTle(es, '2le')).toEqual({ ok: true, value: [ISS_LINE1, ISS_LINE2] });
    expect(writeTle(es, '3le-spacetrack')).toEqual({
      ok: true,
      value: ['0 ISS (ZARYA)', ISS_LINE1, ISS_LINE2],
    });
    expect(writeTle(es, '3le-celestrak')).toEqual({
      ok: true,
      value: ['ISS (ZARYA)             ', ISS_LINE1, ISS_LINE2],
    });
  });

  it('writes Alpha-5 ids and refuses ids beyond Z9999', () => {
    const es = parseTle(`${ISS_LINE1}\n${ISS_LINE2}\n`, 'iss').records[0];
    if (!es) throw new Error('no record');
    const alpha = writeTle({ ...plain(es), noradCatId: 270_001, catalogId: 'T0001' }, '2le');
    expect(alpha.ok && alpha.value.map((l) => l.slice(2, 7))).toEqual(['T0001', 'T0001']);
    const tooBig = writeTle({ ...plain(es), noradCatId: 340_000, catalogId: '340000' }, '2le');
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.code).toBe('TLE_ID_OUT_OF_RANGE');
  });

  it('refuses values that do not fit their columns', () => {
    const es = parseTle(`${ISS_LINE1}\n${ISS_LINE2}\n`, 'iss').records[0];
    if (!es) throw new Error('no record');
    for (const bad of [{ eccentricity: 1.2 }, { meanMotionRevPerDay: 120 }, { raanDeg: -5 }]) {
      const r = writeTle({ ...es, ...bad }, '2le');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('TLE_FIELD_OUT_OF_RANGE');
    }
  });
});
