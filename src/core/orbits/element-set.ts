import type { UtcInstant } from '../time/time-scale.js';

/** Where an element set came from; kept so every reported problem can name file and line. */
export type ElementSetFormat = 'tle' | '3le' | 'omm-kvn' | 'omm-xml' | 'omm-json' | 'omm-csv';

export interface ElementSetOrigin {
  readonly file: string;
  /** 1-based line (for JSON: the 1-based index of the object in the array). */
  readonly line: number;
  readonly format: ElementSetFormat;
}

/**
 * The canonical element set: shaped like a CCSDS OMM (502.0) with SGP4/SDP4 mean elements
 * (MEAN_ELEMENT_THEORY = SGP4, REF_FRAME = TEME, CENTER_NAME = EARTH, TIME_SYSTEM = UTC).
 * Names carry units. Angles in degrees as in OMM/TLE, mean motion in revolutions per day.
 */
export interface ElementSet {
  /** The catalog id exactly as the source wrote it: `25544`, Alpha-5 `A0001`, analyst `T0001`, or `812345` (OMM only). */
  readonly catalogId: string;
  /** The decoded numeric catalog number (Alpha-5 `A0000` = 100000 ... `Z9999` = 339999). */
  readonly noradCatId: number;
  /** OBJECT_NAME; empty string when the source carries no name (plain 2-line TLE). */
  readonly objectName: string;
  /** OBJECT_ID, the COSPAR international designator in `YYYY-NNNP{PP}` form; empty when unknown. */
  readonly objectId: string;
  /** U (unclassified), C, S. */
  readonly classification: string;
  /** EPOCH, UTC. */
  readonly epoch: UtcInstant;
  /** EPOCH as ISO-8601 UTC with microseconds and `Z`, as written in OMM. */
  readonly epochIso: string;
  readonly meanMotionRevPerDay: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raanDeg: number;
  readonly argOfPericenterDeg: number;
  readonly meanAnomalyDeg: number;
  /** BSTAR drag term, 1/earth radii. */
  readonly bstarPerEarthRadii: number;
  /** MEAN_MOTION_DOT: first time derivative of mean motion divided by 2, rev/day². */
  readonly meanMotionDotRevPerDay2: number;
  /** MEAN_MOTION_DDOT: second time derivative of mean motion divided by 6, rev/day³. */
  readonly meanMotionDdotRevPerDay3: number;
  readonly ephemerisType: number;
  readonly elementSetNo: number;
  readonly revAtEpoch: number;
  readonly origin: ElementSetOrigin;
}
