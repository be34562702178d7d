import { classifyRegimeFromState } from '../orbits/regime.js';
import type { TabulatedEphemeris } from '../orbits/tabulated-ephemeris.js';
import type { EphemerisObject } from './screening-types.js';

/**
 * An ephemeris as an object to screen (a primary): its regime from the first state, since an ephemeris may hold
 * manoeuvres and has no mean elements. The CLI's OEM primaries and the service's ephemeris runs both use this.
 */
export function ephemerisObject(ephemeris: TabulatedEphemeris, noradCatId?: number): EphemerisObject {
  const states = ephemeris.segments[0]?.statesTeme ?? new Float64Array(6);
  const regime = classifyRegimeFromState(states.subarray(0, 3), states.subarray(3, 6));
  return { ephemeris, regime, ...(noradCatId !== undefined ? { noradCatId } : {}) };
}
