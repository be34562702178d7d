import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOmmKvn, parseOmmKvnMessages } from './parse-omm-kvn.js';

const orekit = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/omm/orekit/${name}`, import.meta.url), 'utf8');

// Expected values are those asserted by Orekit's OmmParserTest on the same files.
describe('parseOmmKvn on the Orekit OMM samples', () => {
  it('OMMExample1: header, metadata, mean elements and TLE parameters', () => {
    const messages = parseOmmKvnMessages(orekit('OMMExample1.txt'), 'OMMExample1.txt');
    expect(messages.issues).toEqual([]);
    const m = messages.records[0];
    expect(m?.header).toMatchObject({
      formatVersion: '3.0',
      creationDate: '2007-065T16:00:00',
      originator: 'NOAA/USA',
    });
    expect(m?.header.messageId).toBeUndefined();
    expect(m?.metadata).toMatchObject({
      objectName: 'GOES 9',
      objectId: '1995-025A',
      centerName: 'EARTH',
      refFrame: 'TEME',
      timeSystem: 'UTC',
      meanElementTheory: 'SGP/SGP4',
    });
    expect(m?.data.meanElements.gmKm3PerS2).toBe(398600.8);

    const { records, issues } = parseOmmKvn(orekit('OMMExample1.txt'), 'OMMExample1.txt');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      catalogId: '23581',
      noradCatId: 23581,
      objectName: 'GOES 9',
      objectId: '1995-025A',
      classification: 'U',
      // Orekit: new AbsoluteDate(2007, 03, 05, 10, 34, 41.4264, UTC)
      epochIso: '2007-03-05T10:34:41.426400Z',
      meanMotionRevPerDay: 1.00273272,
      eccentricity: 0.0005013,
      inclinationDeg: 3.0539,
      raanDeg: 81.7939,
      argOfPericenterDeg: 249.2363,
      meanAnomalyDeg: 150.1602,
      bstarPerEarthRadii: 0.0001,
      meanMotionDotRevPerDay2: -0.00000113,
      meanMotionDdotRevPerDay3: 0,
      ephemerisType: 0,
      elementSetNo: 925,
      revAtEpoch: 4316,
      origin: { file: 'OMMExample1.txt', line: 1, format: 'omm-kvn' },
    });
  });

  it('OMMExample2: the 21 covariance terms (Orekit expects them in m², i.e. km² x 1e6)', () => {
    const { records, issues } = parseOmmKvnMessages(orekit('OMMExample2.txt'), 'OMMExample2.txt');
    expect(issues).toEqual([]);
    const cov = records[0]?.data.covarianceMatrix;
    expect(cov?.covRefFrame).toBe('TEME');
    expect(cov?.lowerTriangle).toHaveLength(21);
    const m2 = Array.from(cov?.lowerTriangle ?? [], (v) => v * 1e6);
    expect(m2[0]).toBeCloseTo(333.1349476038534, 9); // CX_X
    expect(m2[3]).toBeCloseTo(-307.0007847730449, 9); // CZ_X
    expect(m2[9]).toBeCloseTo(0.000429602280558729, 15); // CX_DOT_X_DOT
    expect(m2[20]).toBeCloseTo(0.00062244443386355, 15); // CZ_DOT_Z_DOT
  });

  it('OMMExample3 (theory SOME THEORY, TOD, MRT, SEMI_MAJOR_AXIS) parses as an OMM but is no SGP4 element set', () => {
    const text = orekit('OMMExample3.txt');
    const messages = parseOmmKvnMessages(text, 'OMMExample3.txt');
    expect(messages.issues).toEqual([]);
    const m = messages.records[0];
    expect(m?.header.formatVersion).toBe('2.0');
    expect(m?.header.comments).toEqual(['this is a comment', 'here is another one']);
    expect(m?.metadata.comments).toEqual(["this comment doesn't say much"]);
    expect(m?.metadata.refFrameEpoch).toBe('2000-003T10:34:00');
    expect(m?.data.meanElements.comments).toEqual(["the following data is what we're looking for"]);
    expect(m?.data.meanElements.semiMajorAxisKm).toBe(6800);
    expect(m?.data.spacecraftParameters).toMatchObject({
      comments: ['spacecraft data'],
      massKg: 300,
      solarRadAreaM2: 5,
      solarRadCoeff: 0.001,
      dragAreaM2: 4,
      dragCoeff: 0.002,
    });
    expect(m?.data.covarianceMatrix?.comments).toEqual(['Covariance matrix']);
    expect(m?.data.covarianceMatrix?.covRefFrame).toBe('TNW');
    expect(Object.fromEntries(m?.data.userDefinedParameters ?? [])).toEqual({ EARTH_MODEL: 'WGS-84' });

    const sets = parseOmmKvn(text, 'OMMExample3.txt');
    expect(sets.records).toEqual([]);
    expect(sets.issues.map((i) => [i.line, i.field, i.code])).toEqual(
      expect.arrayContaining([
        [14, 'MEAN_ELEMENT_THEORY', 'OMM_UNSUPPORTED_THEORY'],
        [11, 'REF_FRAME', 'OMM_UNSUPPORTED_FRAME'],
        [13, 'TIME_SYSTEM', 'OMM_UNSUPPORTED_TIME_SYSTEM'],
      ]),
    );
  });

  it('OMMExample5 (SGP4-XP with BTERM/AGOM) parses as an OMM and is refused for SGP4 with a specific code', () => {
    const text = orekit('OMMExample5.txt');
    const m = parseOmmKvnMessages(text, 'OMMExample5.txt').records[0];
    expect(m?.metadata.meanElementTheory).toBe('SGP4-XP');
    expect(m?.data.meanElements.meanMotionRevPerDay).toBe(1.00273272);
    expect(m?.data.tleParameters?.bstarPerEarthRadii).toBeUndefined();
    expect(m?.data.tleParameters?.btermM2PerKg).toBe(0.0015);
    expect(m?.data.tleParameters?.agomM2PerKg).toBe(0.001);
    const sets = parseOmmKvn(text, 'OMMExample5.txt');
    expect(sets.records).toEqual([]);
    expect(sets.issues).toMatchObject([
      { line: 10, field: 'MEAN_ELEMENT_THEORY', code: 'OMM_UNSUPPORTED_THEORY', severity: 'error' },
    ]);
  });

  it('OMMExample4 (CelesTrak-style, leading-dot numbers) gives the same elements as its XML twin', () => {
    const { records, issues } = parseOmmKvn(orekit('OMMExample4.txt'), 'OMMExample4.txt');
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      catalogId: '7646',
      objectName: 'STARLETTE',
      epochIso: '2021-03-22T13:21:09.224928Z',
      eccentricity: 0.0205751,
      bstarPerEarthRadii: -0.47102e-5,
      meanMotionDotRevPerDay2: -0.147e-5,
      elementSetNo: 999,
      revAtEpoch: 32997,
    });
  });
});

describe('parseOmmKvn negative cases (Orekit expectations)', () => {
  it('OMM-wrong-keyword: unknown keyword WRONG_KEYWORD at line 9 rejects the message', () => {
    const { records, issues } = parseOmmKvn(orekit('OMM-wrong-keyword.txt'), 'OMM-wrong-keyword.txt');
    expect(records).toEqual([]);
    expect(issues).toMatchObject([
      {
        file: 'OMM-wrong-keyword.txt',
        line: 9,
        field: 'WRONG_KEYWORD',
        code: 'OMM_UNKNOWN_KEYWORD',
        severity: 'error',
      },
    ]);
  });

  it('OMM-number-format-error: ARG_OF_PERICENTER at line 15 is not a number', () => {
    const { records, issues } = parseOmmKvn(orekit('OMM-number-format-error.txt'), 'bad.txt');
    expect(records).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 15,
      field: 'ARG_OF_PERICENTER',
      code: 'NOT_A_NUMBER',
      severity: 'error',
    });
    expect(issues[0]?.message).toContain('this-is-not-a-number');
  });

  it('OMM-empty-object-id: Orekit refuses it; Concord keeps the element set with a warning naming line 6', () => {
    const { records, issues } = parseOmmKvn(orekit('OMM-empty-object-id.txt'), 'empty.txt');
    expect(records).toHaveLength(1);
    expect(records[0]?.objectId).toBe('');
    expect(issues).toMatchObject([
      { line: 6, field: 'OBJECT_ID', code: 'OMM_EMPTY_OBJECT_ID', severity: 'warning' },
    ]);
  });
});

describe('parseOmmKvn rules', () => {
  const example1 = orekit('OMMExample1.txt');

  it('reads several concatenated OMMs, each located at its CCSDS_OMM_VERS line', () => {
    const text = `${example1}${orekit('OMMExample4.txt')}`;
    const { records, issues } = parseOmmKvn(text, 'two.txt');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.catalogId, r.origin.line])).toEqual([
      ['23581', 1],
      ['7646', example1.split('\n').length],
    ]);
  });

  it('checks units in [...] against the keyword table', () => {
    const good = example1.replace('MEAN_MOTION       = 1.00273272', 'MEAN_MOTION = 1.00273272 [REV/DAY]');
    expect(parseOmmKvn(good, 'u.txt').issues).toEqual([]);
    const bad = example1.replace('INCLINATION       =   3.0539', 'INCLINATION = 3.0539 [rad]');
    const out = parseOmmKvn(bad, 'u.txt');
    expect(out.records).toEqual([]);
    expect(out.issues).toMatchObject([{ line: 15, field: 'INCLINATION', code: 'OMM_WRONG_UNIT' }]);
  });

  it('keeps a trailing [..] of a text value as text (CelesTrak names such as DELTA 1 DEB [YO])', () => {
    const text = example1.replace('OBJECT_NAME     = GOES 9', 'OBJECT_NAME     = DELTA 1 DEB [YO]');
    const { records, issues } = parseOmmKvn(text, 'n.txt');
    expect(issues).toEqual([]);
    expect(records[0]?.objectName).toBe('DELTA 1 DEB [YO]');
  });

  it('reports a missing mandatory keyword, a duplicate and a keyword out of its part', () => {
    const missing = parseOmmKvn(example1.replace(/^MEAN_ANOMALY.*\n/m, ''), 'm.txt');
    expect(missing.issues).toMatchObject([{ line: 1, field: 'MEAN_ANOMALY', code: 'OMM_MISSING_KEYWORD' }]);
    const duplicate = parseOmmKvn(example1.replace('GM ', 'ECCENTRICITY = 0.1\nGM '), 'd.txt');
    expect(duplicate.issues).toMatchObject([
      { line: 19, field: 'ECCENTRICITY', code: 'OMM_DUPLICATE_KEYWORD' },
    ]);
    const misplaced = parseOmmKvn(example1.replace('GM ', 'OBJECT_NAME = X\nGM '), 'p.txt');
    expect(misplaced.issues).toMatchObject([
      { line: 19, field: 'OBJECT_NAME', code: 'OMM_UNEXPECTED_KEYWORD' },
    ]);
  });

  it('supports catalog numbers above 339999, which only OMM can carry', () => {
    const text = example1.replace('NORAD_CAT_ID      = 23581', 'NORAD_CAT_ID      = 812345');
    expect(parseOmmKvn(text, 'big.txt').records[0]).toMatchObject({
      catalogId: '812345',
      noradCatId: 812345,
    });
  });
});
