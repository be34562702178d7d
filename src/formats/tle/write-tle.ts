import type { ElementSet } from '../../core/orbits/element-set.js';
import {
  formatTleAngle,
  formatTleEccentricity,
  formatTleEpoch,
  formatTleExponentField,
  formatTleInteger,
  formatTleMeanMotion,
  formatTleMeanMotionDot,
  tleChecksum,
} from '../../core/propagation/tle-field-text.js';
import { err, ok, type Result } from '../../core/result.js';
import { decodeAlpha5Columns, encodeAlpha5 } from './alpha5.js';
import { hasTleStyle } from './tle-element-set.js';

/**
 * - `2le`: line 1 and line 2 only.
 * - `3le-spacetrack`: `0 NAME`, then the two lines (Space-Track's 3LE).
 * - `3le-celestrak`: the name padded with blanks to 24 columns, then the two lines (CelesTrak's format).
 */
export type TleStyle = '2le' | '3le-spacetrack' | '3le-celestrak';

/**
 * - `TLE_ID_OUT_OF_RANGE`: catalog number above 339999 (Alpha-5's `Z9999`): only OMM can carry it.
 * - `TLE_FIELD_OUT_OF_RANGE`: a value does not fit its columns (e.g. eccentricity ≥ 1, mean motion ≥ 100
 *   rev/day, negative angle, |BSTAR| ≥ 1e9, epoch outside 1957..2056, classification not one character).
 * - `TLE_BAD_OBJECT_ID`: OBJECT_ID is neither empty nor `YYYY-NNNP{PP}`.
 */
export type WriteTleCode = 'TLE_ID_OUT_OF_RANGE' | 'TLE_FIELD_OUT_OF_RANGE' | 'TLE_BAD_OBJECT_ID';

const OBJECT_ID = /^(\d{4})-(\d{3})([A-Z]{0,3})$/;
const CELESTRAK_NAME_WIDTH = 24;

function label(es: ElementSet): string {
  return `${es.catalogId || es.noradCatId}${es.objectName ? ` (${es.objectName})` : ''}`;
}

/**
 * Write an element set as TLE lines in exact Report #3 columns, with checksums. An element set read by
 * `parseTle` carries the spelling of its value-free columns (`tleStyle`) and comes back byte-identical;
 * any other is written as Space-Track writes today (zero-padded ids, ` 00000-0` zeros).
 * Lines have no trailing blanks except the CelesTrak name line, padded to 24 columns as CelesTrak does.
 */
export function writeTle(es: ElementSet, style: TleStyle): Result<string[], WriteTleCode> {
  const tleStyle = hasTleStyle(es) ? es.tleStyle : undefined;
  const who = label(es);

  let idColumns: string;
  if (tleStyle && decodeAlpha5Columns(tleStyle.catalogNumberColumns) === es.noradCatId) {
    idColumns = tleStyle.catalogNumberColumns;
  } else {
    const encoded = encodeAlpha5(es.noradCatId);
    if (!encoded.ok) return err(encoded.code, `${who}: ${encoded.message}`);
    idColumns = encoded.value;
  }

  const classification = es.classification === '' ? 'U' : es.classification;
  if (classification.length !== 1) {
    return err('TLE_FIELD_OUT_OF_RANGE', `${who}: classification '${classification}' must be one character`);
  }

  let intlDesignator = '        ';
  if (es.objectId !== '') {
    const m = OBJECT_ID.exec(es.objectId);
    if (!m) {
      return err(
        'TLE_BAD_OBJECT_ID',
        `${who}: OBJECT_ID '${es.objectId}' is not YYYY-NNNP{PP} (e.g. 1998-067A)`,
      );
    }
    intlDesignator = `${(m[1] ?? '').slice(2)}${m[2] ?? ''}${(m[3] ?? '').padEnd(3, ' ')}`;
  }

  const epoch = formatTleEpoch(es.epoch);
  const ndot = formatTleMeanMotionDot(es.meanMotionDotRevPerDay2, tleStyle?.meanMotionDotPositiveSign);
  const nddot = formatTleExponentField(
    'MEAN_MOTION_DDOT',
    es.meanMotionDdotRevPerDay3,
    tleStyle?.meanMotionDdotPositiveSign,
    tleStyle?.meanMotionDdotZeroExponentSign,
  );
  const bstar = formatTleExponentField(
    'BSTAR',
    es.bstarPerEarthRadii,
    tleStyle?.bstarPositiveSign,
    tleStyle?.bstarZeroExponentSign,
  );
  const ephemerisType = formatTleInteger('EPHEMERIS_TYPE', es.ephemerisType, 1);
  const elementSetNo = formatTleInteger('ELEMENT_SET_NO', es.elementSetNo, 4);
  const pad = tleStyle?.line2ZeroPadded ? '0' : ' ';
  const incl = formatTleAngle('INCLINATION', es.inclinationDeg, pad);
  const raan = formatTleAngle('RA_OF_ASC_NODE', es.raanDeg, pad);
  const ecc = formatTleEccentricity(es.eccentricity);
  const argp = formatTleAngle('ARG_OF_PERICENTER', es.argOfPericenterDeg, pad);
  const ma = formatTleAngle('MEAN_ANOMALY', es.meanAnomalyDeg, pad);
  const mm = formatTleMeanMotion(es.meanMotionRevPerDay, pad);
  const rev = formatTleInteger('REV_AT_EPOCH', es.revAtEpoch, 5, pad);
  for (const r of [
    epoch,
    ndot,
    nddot,
    bstar,
    ephemerisType,
    elementSetNo,
    incl,
    raan,
    ecc,
    argp,
    ma,
    mm,
    rev,
  ]) {
    if (!r.ok) return err(r.code, `${who}: ${r.message}`);
  }
  const v = (r: Result<string, string>) => (r.ok ? r.value : '');
  const body1 =
    `1 ${idColumns}${classification} ${intlDesignator} ${v(epoch)} ${v(ndot)} ${v(nddot)} ${v(bstar)} ` +
    `${v(ephemerisType)} ${v(elementSetNo)}`;
  const body2 = `2 ${idColumns} ${v(incl)} ${v(raan)} ${v(ecc)} ${v(argp)} ${v(ma)} ${v(mm)}${v(rev)}`;
  const lines = [`${body1}${tleChecksum(body1)}`, `${body2}${tleChecksum(body2)}`];
  if (style === '3le-spacetrack') return ok([`0 ${es.objectName}`, ...lines]);
  if (style === '3le-celestrak') return ok([es.objectName.padEnd(CELESTRAK_NAME_WIDTH, ' '), ...lines]);
  return ok(lines);
}
