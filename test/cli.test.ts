import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// End-to-end tests of the built CLI (`npm test` builds before running the suite), as a user runs it.
const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(root, 'data/sample/spacetrack_3le_2023-10-09.txt.gz');
const OMM_WRONG_KEYWORD = join(root, 'test/fixtures/omm/orekit/OMM-wrong-keyword.txt');

function concord(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/concord.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'concord-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ISS = [
  '0 ISS (ZARYA)',
  '1 25544U 98067A   23282.71486326  .00020100  00000-0  35938-3 0  9998',
  '2 25544  51.6410 121.2575 0005123  92.3190 358.8196 15.49983917419557',
];
const VANGUARD_1 = [
  '0 VANGUARD 1',
  '1 00005U 58002B   23282.54072583  .00000274  00000-0  37082-3 0  9997',
  '2 00005  34.2426 102.8218 1844295  34.3480 336.3609 10.85092911336586',
];
function writeTmp(name: string, lines: string[]): string {
  const path = join(tmp, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('concord catalog inspect', () => {
  it('loads the bundled 2023 catalog: --json prints one object whose `objects` is 26,140', () => {
    const r = concord('catalog', 'inspect', SAMPLE, '--json', '--check-days', '0');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.objects).toBe(26_140);
    expect(doc.rejected).toEqual([]);
    expect(doc.by_regime.LEO).toBeGreaterThan(20_000);
  });

  it('a wrong checksum names file, line and field, exits non-zero, and prints no stack trace', () => {
    const bad = [...VANGUARD_1.slice(0, 2), `${VANGUARD_1[2]?.slice(0, 68)}0`];
    const file = writeTmp('checksum.tle', [...ISS, ...bad]);
    const r = concord('catalog', 'inspect', file, '--check-days', '0');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:6:`);
    expect(r.stdout).toMatch(/TLE_CHECKSUM/);
    noStackTrace(r.stdout + r.stderr);
  });

  it('--skip-invalid loads the good records and still counts and lists the bad one', () => {
    const truncated = [...VANGUARD_1.slice(0, 2), (VANGUARD_1[2] ?? '').slice(0, 40)];
    const file = writeTmp('truncated.tle', [...truncated, ...ISS]);
    const r = concord('catalog', 'inspect', file, '--skip-invalid', '--json', '--check-days', '0');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.objects).toBe(1);
    expect(doc.rejected_records).toBe(1);
    expect(doc.rejected[0]).toMatchObject({ file, line: 3, code: 'TLE_TRUNCATED' });
  });

  it('a non-numeric field is named', () => {
    const line2 = `${ISS[2]?.slice(0, 26)}00x5123${ISS[2]?.slice(33)}`;
    const file = writeTmp('nan.tle', [ISS[0] ?? '', ISS[1] ?? '', line2]);
    const r = concord('catalog', 'inspect', file, '--json', '--check-days', '0');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.rejected[0].line).toBe(3);
    expect(doc.rejected[0].field).toMatch(/ECCENTRICITY|CHECKSUM/);
  });

  it('an empty file is a clear fatal error', () => {
    const file = writeTmp('empty.tle', ['']);
    const r = concord('catalog', 'inspect', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: empty file`);
    expect(r.stderr).toContain('[EMPTY_FILE]');
    noStackTrace(r.stderr);
  });

  it('an unknown OMM keyword names the line and the keyword (Orekit negative sample)', () => {
    const r = concord('catalog', 'inspect', OMM_WRONG_KEYWORD, '--json', '--check-days', '0');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.rejected.length).toBeGreaterThan(0);
    expect(doc.rejected[0].code).toBe('OMM_UNKNOWN_KEYWORD');
    expect(doc.rejected[0].line).toBeGreaterThan(0);
    noStackTrace(r.stderr);
  });

  it('a missing file is reported by name', () => {
    const r = concord('catalog', 'inspect', join(tmp, 'nope.tle'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.tle: no such file [FILE_NOT_FOUND]');
  });
});

describe('concord propagate', () => {
  const reference = JSON.parse(
    readFileSync(join(root, 'test/fixtures/iss-reference/iss-2023-10-10.json'), 'utf8'),
  );
  const distanceM = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => (v - (b[i] ?? 0)) * 1000));

  it.each([
    ['teme', 1],
    ['gcrf', 50],
    ['itrf', 50],
  ] as const)(
    'ISS at 2023-10-10T00:00:00Z in %s agrees with python-sgp4 + astropy within %d m',
    (frame, toleranceM) => {
      const r = concord(
        'propagate',
        SAMPLE,
        '--id',
        '25544',
        '--at',
        '2023-10-10T00:00:00Z',
        '--frame',
        frame,
        '--json',
      );
      expect(r.code).toBe(0);
      const state = JSON.parse(r.stdout);
      expect(state).toMatchObject({ epoch: '2023-10-10T00:00:00.000000Z', frame: frame.toUpperCase() });
      expect(distanceM(state.position_km, reference[frame].positionKm)).toBeLessThan(toleranceM);
      expect(distanceM(state.velocity_km_s, reference[frame].velocityKmS)).toBeLessThan(toleranceM / 100);
      if (frame !== 'teme') expect(state.eop).toBe('assumed-zero');
    },
  );

  it('a range prints an array of states, one per step', () => {
    const r = concord(
      'propagate',
      SAMPLE,
      '--id',
      'ISS (ZARYA)',
      '--at',
      '2023-10-10T00:00:00Z',
      '--until',
      '2023-10-10T01:00:00Z',
      '--step',
      '600',
      '--json',
    );
    expect(r.code).toBe(0);
    const states = JSON.parse(r.stdout);
    expect(states).toHaveLength(7);
    expect(states[6].epoch).toBe('2023-10-10T01:00:00.000000Z');
    for (const s of states) expect(Math.hypot(...s.position_km)).toBeGreaterThan(6700);
  });

  it('an unknown object and a bad time are user errors without stack traces', () => {
    const missing = concord('propagate', SAMPLE, '--id', '99999999', '--at', '2023-10-10T00:00:00Z');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[OBJECT_NOT_FOUND]');
    const badTime = concord('propagate', SAMPLE, '--id', '25544', '--at', '2023-10-10 noon');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('--at');
    noStackTrace(missing.stderr + badTime.stderr);
  });
});

describe('concord pc', () => {
  const CDM = join(
    root,
    'test/fixtures/pc/cara-cdms/000020580_conj_000002017_20230613_001923_20230608_063715.cdm.gz',
  );

  it('method mc reports its hit criterion (default minimum, --mc-hit entry)', () => {
    for (const [args, expected] of [
      [[], 'minimum'],
      [['--mc-hit', 'entry'], 'entry'],
    ] as const) {
      const r = concord('pc', '--cdm', CDM, '--method', 'mc', '--trials', '500', ...args, '--json');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.hit_criterion).toBe(expected);
      expect(out.trials).toBe(500);
    }
  });

  it('an unknown --mc-hit is a user error naming the choices', () => {
    const r = concord('pc', '--cdm', CDM, '--method', 'mc', '--mc-hit', 'closest');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mc-hit must be one of minimum, entry');
    expect(r.stderr).toContain('[BAD_OPTION]');
    noStackTrace(r.stderr);
  });
});

describe('concord --help', () => {
  it.each([[], ['catalog', 'inspect'], ['propagate'], ['pc']])('documents %s', (...args) => {
    const r = concord(...args, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: concord');
  });
});
