/**
 * Earth constants for the rescue planner's two-body and J2 formulas, exactly as the rescue basis §6.2 fixes them
 * so that derived figures reproduce. (SGP4 uses its own WGS-72 constants internally.)
 */
/** Earth gravitational parameter μ⊕, km³/s². */
export const MU_EARTH_KM3_S2 = 398_600.4418;
/** Earth equatorial radius R⊕, km. */
export const EARTH_RADIUS_KM = 6378.137;
/** Second zonal harmonic J2 (dimensionless). */
export const J2_EARTH = 1.08262668e-3;
/** Sidereal rotation rate used for window arithmetic, deg/h (basis §6.2). */
export const EARTH_ROTATION_DEG_PER_H = 15.041;
export const DEG = Math.PI / 180;
