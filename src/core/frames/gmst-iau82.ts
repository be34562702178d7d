import type { JulianDate } from '../time/time-scale.js';

const JD_J2000 = 2_451_545.0;
const TWO_PI = 2 * Math.PI;

/**
 * Greenwich mean sidereal time, IAU 1982 (Aoki et al. 1982), radians in [0, 2π), of a UT1 Julian date.
 * GMST(s) = 67310.54841 + (876600 h + 8640184.812866 s) T + 0.093104 T² − 6.2e−6 T³, T in UT1 centuries.
 * The 876600 h × T term equals 86400 s × (days since J2000): only its fractional day matters, so it is taken from
 * the two-part JD directly, keeping ~1e-11 rad instead of losing digits in a 3e9-second product.
 */
export function gmstIau82Rad(jdUt1: JulianDate): number {
  const wholeDays = jdUt1.whole - JD_J2000;
  const days = wholeDays + jdUt1.fraction;
  const t = days / 36_525;
  const dayFraction = wholeDays - Math.floor(wholeDays) + jdUt1.fraction;
  const seconds =
    67_310.54841 +
    86_400 * (dayFraction - Math.floor(dayFraction)) +
    ((-6.2e-6 * t + 0.093104) * t + 8_640_184.812866) * t;
  // 1 s of sidereal time = 15″ = 2π / 86400 rad.
  const angle = ((seconds % 86_400) / 86_400) * TWO_PI;
  return angle < 0 ? angle + TWO_PI : angle;
}
