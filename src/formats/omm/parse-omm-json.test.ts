import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseOmmJson } from './parse-omm-json.js';

const fixture = (path: string) => {
  const bytes = readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url));
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const catalog2026 = fixture('catalogs/celestrak_gp_2026-03-09to10.json.gz');
const stations = fixture('omm/celestrak_stations_gp_2026-03-10.json');

describe('parseOmmJson (CelesTrak / Space-Track GP JSON)', () => {
  it('loads the whole 2026 catalog (18,407 objects) with zero issues', () => {
    // Speed is measured by `npm run bench:load`, never by a timed test.
    const out = parseOmmJson(catalog2026, 'gp.json');
    expect(out.issues).toEqual([]);
    expect(out.records).toHaveLength(18_407);
    expect(new Set(out.records.map((r) => r.noradCatId)).size).toBe(18_407);
  });

  it('maps every field of the published ISS record, epoch to the microsecond', () => {
    const raw = (JSON.parse(stations) as Record<string, unknown>[]).find((o) => o['NORAD_CAT_ID'] === 25544);
    const iss = parseOmmJson(stations, 'stations.json').records.find((r) => r.noradCatId === 25544);
    expect(raw).toBeDefined();
    expect(iss).toMatchObject({
      catalogId: '25544',
      objectName: raw?.['OBJECT_NAME'],
      objectId: raw?.['OBJECT_ID'],
      classification: raw?.['CLASSIFICATION_TYPE'],
      epochIso: `${String(raw?.['EPOCH'])}Z`,
      meanMotionRevPerDay: raw?.['MEAN_MOTION'],
      eccentricity: raw?.['ECCENTRICITY'],
      inclinationDeg: raw?.['INCLINATION'],
      raanDeg: raw?.['RA_OF_ASC_NODE'],
      argOfPericenterDeg: raw?.['ARG_OF_PERICENTER'],
      meanAnomalyDeg: raw?.['MEAN_ANOMALY'],
      bstarPerEarthRadii: raw?.['BSTAR'],
      meanMotionDotRevPerDay2: raw?.['MEAN_MOTION_DOT'],
      meanMotionDdotRevPerDay3: raw?.['MEAN_MOTION_DDOT'],
      ephemerisType: raw?.['EPHEMERIS_TYPE'],
      elementSetNo: raw?.['ELEMENT_SET_NO'],
      revAtEpoch: raw?.['REV_AT_EPOCH'],
      origin: { file: 'stations.json', format: 'omm-json' },
    });
    // 2026-03-10T03:48:27.801504: the two-part JD keeps the microseconds.
    expect(iss?.epochIso).toBe('2026-03-10T03:48:27.801504Z');
  });

  it('loads Space-Track style records whose numbers are strings, with its extra GP columns, identically', () => {
    const objects = JSON.parse(stations) as Record<string, unknown>[];
    const asStrings = objects.map((o) => ({
      CCSDS_OMM_VERS: '2.0',
      COMMENT: 'GENERATED VIA SPACE-TRACK.ORG API',
      CREATION_DATE: '2026-03-10T06:00:00',
      ORIGINATOR: '18 SPCS',
      CENTER_NAME: 'EARTH',
      REF_FRAME: 'TEME',
      TIME_SYSTEM: 'UTC',
      MEAN_ELEMENT_THEORY: 'SGP4',
      ...Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])),
      SEMIMAJOR_AXIS: '6796.7',
      TLE_LINE1: '1 25544U ...',
      DECAY_DATE: null,
    }));
    const a = parseOmmJson(stations, 'a.json');
    const b = parseOmmJson(JSON.stringify(asStrings), 'b.json');
    expect(b.issues).toEqual([]);
    expect(b.records.map((r) => ({ ...r, origin: undefined }))).toEqual(
      a.records.map((r) => ({ ...r, origin: undefined })),
    );
  });

  it('keeps CelesTrak analyst objects, which have an empty OBJECT_ID, without issue', () => {
    const analyst = fixture('omm/celestrak_analyst_gp_2026-03-10.json.gz');
    const { records, issues } = parseOmmJson(analyst, 'analyst.json');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(418);
    expect(records.filter((r) => r.objectId === '').length).toBeGreaterThan(0);
    expect(Math.max(...records.map((r) => r.noradCatId))).toBe(270_438);
  });

  it('reports a bad value at the text line of its record and says which record', () => {
    const multiLine = stations.replace(/\},\{/g, '},\n{');
    const text = multiLine.replace('"MEAN_MOTION":15.485572,', '"MEAN_MOTION":"fifteen",');
    const { records, issues } = parseOmmJson(text, 's.json');
    expect(records).toHaveLength(32);
    expect(issues).toMatchObject([
      { line: 1, field: 'MEAN_MOTION', code: 'NOT_A_NUMBER', severity: 'error' },
    ]);
    expect(issues[0]?.message).toMatch(/^record 1: /);
    const third = multiLine.split('\n')[2] ?? '';
    const badThird = multiLine.replace(third, third.replace(/"ECCENTRICITY":[^,]*,/, '"ECCENTRICITY":1.5,'));
    expect(parseOmmJson(badThird, 's.json').issues).toMatchObject([
      { line: 3, field: 'ECCENTRICITY', code: 'OMM_VALUE_OUT_OF_RANGE' },
    ]);
  });

  it('reports malformed JSON and unknown keys', () => {
    expect(parseOmmJson('[{"EPOCH": 1,,}]', 'bad.json').issues).toMatchObject([
      { code: 'JSON_MALFORMED', line: 1 },
    ]);
    const extra = stations.replace(/"OBJECT_NAME"/g, '"SHAPE":"BOX","OBJECT_NAME"');
    const out = parseOmmJson(extra, 'x.json');
    expect(out.records).toHaveLength(33);
    expect(out.issues).toMatchObject([{ field: 'SHAPE', code: 'OMM_UNKNOWN_KEYWORD', severity: 'warning' }]);
  });
});
