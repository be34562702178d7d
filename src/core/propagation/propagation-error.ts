/**
 * Why a propagation produced no state. Codes 1..6 are SGP4's own error numbers (Vallado et al. 2006);
 * the rest are Concord's checks on what SGP4 returned or was given.
 */
export type PropagationErrorCode =
  /** SGP4 error 1: mean eccentricity outside [0, 1) (or < -0.001 after secular drag terms). */
  | 'SGP4_MEAN_ECCENTRICITY'
  /** SGP4 error 2: mean motion < 0. */
  | 'SGP4_MEAN_MOTION'
  /** SGP4 error 3: perturbed (osculating) eccentricity outside [0, 1]. */
  | 'SGP4_PERTURBED_ECCENTRICITY'
  /** SGP4 error 4: semi-latus rectum < 0. */
  | 'SGP4_SEMI_LATUS_RECTUM'
  /** SGP4 error 5: epoch elements sub-orbital (no longer raised by current SGP4; kept for completeness). */
  | 'SGP4_SUBORBITAL'
  /**
   * SGP4 error 6: the satellite has decayed, i.e. the radius fell below one Earth radius (6378.135 km, WGS-72),
   * or (community decay check, on in both the scalar and the bulk path) the drag polynomial `tempa` of SGP4
   * reached ≤ 0, after which SGP4 would return meaningless positions for long-decayed objects.
   */
  | 'SGP4_DECAYED'
  /**
   * Concord check: |r| < 6378.135 km (the WGS-72 equatorial radius SGP4 works with). SGP4's own decay test
   * uses the same radius and normally fires first (`SGP4_DECAYED`); this guard catches any state that an SGP4
   * build returns below the surface without an error, so that no such state is ever used.
   */
  | 'BELOW_SURFACE'
  /** Concord check: a position or velocity component is NaN or infinite. */
  | 'NON_FINITE_STATE'
  /**
   * The element set cannot initialise SGP4: a non-finite element, mean motion ≤ 0, or SGP4's initialiser threw.
   * (Eccentricity outside [0, 1) is reported as `SGP4_MEAN_ECCENTRICITY`, as SGP4 itself would.)
   */
  | 'INVALID_ELEMENTS'
  /**
   * An object given by an ephemeris (not an element set) was asked for a state outside the ephemeris coverage:
   * ephemerides are interpolated, never extrapolated (beyond the short margin the screening's knots need).
   */
  | 'OUTSIDE_EPHEMERIS';

/**
 * The codes in the order used by the error bytes of `EphemerisGrid.errorCodes`: byte 0 = no error, byte k
 * (1..10) = `PROPAGATION_ERROR_CODES[k - 1]`. SGP4's error numbers 1..6 are therefore their own bytes.
 */
export const PROPAGATION_ERROR_CODES: readonly PropagationErrorCode[] = [
  'SGP4_MEAN_ECCENTRICITY',
  'SGP4_MEAN_MOTION',
  'SGP4_PERTURBED_ECCENTRICITY',
  'SGP4_SEMI_LATUS_RECTUM',
  'SGP4_SUBORBITAL',
  'SGP4_DECAYED',
  'BELOW_SURFACE',
  'NON_FINITE_STATE',
  'INVALID_ELEMENTS',
  'OUTSIDE_EPHEMERIS',
];

/** Error byte of a code (1..10), as stored in `EphemerisGrid.errorCodes`. */
export function propagationErrorByte(code: PropagationErrorCode): number {
  return PROPAGATION_ERROR_CODES.indexOf(code) + 1;
}

/** Code of a non-zero error byte; undefined for 0 (no error) and for unknown bytes. */
export function propagationErrorFromByte(byte: number): PropagationErrorCode | undefined {
  return byte >= 1 ? PROPAGATION_ERROR_CODES[byte - 1] : undefined;
}

/** Map SGP4's numeric error (satellite.js `SatRecError`, python-sgp4 `error`) to a code. */
export function propagationErrorFromSgp4(sgp4Error: number): PropagationErrorCode {
  return sgp4Error >= 1 && sgp4Error <= 6
    ? (PROPAGATION_ERROR_CODES[sgp4Error - 1] ?? 'INVALID_ELEMENTS')
    : 'INVALID_ELEMENTS';
}

/** Human-readable meaning of a code, for messages. */
export const PROPAGATION_ERROR_MEANING: Readonly<Record<PropagationErrorCode, string>> = {
  SGP4_MEAN_ECCENTRICITY: 'SGP4 error 1: mean eccentricity out of range',
  SGP4_MEAN_MOTION: 'SGP4 error 2: mean motion below zero',
  SGP4_PERTURBED_ECCENTRICITY: 'SGP4 error 3: perturbed eccentricity out of range',
  SGP4_SEMI_LATUS_RECTUM: 'SGP4 error 4: semi-latus rectum below zero',
  SGP4_SUBORBITAL: 'SGP4 error 5: epoch elements are sub-orbital',
  SGP4_DECAYED: 'SGP4 error 6: satellite has decayed',
  BELOW_SURFACE: 'position below the Earth surface (|r| < 6378.135 km)',
  NON_FINITE_STATE: 'position or velocity is not finite',
  INVALID_ELEMENTS: 'element set cannot initialise SGP4',
  OUTSIDE_EPHEMERIS: 'time outside the ephemeris coverage',
};
