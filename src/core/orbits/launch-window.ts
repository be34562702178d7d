import { addDays, daysBetween, JD_J2000 } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import { DEG, EARTH_ROTATION_DEG_PER_H } from './two-body-constants.js';

/** Geometry of a direct ascent from a site of latitude φ into a plane of inclination i (basis §6.3). */
export interface LaunchPlaneGeometry {
  /** A direct launch into the plane is possible: |φ| ≤ i (prograde) or |φ| ≤ 180° − i (retrograde). */
  readonly direct: boolean;
  /** When not direct: the smallest inclination change needed, deg (|φ| − i, or |φ| − (180° − i)). */
  readonly shortfallDeg: number;
  /** Inertial launch azimuth of the ascending pass, deg from north (sin β = cos i / cos φ). */
  readonly ascendingAzimuthDeg?: number;
  /** Descending pass azimuth, 180° − β. */
  readonly descendingAzimuthDeg?: number;
  /** Longitude offset of the site from the node, deg: sin Δλ = tan φ / tan i. */
  readonly deltaLambdaDeg?: number;
  /** Sidereal hours from the ascending to the descending in-plane instant ((180° − 2Δλ) / 15.041 deg/h). */
  readonly passGapHours?: number;
}

export function launchPlaneGeometry(siteLatitudeDeg: number, inclinationDeg: number): LaunchPlaneGeometry {
  const phi = Math.abs(siteLatitudeDeg);
  const limit = inclinationDeg <= 90 ? inclinationDeg : 180 - inclinationDeg;
  if (phi > limit) return { direct: false, shortfallDeg: phi - limit };
  const sinBeta = Math.min(1, Math.cos(inclinationDeg * DEG) / Math.cos(phi * DEG));
  const beta = Math.asin(sinBeta) / DEG;
  const sinDl = Math.min(1, Math.tan(siteLatitudeDeg * DEG) / Math.tan(inclinationDeg * DEG));
  const dl = Math.asin(sinDl) / DEG;
  return {
    direct: true,
    shortfallDeg: 0,
    ascendingAzimuthDeg: beta,
    descendingAzimuthDeg: 180 - beta,
    deltaLambdaDeg: dl,
    passGapHours: (180 - 2 * dl) / EARTH_ROTATION_DEG_PER_H,
  };
}

/**
 * Greenwich mean sidereal time, deg (IAU 1982 expression in UT1; UTC is used for UT1, an error below 0.9 s,
 * i.e. under 0.004 deg of Earth rotation, negligible for launch windows).
 */
export function gmstDeg(t: UtcInstant): number {
  const d = t.jd.whole - JD_J2000 + t.jd.fraction;
  const c = d / 36_525;
  const g = 280.46061837 + 360.98564736629 * d + 0.000387933 * c * c - (c * c * c) / 38_710_000;
  return ((g % 360) + 360) % 360;
}

export interface TargetPlane {
  readonly inclinationDeg: number;
  /** RAAN at `epoch`, deg (TEME/true-of-date; the difference to mean-of-date is negligible for windows). */
  readonly raanDeg: number;
  readonly epoch: UtcInstant;
  /** Secular RAAN rate, deg/day (J2; see `raanRateDegPerDay`). */
  readonly raanRateDegPerDay: number;
}

export interface LaunchWindow {
  readonly utc: UtcInstant;
  readonly pass: 'ascending' | 'descending';
  readonly azimuthDeg: number;
}

const SIDEREAL_RATE_DEG_PER_DAY = 360.98564736629;

/**
 * The next in-plane instants of a launch site (the site passes through the target orbit plane), from `from`
 * onwards: ascending pass when LST = Ω + Δλ, descending when LST = Ω + 180° − Δλ (basis §6.3). Two per sidereal
 * day while |φ| < i; none when the plane is out of reach. Passes whose azimuth falls outside
 * `azimuthLimitsDeg` (range safety) are left out.
 */
export function nextLaunchWindows(
  site: { readonly latitudeDeg: number; readonly longitudeDeg: number },
  target: TargetPlane,
  from: UtcInstant,
  count: number,
  azimuthLimitsDeg?: { readonly min: number; readonly max: number },
): LaunchWindow[] {
  const g = launchPlaneGeometry(site.latitudeDeg, target.inclinationDeg);
  if (!g.direct || g.deltaLambdaDeg === undefined || g.ascendingAzimuthDeg === undefined) return [];
  const relRate = SIDEREAL_RATE_DEG_PER_DAY - target.raanRateDegPerDay; // deg/day of LST − Ω
  const elapsed = daysBetween(target.epoch.jd, from.jd);
  const raanNow = target.raanDeg + target.raanRateDegPerDay * elapsed;
  const angleNow = gmstDeg(from) + site.longitudeDeg - raanNow; // LST − Ω at `from`
  const candidates: { offsetDeg: number; pass: 'ascending' | 'descending'; azimuthDeg: number }[] = [
    { offsetDeg: g.deltaLambdaDeg, pass: 'ascending', azimuthDeg: g.ascendingAzimuthDeg },
    { offsetDeg: 180 - g.deltaLambdaDeg, pass: 'descending', azimuthDeg: 180 - g.ascendingAzimuthDeg },
  ];
  const allowed = candidates.filter(
    (c) =>
      !azimuthLimitsDeg || (c.azimuthDeg >= azimuthLimitsDeg.min && c.azimuthDeg <= azimuthLimitsDeg.max),
  );
  const windows: LaunchWindow[] = [];
  for (let day = 0; windows.length < count && day < count + 2; day++) {
    for (const c of allowed) {
      const wait = ((((c.offsetDeg - angleNow) % 360) + 360) % 360) + 360 * day;
      windows.push({
        utc: { scale: 'UTC', jd: addDays(from.jd, wait / relRate) },
        pass: c.pass,
        azimuthDeg: c.azimuthDeg,
      });
    }
  }
  return windows.sort((a, b) => daysBetween(b.utc.jd, a.utc.jd)).slice(0, count);
}
