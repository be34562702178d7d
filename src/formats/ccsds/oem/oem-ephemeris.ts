import {
  INERTIAL_FRAMES,
  type InertialFrame,
  inertialToTemeMatrix,
} from '../../../core/frames/inertial-to-teme.js';
import { frameRotationsAt } from '../../../core/frames/teme.js';
import type { InterpolationMethod } from '../../../core/orbits/ephemeris-interpolation.js';
import type { EphemerisSegment, TabulatedEphemeris } from '../../../core/orbits/tabulated-ephemeris.js';
import { MU_EARTH_KM3_S2 } from '../../../core/orbits/two-body-constants.js';
import { parseIsoUtc, unixMsFromUtcInstant } from '../../../core/time/iso-8601.js';
import { addSeconds } from '../../../core/time/julian-date.js';
import type { UtcInstant } from '../../../core/time/time-scale.js';
import { taiToUtc, ttToUtc } from '../../../core/time/time-scales.js';
import type { RecordIssue } from '../../record-issue.js';
import type { Oem, OemSegment } from './oem-message.js';

/** One object of an OEM, converted for screening. */
export interface OemObjectEphemeris {
  readonly objectName: string;
  /** OBJECT_ID as given (a COSPAR designator by the standard; some producers write the catalog number). */
  readonly objectId: string;
  /** States converted to TEME of date, epochs to UTC. */
  readonly ephemeris: TabulatedEphemeris;
  /** REF_FRAME and TIME_SYSTEM of the source (first segment), for reports. */
  readonly sourceFrame: string;
  readonly timeSystem: string;
  /** How each segment is interpolated, e.g. "LAGRANGE 7" or "HERMITE 3 (assumed: no INTERPOLATION given)". */
  readonly interpolation: readonly string[];
  /** Number of state lines used. */
  readonly states: number;
}

/** Frame names accepted, and the frame each stands for (J2000 is the usual spelling of EME2000). */
const FRAME_ALIASES: Readonly<Record<string, InertialFrame>> = {
  ...Object.fromEntries(INERTIAL_FRAMES.map((f) => [f, f])),
  J2000: 'EME2000',
};

const TIME_SYSTEMS = ['UTC', 'TAI', 'TT', 'GPS'] as const;
type OemTimeSystem = (typeof TIME_SYSTEMS)[number];
/** GPS time runs 19 s behind TAI (constant since 1980). */
const TAI_MINUS_GPS_S = 19;

/** Interpolation assumed when the OEM says nothing: Hermite on 4 samples (positions and velocities, degree 7). */
const ASSUMED: { method: InterpolationMethod; degree: number } = { method: 'HERMITE', degree: 3 };
const ASSUMED_DEGREE: Readonly<Record<InterpolationMethod, number>> = { LAGRANGE: 7, HERMITE: 3, LINEAR: 1 };

/** Samples further apart than this fraction of the orbital period make the interpolated orbit unreliable. */
const SPARSE_FRACTION_OF_PERIOD = 1 / 20;

function epochToUtc(text: string, system: OemTimeSystem): UtcInstant | string {
  const parsed = parseIsoUtc(text);
  if (!parsed.ok) return parsed.message;
  const jd = parsed.value.jd;
  if (system === 'UTC') return parsed.value;
  const utc =
    system === 'TT'
      ? ttToUtc({ scale: 'TT', jd })
      : taiToUtc({ scale: 'TAI', jd: system === 'GPS' ? addSeconds(jd, TAI_MINUS_GPS_S) : jd });
  return utc.ok ? utc.value : utc.message;
}

