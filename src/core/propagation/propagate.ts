import { sgp4 } from 'satellite.js';
import { err, ok, type Result } from '../result.js';
import { addDays, daysBetween } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import { type PropagationErrorCode, propagationErrorFromSgp4 } from './propagation-error.js';
import type { Sgp4Model } from './sgp4-model.js';
import type { TemeState } from './teme-state.js';

/** WGS-72 equatorial radius, km: SGP4's distance unit and the radius of its decay test. */
export const SGP4_EARTH_RADIUS_KM = 6378.135;
const MINUTES_PER_DAY = 1440;

/**
 * Check an SGP4 output (shared by the scalar and the bulk path so both flag the same states):
 * - `tempaNonPositive`: community decay check (SGP4's drag polynomial has gone ≤ 0: long decayed);
 * - any non-finite component → `NON_FINITE_STATE`; |r| < 6378.135 km → `BELOW_SURFACE`.
 */
export function checkSgp4State(
  x: number,
  y: number,
  z: number,
  vx: number,
  vy: number,
  vz: number,
): PropagationErrorCode | undefined {
  if (
    !Number.isFinite(x) ||
    !Number.isFinite(y) ||
    !Number.isFinite(z) ||
    !Number.isFinite(vx) ||
    !Number.isFinite(vy) ||
    !Number.isFinite(vz)
  ) {
    return 'NON_FINITE_STATE';
  }
  if (x * x + y * y + z * z < SGP4_EARTH_RADIUS_KM * SGP4_EARTH_RADIUS_KM) return 'BELOW_SURFACE';
  return undefined;
}

function stateAt(
  model: Sgp4Model,
  minutesSinceSgp4Epoch: number,
  epoch: UtcInstant,
): Result<TemeState, PropagationErrorCode> {
  const { satrec } = model;
  const label = model.elementSet.catalogId || String(model.elementSet.noradCatId);
  const pv = sgp4(satrec, minutesSinceSgp4Epoch);
  if (pv === null || satrec.error !== 0) {
    // With the community decay check on, the bulk (WebAssembly) path reports a long-decayed object as decayed
    // whatever SGP4 error its garbage elements then trigger; the scalar path says the same.
    const code = satrec.tempa <= 0 ? 'SGP4_DECAYED' : propagationErrorFromSgp4(satrec.error);
    return err(code, `${label}: SGP4 error ${satrec.error} at ${minutesSinceSgp4Epoch} min from epoch`);
  }
  // Community decay check (same rule as satellite.js `communityDecayCheckEnabled`, used by the bulk path).
  if (satrec.tempa <= 0) {
    return err(
      'SGP4_DECAYED',
      `${label}: decayed (SGP4 drag polynomial ≤ 0) at ${minutesSinceSgp4Epoch} min`,
    );
  }
  const { position: r, velocity: v } = pv;
  const bad = checkSgp4State(r.x, r.y, r.z, v.x, v.y, v.z);
  if (bad) return err(bad, `${label}: ${bad} at ${minutesSinceSgp4Epoch} min from epoch`);
  return ok({
    epoch,
    frame: 'TEME',
    positionKm: [r.x, r.y, r.z],
    velocityKmS: [v.x, v.y, v.z],
    elementSetAgeDays: daysBetween(model.elementSet.epoch.jd, epoch.jd),
  });
}

/**
 * TEME state at a UTC instant. Time since epoch = t − `model.sgp4Epoch`, computed on two-part Julian dates
 * (sub-microsecond), not through `Date` or a one-double JD; the bulk propagator reproduces the same
 * arithmetic (see `bulk-propagator.ts`).
 */
export function propagateAt(model: Sgp4Model, t: UtcInstant): Result<TemeState, PropagationErrorCode> {
  return stateAt(model, daysBetween(model.sgp4Epoch.jd, t.jd) * MINUTES_PER_DAY, t);
}

/** TEME state at `minutes` after the SGP4 epoch (the `tsince` of Vallado's code and of `tcppver.out`). */
export function propagateMinutesSinceEpoch(
  model: Sgp4Model,
  minutes: number,
): Result<TemeState, PropagationErrorCode> {
  const epoch: UtcInstant = { scale: 'UTC', jd: addDays(model.sgp4Epoch.jd, minutes / MINUTES_PER_DAY) };
  return stateAt(model, minutes, epoch);
}
