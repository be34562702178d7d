import type { UtcInstant } from '../time/time-scale.js';

/**
 * An SGP4 state: position and velocity in TEME (True Equator, Mean Equinox of date, the frame SGP4 works in)
 * at a UTC instant. Convert with `src/core/frames` before comparing with GCRF/ITRF data.
 */
export interface TemeState {
  readonly epoch: UtcInstant;
  readonly frame: 'TEME';
  readonly positionKm: readonly [number, number, number];
  readonly velocityKmS: readonly [number, number, number];
  /** `epoch` minus the element set's epoch, days (negative = before the element set epoch). */
  readonly elementSetAgeDays: number;
}
