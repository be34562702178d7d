import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolateEphemeris } from '../../../core/orbits/ephemeris-interpolation.js';
import type { OemParseResult } from './oem-builder.js';
import { parseOemKvn } from './oem-kvn.js';
import { parseOemXml } from './oem-xml.js';

const dir = new URL('../../../../test/fixtures/ccsds/oem/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const parse = (name: string): OemParseResult =>
  read(name).trimStart().startsWith('<') ? parseOemXml(read(name), name) : parseOemKvn(read(name), name);

/** Orekit's negative OEM samples and the issue each must raise. */
const NEGATIVE: Record<string, { codes: string[]; field?: string }> = {
  'OEM-covariance-number-format-error.txt': { codes: ['OEM_NOT_A_NUMBER'], field: 'COVARIANCE' },
  'OEM-ephemeris-number-format-error.txt': { codes: ['OEM_NOT_A_NUMBER'], field: 'EPHEMERIS' },
  'OEM-inconsistent-time-systems.txt': { codes: ['OEM_INCONSISTENT_TIME_SYSTEMS'], field: 'TIME_SYSTEM' },
  'OEM-keyword-within-covariance.txt': { codes: ['OEM_KEYWORD_IN_DATA'], field: 'USER_DEFINED_TEST_KEY' },
  'OEM-keyword-within-ephemeris.txt': { codes: ['OEM_KEYWORD_IN_DATA'], field: 'USER_DEFINED_TEST_KEY' },
  'OEM-too-few-covariance-columns.txt': { codes: ['OEM_COVARIANCE_COLUMNS'] },
  'OEM-too-large-covariance-dimension.txt': { codes: ['OEM_COVARIANCE_COLUMNS', 'OEM_COVARIANCE_DIMENSION'] },
  'OEM-too-many-covariance-columns.txt': { codes: ['OEM_COVARIANCE_COLUMNS'] },
  'OEM-too-small-covariance-dimension.txt': { codes: ['OEM_COVARIANCE_DIMENSION'] },
  'OEM-wrong-keyword.txt': { codes: ['OEM_UNKNOWN_KEYWORD'], field: 'WRONG_KEYWORD' },
};
// OEMExample7.txt.pre/.post are fragments Orekit's writer test wraps around generated data, not messages.
const all = readdirSync(dir).filter((n) => /\.(txt|xml|oem)$/.test(n));
const positive = all.filter((n) => !(n in NEGATIVE));

describe('Orekit OEM samples', () => {
  it('has 26 messages: 16 positive, 10 negative', () => {
    expect(all).toHaveLength(26);
    expect(positive).toHaveLength(16);
  });

  it.each(positive)('parses %s', (name) => {
    const r = parse(name);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.oem?.segments.length).toBeGreaterThan(0);
    for (const s of r.oem?.segments ?? []) expect(s.states.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(NEGATIVE))('rejects %s with a clear message', (name, expected) => {
    const r = parse(name);
    expect(r.oem).toBeUndefined();
    const issue = r.issues.find((i) => expected.codes.includes(i.code));
    expect(issue, JSON.stringify(r.issues)).toBeDefined();
    if (expected.field) expect(issue?.field).toBe(expected.field);
    expect(issue?.line).toBeGreaterThan(0);
  });

  it('reads segments, covariance blocks and interpolation metadata of OEMExample5 and the XML example', () => {
    const ex1 = parse('OEMExample1.txt').oem;
    expect(ex1?.segments).toHaveLength(3);
    const cov = ex1?.segments.flatMap((s) => s.covariances) ?? [];
    expect(cov).toHaveLength(3);
    // First covariance of the sample: CX_X = 3.3313494e-04 km^2, CY_X = 4.6189273e-04 (symmetric copy kept).
    const c = cov[0]?.covariance;
    expect(c?.[0]).toBe(3.3313494e-4);
    expect(c?.[1]).toBe(4.6189273e-4);
    expect(c?.[6]).toBe(4.6189273e-4);
    const xml = parse('OEMExample3.xml').oem;
    expect(xml?.segments[0]?.metadata.interpolation).toBe('HERMITE');
    expect(xml?.segments[0]?.metadata.interpolationDegree).toBe(7);
    expect(xml?.segments[0]?.states[0]?.accelerationKmS2?.[2]).toBeCloseTo(-0.159, 12);
    expect(parse('oemLowerCaseValue.oem').oem?.segments[0]?.metadata.interpolation).toBe('LAGRANGE');
  });
});

describe('ephemeris interpolation on a published ephemeris (leave-one-out)', () => {
  // The only densely sampled LEO ephemeris among the samples: 6 states 60 s apart.
  const seg = parse('oemLowerCaseValue.oem').oem?.segments[0];
  const states = seg?.states ?? [];
  const cases = [
    ['LAGRANGE', 4, 0.01],
    ['HERMITE', 4, 0.01],
    ['HERMITE', 2, 0.002],
  ] as const;
  it.each(cases)(
    '%s degree %i recovers each interior sample it did not see within %d km',
    (method, degree, toleranceKm) => {
      expect(states).toHaveLength(6);
      let worstKm = 0;
      for (let i = 1; i < states.length - 1; i++) {
        const target = states[i];
        if (!target) continue;
        const others = states.filter((_, j) => j !== i);
        const r = interpolateEphemeris(others, target.tSeconds, method, degree);
        if (!r.ok) throw new Error(r.message);
        for (let k = 0; k < 3; k++)
          worstKm = Math.max(worstKm, Math.abs((r.value.positionKm[k] ?? 0) - (target.positionKm[k] ?? 0)));
      }
      // Dropping a sample doubles the gap to 120 s: Hermite (positions and velocities) still recovers it to
      // metres, Lagrange on positions only to kilometres.
      expect(worstKm).toBeLessThan(toleranceKm);
    },
  );
  it('refuses to extrapolate', () => {
    const r = interpolateEphemeris(states, (states[states.length - 1]?.tSeconds ?? 0) + 1, 'LAGRANGE', 5);
    expect(r.ok).toBe(false);
  });
});
