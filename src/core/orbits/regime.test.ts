import { describe, expect, it } from 'vitest';
import { classifyRegime, orbitShape } from './regime.js';

// Approximate mean elements of well-known objects (rounded from public element sets); the
// classification thresholds are far from these values, so rounding cannot flip a result.
const ISS = { meanMotionRevPerDay: 15.50103472, eccentricity: 0.0005373 };
const GPS_IIF = { meanMotionRevPerDay: 2.00563268, eccentricity: 0.0111 };
const INTELSAT_GEO = { meanMotionRevPerDay: 1.00270245, eccentricity: 0.0002 };
const MOLNIYA = { meanMotionRevPerDay: 2.006, eccentricity: 0.72 };
const VANGUARD_1 = { meanMotionRevPerDay: 10.85092911, eccentricity: 0.1844295 };

describe('orbit regime', () => {
  it('ISS orbit is about 415-425 km high with a 92.9 min period', () => {
    const s = orbitShape(ISS);
    expect(s.perigeeAltitudeKm).toBeGreaterThan(400);
    expect(s.apogeeAltitudeKm).toBeLessThan(440);
    expect(s.periodMin).toBeCloseTo(92.9, 1);
  });

  it('classifies LEO, MEO, GEO and HEO', () => {
    expect(classifyRegime(ISS)).toBe('LEO');
    expect(classifyRegime(GPS_IIF)).toBe('MEO');
    expect(classifyRegime(INTELSAT_GEO)).toBe('GEO');
    expect(classifyRegime(MOLNIYA)).toBe('HEO');
    // Vanguard 1: 650 x 3,800 km, e = 0.18, apogee above 2,000 km: MEO by the documented rule.
    expect(classifyRegime(VANGUARD_1)).toBe('MEO');
  });
});
