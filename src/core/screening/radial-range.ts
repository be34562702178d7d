import type { OrbitEnvelope } from './orbit-envelope.js';
import type { ScreeningObject } from './screening-types.js';
import { radialTermsOf, sgp4RadialBoundsKm } from './sgp4-radial-bounds.js';
import { epochUnixMs } from './sgp4-states.js';

/**
 * Geocentric distance range, km, an object can reach over [startUnixMs, endUnixMs]: SGP4's near-Earth bounds
 * (`sgp4-radial-bounds.ts`) for element sets, else (deep space, ephemerides) the padded perigee/apogee shell
 * of its envelope. Both are rigorous for what they cover; the first follows SGP4's drag decay, which the
 * element-only shell (decay estimated from MEAN_MOTION_DOT) does not.
 */
export function radialRangeKm(
  object: ScreeningObject,
  envelope: OrbitEnvelope,
  startUnixMs: number,
  endUnixMs: number,
): readonly [number, number] {
  const shell = [
    envelope.perigeeRadiusKm - envelope.shellPaddingKm,
    envelope.apogeeRadiusKm + envelope.shellPaddingKm,
  ] as const;
  const es = object.elementSet;
  if (!es || object.ephemeris) return shell;
  const terms = radialTermsOf(es);
  if (!terms) return shell;
  const epochMs = epochUnixMs(es);
  const bounds = sgp4RadialBoundsKm(terms, (startUnixMs - epochMs) / 60_000, (endUnixMs - epochMs) / 60_000);
  return bounds ? [bounds.minKm, bounds.maxKm] : shell;
}
