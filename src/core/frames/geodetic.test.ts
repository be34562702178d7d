import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geodeticFromItrf, itrfFromGeodetic } from './geodetic.js';
import type { Vec3 } from './matrix3.js';

const DEG = Math.PI / 180;
const ERFA = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/frames/erfa-iau1980.json', import.meta.url), 'utf8'),
) as {
  geodeticWgs84: Array<{
    label: string;
    itrfM: Vec3;
    latitudeRad: number;
    longitudeRad: number;
    heightM: number;
  }>;
};
const ISS = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/iss-reference/iss-2023-10-10.json', import.meta.url), 'utf8'),
) as {
  itrf: { positionKm: Vec3 };
  geodeticWgs84: { latitudeDeg: number; longitudeDeg: number; heightKm: number };
};

describe('WGS-84 geodetic', () => {
  it('Vallado 2013 Example 3-3: (6524.834, 6862.875, 6448.296) km → φgd 34.352496°, λ 46.4464°, h 5085.22 km', () => {
    const g = geodeticFromItrf([6524.834, 6862.875, 6448.296]);
    // Published to 6, 4 and 2 decimals; the book's iteration stops at ~1e-8 rad, so its last latitude digit is
    // loose (ERFA gives 34.35249685°): allow 1e-6°.
    expect(Math.abs(g.latitudeRad / DEG - 34.352496)).toBeLessThan(1e-6);
    expect(Math.abs(g.longitudeRad / DEG - 46.4464)).toBeLessThan(5e-5);
    expect(Math.abs(g.heightKm - 5085.22)).toBeLessThan(5e-3);
  });

  it('matches ERFA gc2gd (WGS-84) at four points to 1e-11 rad and 0.1 mm', () => {
    expect(ERFA.geodeticWgs84).toHaveLength(4);
    for (const p of ERFA.geodeticWgs84) {
      const g = geodeticFromItrf([p.itrfM[0] / 1000, p.itrfM[1] / 1000, p.itrfM[2] / 1000]);
      expect(Math.abs(g.latitudeRad - p.latitudeRad), p.label).toBeLessThan(1e-11);
      expect(Math.abs(g.longitudeRad - p.longitudeRad), p.label).toBeLessThan(1e-11);
      expect(Math.abs(g.heightKm * 1000 - p.heightM), p.label).toBeLessThan(1e-4);
    }
  });

  it('matches ERFA gc2gd (via astropy, WGS-84) for the ISS reference point to 1 mm and 1e-10°', () => {
    const g = geodeticFromItrf(ISS.itrf.positionKm);
    expect(Math.abs(g.latitudeRad / DEG - ISS.geodeticWgs84.latitudeDeg)).toBeLessThan(1e-10);
    expect(Math.abs(g.longitudeRad / DEG - ISS.geodeticWgs84.longitudeDeg)).toBeLessThan(1e-10);
    expect(Math.abs(g.heightKm - ISS.geodeticWgs84.heightKm)).toBeLessThan(1e-6);
  });

  it('round-trips to < 1 mm from the surface to GEO, including the poles and the equator', () => {
    for (const latDeg of [-90, -89.999, -45, -0.001, 0, 12.5, 60, 89.9999, 90]) {
      for (const heightKm of [-0.4, 0, 0.4, 420, 20_200, 35_786]) {
        const start = { latitudeRad: latDeg * DEG, longitudeRad: 123.4 * DEG, heightKm };
        const xyz = itrfFromGeodetic(start);
        const back = geodeticFromItrf(xyz);
        const again = itrfFromGeodetic(back);
        expect(Math.hypot(again[0] - xyz[0], again[1] - xyz[1], again[2] - xyz[2])).toBeLessThan(1e-6);
        expect(Math.abs(back.heightKm - heightKm)).toBeLessThan(1e-6);
      }
    }
  });

  it('puts the poles and the equator where WGS-84 says (b = 6356.7523142 km)', () => {
    expect(itrfFromGeodetic({ latitudeRad: 90 * DEG, longitudeRad: 0, heightKm: 0 })[2]).toBeCloseTo(
      6356.7523142,
      6,
    );
    expect(itrfFromGeodetic({ latitudeRad: 0, longitudeRad: 0, heightKm: 0 })[0]).toBeCloseTo(6378.137, 9);
  });
});
