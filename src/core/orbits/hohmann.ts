import { MU_EARTH_KM3_S2 } from './two-body-constants.js';

/** Circular orbital speed at radius `rKm`, km/s. */
export function circularSpeedKmS(rKm: number, muKm3S2 = MU_EARTH_KM3_S2): number {
  return Math.sqrt(muKm3S2 / rKm);
}

/** Period of a circular (or any, with `aKm` the semi-major axis) orbit, s. */
export function orbitalPeriodS(aKm: number, muKm3S2 = MU_EARTH_KM3_S2): number {
  return 2 * Math.PI * Math.sqrt(aKm ** 3 / muKm3S2);
}

export interface HohmannTransfer {
  /** First burn (at r1), km/s, positive = speed increase. */
  readonly deltaV1KmS: number;
  /** Second burn (at r2), km/s. */
  readonly deltaV2KmS: number;
  readonly totalDeltaVKmS: number;
  /** Half the transfer ellipse period, s. */
  readonly transferTimeS: number;
}

/** Hohmann transfer between coplanar circular orbits of radii r1 → r2 (km), basis §6.5. */
export function hohmannTransfer(r1Km: number, r2Km: number, muKm3S2 = MU_EARTH_KM3_S2): HohmannTransfer {
  const aT = (r1Km + r2Km) / 2;
  const dv1 = Math.sqrt(muKm3S2 / r1Km) * (Math.sqrt((2 * r2Km) / (r1Km + r2Km)) - 1);
  const dv2 = Math.sqrt(muKm3S2 / r2Km) * (1 - Math.sqrt((2 * r1Km) / (r1Km + r2Km)));
  return {
    deltaV1KmS: dv1,
    deltaV2KmS: dv2,
    totalDeltaVKmS: Math.abs(dv1) + Math.abs(dv2),
    transferTimeS: Math.PI * Math.sqrt(aT ** 3 / muKm3S2),
  };
}
