import { createHash } from 'node:crypto';
import type { ElementSet } from '../../core/orbits/element-set.js';

/**
 * Identity of an element set for de-duplication: catalog number, epoch and every mean element and drag term.
 * The same set posted again (from any file, by any party) has the same hash and is not stored twice; names,
 * element-set numbers and the file it came from do not count.
 */
export function elementSetContentHash(es: ElementSet): string {
  const key = [
    es.noradCatId,
    es.epochIso,
    es.meanMotionRevPerDay,
    es.eccentricity,
    es.inclinationDeg,
    es.raanDeg,
    es.argOfPericenterDeg,
    es.meanAnomalyDeg,
    es.bstarPerEarthRadii,
    es.meanMotionDotRevPerDay2,
    es.meanMotionDdotRevPerDay3,
    es.ephemerisType,
  ].join('|');
  return createHash('sha256').update(key).digest('hex');
}
