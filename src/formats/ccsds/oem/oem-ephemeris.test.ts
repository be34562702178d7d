import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OemParseResult } from './oem-builder.js';
import { oemEphemerides } from './oem-ephemeris.js';
import { parseOemKvn } from './oem-kvn.js';
import { parseOemXml } from './oem-xml.js';

const dir = new URL('../../../../test/fixtures/ccsds/oem/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const parse = (name: string): OemParseResult =>
  read(name).trimStart().startsWith('<') ? parseOemXml(read(name), name) : parseOemKvn(read(name), name);

/** What screening makes of each Orekit OEM sample that parses: objects, or the refusal codes. */
const EXPECTED: Record<string, { objects: number; errors: string[]; warnings: string[] }> = {
  'ISS.resampled.truncated.txt': { objects: 1, errors: [], warnings: ['OEM_SPARSE_SAMPLING'] },
  'OEM-Issue839.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample1.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample2.txt': {
    objects: 0,
    errors: ['OEM_UNSUPPORTED_FRAME', 'OEM_UNSUPPORTED_TIME_SYSTEM'],
    warnings: [],
  },
  'OEMExample3.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample3.xml': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample4.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample5.txt': { objects: 1, errors: [], warnings: ['OEM_SPARSE_SAMPLING'] },
  'OEMExample5ITRF.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_FRAME'], warnings: [] },
  'OEMExample6.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample8.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'OEMExample9.txt': {
    objects: 0,
    errors: ['OEM_UNSUPPORTED_FRAME', 'OEM_UNSUPPORTED_TIME_SYSTEM'],
    warnings: [],
  },
  'OEMExampleWithHeaderComment.txt': { objects: 0, errors: ['OEM_UNSUPPORTED_CENTER'], warnings: [] },
  'oemLowerCaseValue.oem': { objects: 1, errors: [], warnings: [] },
  'test.oem': { objects: 1, errors: [], warnings: [] },
  'test_cov.oem': { objects: 0, errors: ['OEM_UNSUPPORTED_FRAME'], warnings: [] },
};

describe('Orekit OEM samples as ephemerides to screen', () => {
  const parsed = readdirSync(dir)
    .filter((n) => /\.(txt|xml|oem)$/.test(n))
    .filter((n) => parse(n).oem !== undefined);

  it('covers every sample that parses', () => {
    expect(parsed.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const oem = parse(name).oem;
    if (!oem) throw new Error('does not parse');
    const { objects, issues } = oemEphemerides(oem, name);
    const codes = (severity: string) =>
      [...new Set(issues.filter((i) => i.severity === severity).map((i) => i.code))].sort();
    expect(codes('error')).toEqual(expected.errors);
    expect(codes('warning')).toEqual(expected.warnings);
    expect(objects).toHaveLength(expected.objects);
    for (const i of issues) {
      expect(i.file).toBe(name);
      expect(i.line).toBeGreaterThan(0);
      expect(i.field).not.toBe('');
    }
  });

  it('converts EME2000 states to TEME of date, epochs to UTC, keeping the stated interpolation', () => {
    const oem = parse('oemLowerCaseValue.oem').oem;
    if (!oem) throw new Error('does not parse');
    const [object] = oemEphemerides(oem, 'oemLowerCaseValue.oem').objects;
    const segment = object?.ephemeris.segments[0];
    expect(object?.interpolation).toEqual(['LAGRANGE 5']);
    expect(segment?.epochsUnixMs[0]).toBe(Date.UTC(2015, 7, 27));
    expect(segment?.usableStopUnixMs).toBe(Date.UTC(2015, 7, 27, 0, 5));
    // A rotation: radius and speed unchanged; EME2000 → TEME of 2015 turns by precession (≈ 0.2°) only.
    const source = oem.segments[0]?.states[0];
    const r = Math.hypot(...(source?.positionKm ?? []));
    const t = segment?.statesTeme.slice(0, 3) ?? new Float64Array(3);
    expect(Math.hypot(...t)).toBeCloseTo(r, 9);
    const cos =
      ((source?.positionKm[0] ?? 0) * (t[0] ?? 0) +
        (source?.positionKm[1] ?? 0) * (t[1] ?? 0) +
        (source?.positionKm[2] ?? 0) * (t[2] ?? 0)) /
      (r * r);
    expect((Math.acos(cos) * 180) / Math.PI).toBeGreaterThan(0.1);
    expect((Math.acos(cos) * 180) / Math.PI).toBeLessThan(0.3);
  });

  it('says when the interpolation was assumed', () => {
    const oem = parse('ISS.resampled.truncated.txt').oem;
    if (!oem) throw new Error('does not parse');
    expect(oemEphemerides(oem, 'x').objects[0]?.interpolation).toEqual([
      'HERMITE 3 (assumed: no INTERPOLATION given)',
    ]);
  });
});

describe('OEM time systems and epoch order', () => {
  const oem = (system: string, epochs: string[]) =>
    [
      'CCSDS_OEM_VERS = 2.0',
      'CREATION_DATE = 2023-01-01T00:00:00',
      'ORIGINATOR = TEST',
      'META_START',
      'OBJECT_NAME = SAT',
      'OBJECT_ID = 2023-001A',
      'CENTER_NAME = EARTH',
      'REF_FRAME = TEME',
      `TIME_SYSTEM = ${system}`,
      `START_TIME = ${epochs[0]}`,
      `STOP_TIME = ${epochs[epochs.length - 1]}`,
      'META_STOP',
      ...epochs.map((e, k) => `${e} 7000 ${k} 0 0 7.5 0`),
    ].join('\n');
  const convert = (text: string) => {
    const parsed = parseOemKvn(text, 't.oem');
    if (!parsed.oem) throw new Error(JSON.stringify(parsed.issues));
    return oemEphemerides(parsed.oem, 't.oem');
  };

  it.each([
    ['UTC', '2023-01-01T00:00:00'],
    ['TAI', '2023-01-01T00:00:37'],
    ['GPS', '2023-01-01T00:00:18'],
    ['TT', '2023-01-01T00:01:09.184'],
  ])('%s epoch %s is 2023-01-01T00:00:00 UTC', (system, epoch) => {
    const { objects } = convert(oem(system, [epoch, '2023-01-01T00:05:00']));
    expect(objects[0]?.ephemeris.segments[0]?.epochsUnixMs[0]).toBeCloseTo(Date.UTC(2023, 0, 1), 6);
  });

  it('refuses epochs that do not increase, naming the line', () => {
    const { objects, issues } = convert(
      oem('UTC', ['2023-01-01T00:00:00', '2023-01-01T00:02:00', '2023-01-01T00:01:00']),
    );
    expect(objects).toEqual([]);
    expect(issues).toMatchObject([
      { file: 't.oem', line: 15, field: 'EPOCH', code: 'OEM_EPOCHS_NOT_INCREASING' },
    ]);
  });
});
