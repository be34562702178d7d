import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPropagationReadiness } from '../src/core/catalog/propagation-readiness.js';
import type { ElementSet } from '../src/core/orbits/element-set.js';
import { orbitShape } from '../src/core/orbits/regime.js';
import { PROPAGATION_ERROR_CODES } from '../src/core/propagation/propagation-error.js';
import { loadCatalogFiles } from '../src/edges/io/load-catalog.js';

/** Why SGP4 may legitimately fail for an element set within a week; '' when nothing explains it. */
function explainFailure(es: ElementSet): string {
  const perigeeKm = orbitShape(es).perigeeAltitudeKm;
  if (perigeeKm < 700 && (es.meanMotionDotRevPerDay2 > 1e-3 || perigeeKm < 250))
    return 'drag decay from a low perigee';
  if (es.bstarPerEarthRadii < 0 && Math.abs(es.meanMotionDotRevPerDay2) > 1e-3)
    return 'anomalous fit: negative BSTAR';
  if (es.eccentricity > 0.9) return 'near-parabolic orbit (e > 0.9)';
  return '';
}

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/catalogs/${name}`, import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../data/sample/${name}`, import.meta.url));

// Object counts as published with each data set (shared data README), not computed by us.
const CATALOGS = [
  { name: '2019-12-19 3LE', file: fixture('spacetrack_3le_2019-12-19_ODAP.txt.gz'), objects: 18_470 },
  { name: '2022-01-22 3LE', file: fixture('spacetrack_3le_2022-01-22_ODAP.txt.gz'), objects: 23_939 },
  { name: '2023-10-09 3LE', file: sample('spacetrack_3le_2023-10-09.txt.gz'), objects: 26_140 },
  { name: '2026-03-09 OMM JSON', file: fixture('celestrak_gp_2026-03-09to10.json.gz'), objects: 18_407 },
];

describe.each(CATALOGS)('whole catalog $name', ({ file, objects }) => {
  const loaded = loadCatalogFiles([file]);

  it('loads every object with zero rejections', () => {
    expect(loaded.rejectedRecords).toBe(0);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.catalog.objects.length).toBe(objects);
  });

  it('propagates every object for 7 days, each failure counted under a known code', () => {
    const readiness = checkPropagationReadiness(loaded.catalog, loaded.catalog.referenceTime, 7, 6);
    const counted = Object.values(readiness.failuresByCode).reduce((a, b) => a + (b ?? 0), 0);
    expect(counted).toBe(readiness.failures.length);
    expect(readiness.objectsReady + readiness.failures.length).toBe(objects);
    for (const failure of readiness.failures) expect(PROPAGATION_ERROR_CODES).toContain(failure.code);
    // Every failure must have a physical explanation in its elements, so the check cannot hide a parsing error
    // (e.g. a mis-read mean motion or eccentricity) behind an SGP4 error code.
    const byId = new Map(loaded.catalog.objects.map((o) => [o.elementSet.noradCatId, o]));
    for (const failure of readiness.failures) {
      const es = byId.get(failure.noradCatId)?.elementSet;
      expect(es, failure.catalogId).toBeDefined();
      if (es)
        expect(explainFailure(es), `${failure.catalogId} ${failure.objectName} ${failure.code}`).not.toBe('');
    }
    // A wholesale failure (wrong units, wrong epoch) would fail thousands of objects at once.
    expect(readiness.failures.length).toBeLessThan(objects * 0.05);
  });
});

describe('SATCAT join', () => {
  it('covers about 97 % of the 2019 catalog with the 2021 SATCAT, as the data notes state', () => {
    const loaded = loadCatalogFiles([
      fixture('spacetrack_3le_2019-12-19_ODAP.txt.gz'),
      sample('spacetrack_satcat_2021-01.csv.gz'),
    ]);
    expect(loaded.rejectedRecords).toBe(0);
    expect(loaded.satcatRowsRead).toBe(47_232);
    const withSatcat = loaded.catalog.objects.filter((o) => o.satcat !== undefined).length;
    expect(withSatcat / loaded.catalog.objects.length).toBeGreaterThan(0.96);
    const iss = loaded.catalog.objects.find((o) => o.elementSet.noradCatId === 25544);
    expect(iss?.ownerCode).toBe('ISS');
    expect(iss?.objectType).toBe('PAYLOAD');
    expect(iss?.regime).toBe('LEO');
  });
});
