import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { propagateMinutesSinceEpoch } from '../src/core/propagation/propagate.js';
import type { PropagationErrorCode } from '../src/core/propagation/propagation-error.js';
import { createSgp4Model } from '../src/core/propagation/sgp4-model.js';
import { tleChecksum } from '../src/core/propagation/tle-field-text.js';
import { parseTle } from '../src/formats/tle/parse-tle.js';

/*
 * Vallado, Crawford, Hujsak & Kelso (2006), "Revisiting Spacetrack Report #3": the 33 verification element
 * sets (SGP4-VER.TLE) and the output of Vallado's C++ SGP4 (tcppver.out). Pass criterion as in python-sgp4's
 * test suite: WGS-72, opsmode 'i', |ours − printed| < 2e-7 on the first 7 numbers of every row (tsince in
 * min, r in km, v in km/s, TEME), and exactly these 7 errors in this order: SGP4 codes 1,1,6,6,4,3,6.
 */
const FIXTURES = new URL('./fixtures/sgp4-verification/', import.meta.url);
const verTle = readFileSync(new URL('SGP4-VER.TLE', FIXTURES), 'latin1');
const tcppver = readFileSync(new URL('tcppver.out', FIXTURES), 'latin1');
const TOLERANCE = 2e-7;

const EXPECTED_ERRORS: readonly PropagationErrorCode[] = [
  'SGP4_MEAN_ECCENTRICITY',
  'SGP4_MEAN_ECCENTRICITY',
  'SGP4_DECAYED',
  'SGP4_DECAYED',
  'SGP4_SEMI_LATUS_RECTUM',
  'SGP4_PERTURBED_ECCENTRICITY',
  'SGP4_DECAYED',
];

interface VerificationCase {
  readonly line1: string;
  readonly line2: string;
  readonly startMin: number;
  readonly stopMin: number;
  readonly stepMin: number;
}

/**
 * The verification file is not a plain TLE file, and the harness (not the parser) deals with that:
 * line 2 carries start/stop/step minutes after column 69, and the deliberately broken cases 33333-33335
 * carry wrong checksums (python-sgp4's tests note the same); those are recomputed here.
 */
function readCases(): { cases: VerificationCase[]; checksumsFixed: number } {
  const lines = verTle.split(/\r?\n/);
  const cases: VerificationCase[] = [];
  let checksumsFixed = 0;
  const withChecksum = (l: string) => {
    const body = l.slice(0, 68);
    const fixed = `${body}${tleChecksum(body)}`;
    if (fixed !== l.slice(0, 69)) checksumsFixed++;
    return fixed;
  };
  for (let i = 0; i < lines.length; i++) {
    const l1 = lines[i] ?? '';
    if (!l1.startsWith('1 ')) continue;
    const l2 = lines[i + 1] ?? '';
    const [start, stop, step] = l2.slice(69).trim().split(/\s+/).map(Number);
    if (start === undefined || stop === undefined || step === undefined)
      throw new Error(`bad case at ${i + 1}`);
    cases.push({
      line1: withChecksum(l1),
      line2: withChecksum(l2),
      startMin: start,
      stopMin: stop,
      stepMin: step,
    });
    i++;
  }
  return { cases, checksumsFixed };
}

type OutputLine = { kind: 'header'; satnum: number } | { kind: 'row'; values: number[] } | { kind: 'skip' };

/** Regenerate tcppver.out's structure the way Vallado's driver (and python-sgp4's test) walks the times. */
function generate(cases: readonly VerificationCase[], errors: PropagationErrorCode[]): OutputLine[] {
  const out: OutputLine[] = [];
  for (const c of cases) {
    const parsed = parseTle(`${c.line1}\n${c.line2}\n`, 'SGP4-VER.TLE');
    expect(parsed.issues).toEqual([]);
    const es = parsed.records[0];
    if (!es) throw new Error('no record');
    out.push({ kind: 'header', satnum: es.noradCatId });
    const model = createSgp4Model(es);
    if (!model.ok) {
      // SGP4 evaluates t = 0 during initialisation; the C++ driver prints a meaningless row (python: "use previous").
      errors.push(model.code);
      out.push({ kind: 'skip' });
      continue;
    }
    // A TLE must reach SGP4 as TLE text, bit for bit (see sgp4-model.ts).
    expect(model.value.inputPath).toBe('tle-text');
    const row = (t: number): boolean => {
      const s = propagateMinutesSinceEpoch(model.value, t);
      if (!s.ok) {
        errors.push(s.code);
        return false;
      }
      out.push({ kind: 'row', values: [t, ...s.value.positionKm, ...s.value.velocityKmS] });
      return true;
    };
    if (!row(0)) {
      out.pop();
      out.push({ kind: 'skip' });
      continue;
    }
    let t = c.startMin;
    let alive = true;
    while (t <= c.stopMin) {
      if (!(t === c.startMin && t === 0) && !row(t)) {
        alive = false;
        break;
      }
      t += c.stepMin;
    }
    if (alive && t - c.stopMin < c.stepMin - 1e-6) row(c.stopMin);
  }
  return out;
}

describe('SGP4 against Vallado et al. 2006 (tcppver.out)', () => {
  it('reproduces every row to 2e-7 and the 7 expected errors', () => {
    const { cases, checksumsFixed } = readCases();
    expect(cases).toHaveLength(33);
    expect(checksumsFixed).toBeGreaterThan(0);
    const errors: PropagationErrorCode[] = [];
    const ours = generate(cases, errors);
    const expectedLines = tcppver.split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(expectedLines).toHaveLength(700);
    expect(ours).toHaveLength(expectedLines.length);
    let rowsCompared = 0;
    let worst = 0;
    ours.forEach((line, k) => {
      const expected = expectedLines[k] ?? '';
      if (line.kind === 'header') {
        expect(expected).toBe(`${line.satnum} xx`);
        return;
      }
      if (line.kind === 'skip') return;
      const numbers = expected.trim().split(/\s+/).slice(0, 7).map(Number);
      expect(numbers).toHaveLength(7);
      line.values.forEach((v, j) => {
        const diff = Math.abs(v - (numbers[j] ?? Number.NaN));
        worst = Math.max(worst, diff);
        if (!(diff < TOLERANCE)) {
          throw new Error(`tcppver.out line ${k + 1} field ${j + 1}: ours ${v}, Vallado ${numbers[j]}`);
        }
      });
      rowsCompared++;
    });
    expect(errors).toEqual(EXPECTED_ERRORS);
    expect(rowsCompared).toBeGreaterThan(600);
    expect(worst).toBeLessThan(TOLERANCE);
  });
});
