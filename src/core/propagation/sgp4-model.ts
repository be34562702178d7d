import { json2satrec, type OMMJsonObject, type SatRec, twoline2satrec } from 'satellite.js';
import type { ElementSet } from '../orbits/element-set.js';
import { err, ok, type Result } from '../result.js';
import { formatIsoUtc, unixMsFromUtcInstant, utcInstantFromUnixMs } from '../time/iso-8601.js';
import type { UtcInstant } from '../time/time-scale.js';
import { type PropagationErrorCode, propagationErrorFromSgp4 } from './propagation-error.js';
import { linesReproduceElements, renderSgp4InputLines } from './sgp4-input-lines.js';

/**
 * How the SGP4 record was initialised (satellite.js 7 exports no `sgp4init`, only two readers):
 * - `tle-text`: the element set is rendered as TLE lines (`renderSgp4InputLines`) and read by `twoline2satrec`.
 *   Chosen whenever SGP4 then gets exactly the element values (checked field by field): always for TLE input
 *   and for OMMs derived from TLEs. The result is bit-for-bit what propagating the original TLE gives
 *   (Vallado's reference code reads TLE text the same way).
 * - `omm-json`: otherwise (e.g. an OMM with more digits than a TLE holds, negative angles, ids > 339999 are
 *   fine either way), `json2satrec` with the full-precision numbers. Its EPOCH goes through `Date`, so the SGP4
 *   epoch is the element set epoch rounded to the millisecond; `sgp4Epoch` records it and time since epoch is
 *   measured from it, so the only effect is that the elements are taken to hold at the rounded instant
 *   (≤ 0.5 ms, ≤ 4 m along-track in LEO).
 * Both use WGS-72 constants and opsmode 'i' (improved), the settings of Vallado's verification run.
 */
export type Sgp4InputPath = 'tle-text' | 'omm-json';

export interface Sgp4Model {
  readonly elementSet: ElementSet;
  /** satellite.js record; SGP4 updates some of its fields on every call (error flag, deep-space integrator). */
  readonly satrec: SatRec;
  /**
   * The instant SGP4's time since epoch counts from (UTC, two-part JD, exact): the TLE epoch for `tle-text`,
   * the millisecond-rounded epoch for `omm-json`. `satrec.jdsatepoch` holds the same instant in one double
   * (≈ 40 µs resolution) and is used only inside SGP4's deep-space initialisation.
   */
  readonly sgp4Epoch: UtcInstant;
  readonly inputPath: Sgp4InputPath;
}

function isFiniteElements(es: ElementSet): boolean {
  return [
    es.meanMotionRevPerDay,
    es.eccentricity,
    es.inclinationDeg,
    es.raanDeg,
    es.argOfPericenterDeg,
    es.meanAnomalyDeg,
    es.bstarPerEarthRadii,
    es.meanMotionDotRevPerDay2,
    es.meanMotionDdotRevPerDay3,
    es.epoch.jd.whole,
    es.epoch.jd.fraction,
  ].every(Number.isFinite);
}

/**
 * Initialise SGP4 for an element set. Fails with `INVALID_ELEMENTS` (non-finite element, mean motion ≤ 0,
 * initialiser threw), `SGP4_MEAN_ECCENTRICITY` (eccentricity outside [0, 1)), or the SGP4 error its
 * initialiser raises at epoch (SGP4 evaluates the elements at t = 0 during initialisation).
 */
export function createSgp4Model(es: ElementSet): Result<Sgp4Model, PropagationErrorCode> {
  const label = `${es.catalogId || es.noradCatId}${es.objectName ? ` (${es.objectName})` : ''}`;
  if (!isFiniteElements(es)) {
    return err('INVALID_ELEMENTS', `${label}: an element or the epoch is not a finite number`);
  }
  if (es.meanMotionRevPerDay <= 0) {
    return err('INVALID_ELEMENTS', `${label}: mean motion ${es.meanMotionRevPerDay} rev/day must be > 0`);
  }
  if (es.eccentricity < 0 || es.eccentricity >= 1) {
    return err('SGP4_MEAN_ECCENTRICITY', `${label}: eccentricity ${es.eccentricity} is outside [0, 1)`);
  }
  let satrec: SatRec;
  let sgp4Epoch: UtcInstant;
  let inputPath: Sgp4InputPath;
  try {
    const lines = renderSgp4InputLines(es);
    if (lines.ok && linesReproduceElements(es, lines.value)) {
      satrec = twoline2satrec(lines.value.line1, lines.value.line2);
      sgp4Epoch = { scale: 'UTC', jd: lines.value.epochJd };
      inputPath = 'tle-text';
    } else {
      sgp4Epoch = utcInstantFromUnixMs(Math.round(unixMsFromUtcInstant(es.epoch)));
      const omm: OMMJsonObject = {
        OBJECT_NAME: es.objectName,
        OBJECT_ID: es.objectId,
        EPOCH: formatIsoUtc(sgp4Epoch, 3),
        MEAN_MOTION: es.meanMotionRevPerDay,
        ECCENTRICITY: es.eccentricity,
        INCLINATION: es.inclinationDeg,
        RA_OF_ASC_NODE: es.raanDeg,
        ARG_OF_PERICENTER: es.argOfPericenterDeg,
        MEAN_ANOMALY: es.meanAnomalyDeg,
        EPHEMERIS_TYPE: 0,
        CLASSIFICATION_TYPE: 'U',
        NORAD_CAT_ID: es.noradCatId,
        ELEMENT_SET_NO: es.elementSetNo,
        REV_AT_EPOCH: es.revAtEpoch,
        BSTAR: es.bstarPerEarthRadii,
        MEAN_MOTION_DOT: es.meanMotionDotRevPerDay2,
        MEAN_MOTION_DDOT: es.meanMotionDdotRevPerDay3,
      };
      satrec = json2satrec(omm, 'i');
      inputPath = 'omm-json';
    }
  } catch (e: unknown) {
    return err(
      'INVALID_ELEMENTS',
      `${label}: SGP4 initialisation failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (satrec.error !== 0) {
    const code = propagationErrorFromSgp4(satrec.error);
    return err(code, `${label}: SGP4 error ${satrec.error} at epoch during initialisation`);
  }
  return ok({ elementSet: es, satrec, sgp4Epoch, inputPath });
}
