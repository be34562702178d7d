import type { Vec3 } from './matrix3.js';

/** WGS-84 ellipsoid: semi-major axis (km) and flattening (NIMA TR8350.2). */
export const WGS84_EQUATORIAL_RADIUS_KM = 6378.137;
export const WGS84_FLATTENING = 1 / 298.257223563;
const E2 = WGS84_FLATTENING * (2 - WGS84_FLATTENING);

/** Geodetic coordinates on WGS-84: latitude/longitude in radians (longitude in (−π, π]), height in km. */
export interface Geodetic {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightKm: number;
}

/**
 * ITRF position (km) → WGS-84 geodetic. Fixed-point iteration on latitude with the form
 * tan φ = (z + e² N sin φ) / p, which stays well-conditioned at the poles and at any height; it stops when φ
 * changes by < 1e-14 rad (≈ 0.1 µm), typically in 4–6 steps for LEO, and never exceeds 30.
 */
export function geodeticFromItrf(positionKm: Vec3): Geodetic {
  const [x, y, z] = positionKm;
  const a = WGS84_EQUATORIAL_RADIUS_KM;
  const p = Math.hypot(x, y);
  const longitudeRad = Math.atan2(y, x);
  if (p === 0 && z === 0) return { latitudeRad: 0, longitudeRad: 0, heightKm: -a };
  let lat = Math.atan2(z, p * (1 - E2));
  for (let i = 0; i < 30; i++) {
    const s = Math.sin(lat);
    const n = a / Math.sqrt(1 - E2 * s * s);
    const next = Math.atan2(z + E2 * n * s, p);
    const done = Math.abs(next - lat) < 1e-14;
    lat = next;
    if (done) break;
  }
  const s = Math.sin(lat);
  const c = Math.cos(lat);
  const n = a / Math.sqrt(1 - E2 * s * s);
  // h = p cos φ + z sin φ − a²/N: the projection form, accurate at every latitude (no division by cos φ).
  const heightKm = p * c + z * s - (a * a) / n;
  return { latitudeRad: lat, longitudeRad, heightKm };
}

/** WGS-84 geodetic → ITRF position (km). */
export function itrfFromGeodetic(g: Geodetic): [number, number, number] {
  const s = Math.sin(g.latitudeRad);
  const c = Math.cos(g.latitudeRad);
  const n = WGS84_EQUATORIAL_RADIUS_KM / Math.sqrt(1 - E2 * s * s);
  return [
    (n + g.heightKm) * c * Math.cos(g.longitudeRad),
    (n + g.heightKm) * c * Math.sin(g.longitudeRad),
    (n * (1 - E2) + g.heightKm) * s,
  ];
}
