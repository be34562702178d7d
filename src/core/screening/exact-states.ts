/**
 * The truth a screening is refined on: exact states of a fixed list of objects (SGP4 for element sets, the
 * ephemeris interpolator for tabulated objects). Positions km and velocities km/s in TEME of date; times Unix ms UTC.
 */
export interface ExactStates {
  readonly count: number;
  /** 0, or the error byte of an object that cannot give any state (it is then excluded). */
  readonly initError: Uint8Array;
  /** Number of exact evaluations made (for statistics). */
  readonly calls: number;
  /**
   * Write position and velocity of object `index` at `unixMs` into `out[offset..offset+5]`. Returns 0, or a
   * propagation error byte (`PROPAGATION_ERROR_CODES`) and leaves `out` unchanged.
   */
  stateAt(index: number, unixMs: number, out: Float64Array, offset?: number): number;
}
