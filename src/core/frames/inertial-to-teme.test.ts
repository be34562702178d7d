import { describe, expect, it } from 'vitest';
import { utcInstantFromCalendar } from '../time/time-scales.js';
import { INERTIAL_FRAMES, inertialToTemeMatrix } from './inertial-to-teme.js';
import { apply3, type Vec3 } from './matrix3.js';
import { frameRotationsAt } from './teme.js';

// Vallado 2013 Example 3-15 (see teme.test.ts): the published TOD, MOD and J2000 vectors of one TEME state.
const utc = utcInstantFromCalendar(2004, 4, 6, 7, 51, 28.386009);
const TEME: Vec3 = [5094.1801621, 6127.6446595, 6380.3445327];
const PUBLISHED: Record<'TOD' | 'MOD' | 'EME2000', Vec3> = {
  TOD: [5094.5147804, 6127.3664612, 6380.3445327],
  MOD: [5094.0290167, 6127.8709363, 6380.2478885],
  EME2000: [5102.5096, 6123.01152, 6378.1363],
};

describe('inertial frames to TEME of date', () => {
  const rot = frameRotationsAt(utc, { dut1Seconds: -0.4399619 });
  if (!rot.ok) throw new Error(rot.message);

  it.each(['TOD', 'MOD', 'EME2000'] as const)(
    '%s → TEME returns the published TEME state (0.1 mm; 1 cm from J2000, published to 1 cm)',
    (frame) => {
      const back = apply3(inertialToTemeMatrix(frame, rot.value), PUBLISHED[frame]);
      for (let k = 0; k < 3; k++)
        expect(Math.abs((back[k] ?? 0) - (TEME[k] ?? 0))).toBeLessThan(frame === 'EME2000' ? 1e-5 : 1e-7);
    },
  );

  it('every frame gives a rotation (orthonormal), TEME the identity', () => {
    for (const frame of INERTIAL_FRAMES) {
      const m = inertialToTemeMatrix(frame, rot.value);
      const x = apply3(m, [1, 0, 0]);
      expect(Math.hypot(...x)).toBeCloseTo(1, 14);
    }
    expect(Array.from(inertialToTemeMatrix('TEME', rot.value))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
