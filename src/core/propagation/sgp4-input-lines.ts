import type { ElementSet } from '../orbits/element-set.js';
import { ok, type Result } from '../result.js';
import { julianDateFromDayOfYear } from '../time/julian-date.js';
import {
  formatTleAngle,
  formatTleEccentricity,
  formatTleEpoch,
  formatTleExponentField,
  formatTleMeanMotion,
  formatTleMeanMotionDot,
  type TleFieldCode,
  tleChecksum,
} from './tle-field-text.js';

/** The two lines handed to SGP4's TLE reader, and the epoch they encode. */
export interface Sgp4InputLines {
  readonly line1: string;
  readonly line2: string;
  /** Epoch as written in the lines (8-decimal day of year), two-part JD, UTC. */
  readonly epochJd: { readonly whole: number; readonly fraction: number };
}

/**
 * Render an element set as the two TLE lines SGP4 reads, used ONLY as SGP4 input (not a TLE writer: no name,
 * no international designator, classification `U`, element set number 0). Ids above 99999 are written as
 * `00000`: SGP4 uses the id only as a label, and ids beyond Alpha-5 (> 339999, OMM-only) could not be written.
 */
export function renderSgp4InputLines(es: ElementSet): Result<Sgp4InputLines, TleFieldCode> {
  const epoch = formatTleEpoch(es.epoch);
  const ndot = formatTleMeanMotionDot(es.meanMotionDotRevPerDay2);
  const nddot = formatTleExponentField('MEAN_MOTION_DDOT', es.meanMotionDdotRevPerDay3);
  const bstar = formatTleExponentField('BSTAR', es.bstarPerEarthRadii);
  const incl = formatTleAngle('INCLINATION', es.inclinationDeg);
  const raan = formatTleAngle('RA_OF_ASC_NODE', es.raanDeg);
  const ecc = formatTleEccentricity(es.eccentricity);
  const argp = formatTleAngle('ARG_OF_PERICENTER', es.argOfPericenterDeg);
  const ma = formatTleAngle('MEAN_ANOMALY', es.meanAnomalyDeg);
  const mm = formatTleMeanMotion(es.meanMotionRevPerDay);
  if (!epoch.ok) return epoch;
  if (!ndot.ok) return ndot;
  if (!nddot.ok) return nddot;
  if (!bstar.ok) return bstar;
  if (!incl.ok) return incl;
  if (!raan.ok) return raan;
  if (!ecc.ok) return ecc;
  if (!argp.ok) return argp;
  if (!ma.ok) return ma;
  if (!mm.ok) return mm;
  const id = es.noradCatId >= 0 && es.noradCatId <= 99_999 ? String(es.noradCatId).padStart(5, '0') : '00000';
  const body1 = `1 ${id}U          ${epoch.value} ${ndot.value} ${nddot.value} ${bstar.value} 0    0`;
  const body2 = `2 ${id} ${incl.value} ${raan.value} ${ecc.value} ${argp.value} ${ma.value} ${mm.value}    0`;
  const yy = Number(epoch.value.slice(0, 2));
  const epochJd = julianDateFromDayOfYear(yy < 57 ? 2000 + yy : 1900 + yy, Number(epoch.value.slice(2)));
  return ok({
    line1: `${body1}${tleChecksum(body1)}`,
    line2: `${body2}${tleChecksum(body2)}`,
    epochJd,
  });
}

/** Exponent field text → value, built the way SGP4's TLE reader builds it. */
function exponentValue(text: string): number {
  return Number(`${text.charAt(0) === '-' ? '-' : ''}0.${text.slice(1, 6)}e${text.slice(6, 8)}`);
}

/**
 * True when SGP4, reading `lines`, gets exactly the element values of `es` (bit for bit), and the epoch
 * within 1 µs. Element sets read from TLEs always pass; so do OMMs derived from TLEs (CelesTrak, Space-Track),
 * whose epochs are TLE epochs rounded to the microsecond.
 */
export function linesReproduceElements(es: ElementSet, lines: Sgp4InputLines): boolean {
  const l1 = lines.line1;
  const l2 = lines.line2;
  const sameOrZero = (a: number, b: number) => a === b || (a === 0 && b === 0);
  const epochDiffDays = Math.abs(
    lines.epochJd.whole - es.epoch.jd.whole + (lines.epochJd.fraction - es.epoch.jd.fraction),
  );
  return (
    epochDiffDays <= 1e-6 / 86_400 &&
    sameOrZero(Number(l1.slice(33, 43)), es.meanMotionDotRevPerDay2) &&
    sameOrZero(exponentValue(l1.slice(44, 52)), es.meanMotionDdotRevPerDay3) &&
    sameOrZero(exponentValue(l1.slice(53, 61)), es.bstarPerEarthRadii) &&
    Number(l2.slice(8, 16)) === es.inclinationDeg &&
    Number(l2.slice(17, 25)) === es.raanDeg &&
    Number(`0.${l2.slice(26, 33)}`) === es.eccentricity &&
    Number(l2.slice(34, 42)) === es.argOfPericenterDeg &&
    Number(l2.slice(43, 51)) === es.meanAnomalyDeg &&
    Number(l2.slice(52, 63)) === es.meanMotionRevPerDay
  );
}
