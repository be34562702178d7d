import { type SatRec, sgp4 } from 'satellite.js';
import type { ElementSet } from '../orbits/element-set.js';
import { checkSgp4State } from '../propagation/propagate.js';
import { propagationErrorByte, propagationErrorFromByte } from '../propagation/propagation-error.js';
import { createSgp4Model } from '../propagation/sgp4-model.js';
import { JD_UNIX_EPOCH } from '../time/julian-date.js';
import type { ExactStates } from './exact-states.js';

/** Stable code of a propagation error byte (see `PROPAGATION_ERROR_CODES`). */
export function propagationCodeOfByte(errorByte: number): string {
  return propagationErrorFromByte(errorByte) ?? `PROPAGATION_ERROR_${errorByte}`;
}

/** Element-set epoch as Unix milliseconds (UTC), from the two-part JD (sub-µs precision). */
export function epochUnixMs(es: ElementSet): number {
  return (es.epoch.jd.whole - JD_UNIX_EPOCH + es.epoch.jd.fraction) * 86_400_000;
}

const DECAYED_BYTE = propagationErrorByte('SGP4_DECAYED');
const INVALID_BYTE = propagationErrorByte('INVALID_ELEMENTS');

/**
 * Exact SGP4 states of a fixed list of element sets: the truth every screening result is refined on.
 * Records come from the project's `createSgp4Model` (TLE-exact input path, WGS-72, opsmode 'i') and every
 * state passes the same checks as `propagateAt` (community decay check, below surface, non-finite).
 * Positions km and velocities km/s in TEME of date; times are Unix milliseconds UTC. An undefined entry (an object
 * given by an ephemeris, see `ObjectStates`) holds a placeholder record and reports `INVALID_ELEMENTS`.
 */
export class Sgp4States implements ExactStates {
  readonly satrecs: readonly SatRec[];
  /** SGP4 epoch of each record (time since epoch counts from it), Unix ms UTC. */
  readonly epochsUnixMs: Float64Array;
  /** 0, or the error byte of a record that could not be initialised (then it is a placeholder). */
  readonly initError: Uint8Array;
  /** Number of scalar SGP4 evaluations made (for statistics). */
  calls = 0;

  constructor(elementSets: readonly (ElementSet | undefined)[]) {
    const n = elementSets.length;
    const satrecs: SatRec[] = [];
    this.epochsUnixMs = new Float64Array(n);
    this.initError = new Uint8Array(n);
    let placeholder: SatRec | undefined;
    for (let i = 0; i < n; i++) {
      const es = elementSets[i];
      if (!es) {
        this.initError[i] = INVALID_BYTE;
        satrecs.push(placeholder as SatRec);
        continue;
      }
      const model = createSgp4Model(es);
      if (model.ok) {
        const satrec = model.value.satrec as SatRec & { jdsatepochF?: number };
        // The WASM bulk propagator reads the epoch as jdsatepoch + jdsatepochF: give it the exact two parts.
        satrec.jdsatepoch = model.value.sgp4Epoch.jd.whole;
        satrec.jdsatepochF = model.value.sgp4Epoch.jd.fraction;
        this.epochsUnixMs[i] =
          (model.value.sgp4Epoch.jd.whole - JD_UNIX_EPOCH + model.value.sgp4Epoch.jd.fraction) * 86_400_000;
        satrecs.push(satrec);
        placeholder ??= satrec;
      } else {
        this.initError[i] = propagationErrorByte(model.code) || INVALID_BYTE;
        this.epochsUnixMs[i] = epochUnixMs(es);
        satrecs.push(placeholder as SatRec);
      }
    }
    // Records that failed to initialise point at a valid record so bulk batches stay uniform; they are excluded.
    const first = satrecs.find((s) => s !== undefined);
    this.satrecs = first ? satrecs.map((s) => s ?? first) : satrecs;
  }

  get count(): number {
    return this.satrecs.length;
  }

  /**
   * Write position (km) and velocity (km/s) of object `index` at `unixMs` into `out[offset..offset+5]`.
   * Returns 0 on success or a propagation error byte (then `out` is left unchanged).
   */
  stateAt(index: number, unixMs: number, out: Float64Array, offset = 0): number {
    const init = this.initError[index] as number;
    if (init !== 0) return init;
    const satrec = this.satrecs[index] as SatRec;
    const epoch = this.epochsUnixMs[index] as number;
    this.calls += 1;
    const result = sgp4(satrec, (unixMs - epoch) / 60_000);
    if (!result || satrec.error !== 0)
      return satrec.error >= 1 && satrec.error <= 6 ? satrec.error : DECAYED_BYTE;
    if (satrec.tempa <= 0) return DECAYED_BYTE;
    const p = result.position;
    const v = result.velocity;
    const bad = checkSgp4State(p.x, p.y, p.z, v.x, v.y, v.z);
    if (bad) return propagationErrorByte(bad);
    out[offset] = p.x;
    out[offset + 1] = p.y;
    out[offset + 2] = p.z;
    out[offset + 3] = v.x;
    out[offset + 4] = v.y;
    out[offset + 5] = v.z;
    return 0;
  }
}