/**
 * The objects of a parsed OEM as ephemerides Concord can screen: Earth-centred segments in an inertial frame
 * (EME2000/J2000, GCRF, ICRF, TEME, TOD or MOD of date; see `inertialToTemeMatrix` for the conversion to TEME), in
 * UTC, TAI, TT or GPS time (converted to UTC with the leap-second table). Each state is rotated to TEME of its own
 * epoch, as the catalog's SGP4 states are, with zero Earth orientation parameters (≈ 1 m in LEO for GCRF, plus the
 * neglected EME2000 frame bias, ≤ 0.8 m; both far below the catalog's own errors). Segments are grouped by OBJECT_ID. The usable span of a segment is
 * USEABLE_START/STOP_TIME when given (within the samples). Errors (unsupported centre, frame or time system, epochs
 * not increasing, fewer than 2 states) name file, line and keyword; a sparse table (samples more than 1/20 of an
 * orbit apart) is a warning: its interpolated states may be far from the orbit.
 */
export function oemEphemerides(
  oem: Oem,
  file: string,
): { objects: OemObjectEphemeris[]; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const issue = (line: number, field: string, code: string, message: string, severity: 'error' | 'warning') =>
    issues.push({ file, line, field, code, message, severity });
  const groups = new Map<
    string,
    { name: string; segments: EphemerisSegment[]; notes: string[]; states: number; first: OemSegment }
  >();
  for (const segment of oem.segments) {
    const f = segment.metadata.fields;
    const line = segment.metadata.line;
    const before = issues.filter((i) => i.severity === 'error').length;
    const center = (f['CENTER_NAME'] ?? '').trim().toUpperCase();
    if (center !== 'EARTH')
      issue(
        line,
        'CENTER_NAME',
        'OEM_UNSUPPORTED_CENTER',
        `CENTER_NAME = ${f['CENTER_NAME']}: only EARTH can be screened`,
        'error',
      );
    const frameName = (f['REF_FRAME'] ?? '').trim().toUpperCase();
    const frame = FRAME_ALIASES[frameName];
    if (!frame)
      issue(
        line,
        'REF_FRAME',
        'OEM_UNSUPPORTED_FRAME',
        `REF_FRAME = ${f['REF_FRAME']}: screening takes EME2000 (J2000), GCRF, ICRF, TEME, TOD or MOD (convert Earth-fixed states first)`,
        'error',
      );
    else if (f['REF_FRAME_EPOCH'] !== undefined && (frame === 'TOD' || frame === 'MOD' || frame === 'TEME'))
      issue(
        line,
        'REF_FRAME_EPOCH',
        'OEM_UNSUPPORTED_FRAME',
        `REF_FRAME = ${frameName} at a fixed REF_FRAME_EPOCH is not supported (only ${frameName} of date)`,
        'error',
      );
    const system = (f['TIME_SYSTEM'] ?? '').trim().toUpperCase() as OemTimeSystem;
    if (!TIME_SYSTEMS.includes(system))
      issue(
        line,
        'TIME_SYSTEM',
        'OEM_UNSUPPORTED_TIME_SYSTEM',
        `TIME_SYSTEM = ${f['TIME_SYSTEM']}: expected UTC, TAI, TT or GPS`,
        'error',
      );
    if (segment.states.length < 2)
      issue(
        line,
        'EPHEMERIS',
        'OEM_TOO_FEW_STATES',
        `a segment needs at least 2 states, has ${segment.states.length}`,
        'error',
      );
    if (issues.filter((i) => i.severity === 'error').length > before || !frame) continue;

    const n = segment.states.length;
    const epochsUnixMs = new Float64Array(n);
    const statesTeme = new Float64Array(n * 6);
    let bad = false;
    segment.states.forEach((s, k) => {
      const utc = epochToUtc(s.epoch, system);
      if (typeof utc === 'string') {
        issue(s.line, 'EPOCH', 'OEM_BAD_EPOCH', utc, 'error');
        bad = true;
        return;
      }
      const t = unixMsFromUtcInstant(utc);
      if (k > 0 && !(t > (epochsUnixMs[k - 1] as number))) {
        issue(
          s.line,
          'EPOCH',
          'OEM_EPOCHS_NOT_INCREASING',
          `epoch ${s.epoch} does not follow the previous state's`,
          'error',
        );
        bad = true;
      }
      epochsUnixMs[k] = t;
      const rot = frameRotationsAt(utc);
      if (!rot.ok) {
        issue(s.line, 'EPOCH', rot.code, rot.message, 'error');
        bad = true;
        return;
      }
      const m = inertialToTemeMatrix(frame, rot.value);
      for (let row = 0; row < 3; row++) {
        let p = 0;
        let v = 0;
        for (let c = 0; c < 3; c++) {
          p += (m[row * 3 + c] as number) * (s.positionKm[c] as number);
          v += (m[row * 3 + c] as number) * (s.velocityKmS[c] as number);
        }
        statesTeme[k * 6 + row] = p;
        statesTeme[k * 6 + 3 + row] = v;
      }
    });
    if (bad) continue;
    const first = epochsUnixMs[0] as number;
    const last = epochsUnixMs[n - 1] as number;
    const usable = (keyword: string, fallback: number, pick: (a: number, b: number) => number) => {
      const text = f[keyword];
      if (text === undefined) return fallback;
      const utc = epochToUtc(text, system);
      if (typeof utc === 'string') {
        issue(line, keyword, 'OEM_BAD_EPOCH', utc, 'error');
        return fallback;
      }
      return pick(unixMsFromUtcInstant(utc), fallback);
    };
    const usableStartUnixMs = usable('USEABLE_START_TIME', first, Math.max);
    const usableStopUnixMs = usable('USEABLE_STOP_TIME', last, Math.min);
    const given = segment.metadata.interpolation;
    const method = given ?? ASSUMED.method;
    const degree = segment.metadata.interpolationDegree ?? (given ? ASSUMED_DEGREE[given] : ASSUMED.degree);
    const note = given
      ? `${method} ${degree}${segment.metadata.interpolationDegree === undefined ? ' (degree assumed: none given)' : ''}`
      : `${method} ${degree} (assumed: no INTERPOLATION given)`;
    // Sparse sampling: compare the largest gap with the osculating period at the first state.
    const [x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0] = statesTeme;
    const a = 1 / (2 / Math.hypot(x, y, z) - (vx * vx + vy * vy + vz * vz) / MU_EARTH_KM3_S2);
    let maxGapS = 0;
    for (let k = 1; k < n; k++)
      maxGapS = Math.max(maxGapS, ((epochsUnixMs[k] as number) - (epochsUnixMs[k - 1] as number)) / 1000);
    if (a > 0) {
      const periodS = 2 * Math.PI * Math.sqrt((a * a * a) / MU_EARTH_KM3_S2);
      if (maxGapS > SPARSE_FRACTION_OF_PERIOD * periodS)
        issue(
          line,
          'EPHEMERIS',
          'OEM_SPARSE_SAMPLING',
          `states up to ${maxGapS.toFixed(0)} s apart, ${((100 * maxGapS) / periodS).toFixed(0)} % of the ${(periodS / 60).toFixed(0)} min orbit: interpolated states between them may be far from the orbit`,
          'warning',
        );
    }
    const objectId = (f['OBJECT_ID'] ?? '').trim();
    const key = objectId || (f['OBJECT_NAME'] ?? '').trim();
    const group = groups.get(key) ?? {
      name: (f['OBJECT_NAME'] ?? '').trim(),
      segments: [],
      notes: [],
      states: 0,
      first: segment,
    };
    group.segments.push({
      usableStartUnixMs,
      usableStopUnixMs,
      interpolation: method,
      interpolationDegree: degree,
      epochsUnixMs,
      statesTeme,
    });
    group.notes.push(note);
    group.states += n;
    groups.set(key, group);
  }
  const hasError = issues.some((i) => i.severity === 'error');
  const objects: OemObjectEphemeris[] = hasError
    ? []
    : [...groups.entries()].map(([objectId, g]) => ({
        objectName: g.name,
        objectId,
        ephemeris: { segments: [...g.segments].sort((a, b) => a.usableStartUnixMs - b.usableStartUnixMs) },
        sourceFrame: (g.first.metadata.fields['REF_FRAME'] ?? '').trim(),
        timeSystem: (g.first.metadata.fields['TIME_SYSTEM'] ?? '').trim(),
        interpolation: g.notes,
        states: g.states,
      }));
  return { objects, issues };
}
