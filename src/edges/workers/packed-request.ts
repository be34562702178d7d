import type { ElementSet, ElementSetFormat } from '../../core/orbits/element-set.js';
import type { Regime } from '../../core/orbits/regime.js';
import type { ScreeningObject, ScreeningRequest } from '../../core/screening/screening-types.js';

/** Numbers per object in `PackedRequest.numbers`. */
const FIELDS = 16;

/**
 * A screening request as the workers receive it: the element sets' numbers in one Float64Array and their strings
 * in one JSON text. Structured cloning the full catalog's 26,140 element-set objects cost the main thread about
 * 0.4 s per worker, one worker after the other, and each worker as much again to rebuild them; a typed array and
 * a string clone in milliseconds. Objects given by an ephemeris (few) are cloned as they are.
 */
export interface PackedRequest {
  readonly request: Omit<ScreeningRequest, 'objects'>;
  readonly count: number;
  readonly numbers: Float64Array;
  /** JSON array of per-object string arrays (empty for ephemeris objects). */
  readonly strings: string;
  readonly ephemerisObjects: readonly { readonly index: number; readonly object: ScreeningObject }[];
}

export function packRequest(request: ScreeningRequest): PackedRequest {
  const { objects, ...rest } = request;
  const n = objects.length;
  const numbers = new Float64Array(n * FIELDS);
  const strings: string[][] = [];
  const ephemerisObjects: { index: number; object: ScreeningObject }[] = [];
  for (let i = 0; i < n; i++) {
    const o = objects[i] as ScreeningObject;
    const es = o.elementSet;
    if (!es) {
      ephemerisObjects.push({ index: i, object: o });
      strings.push([]);
      continue;
    }
    numbers.set(
      [
        es.noradCatId,
        es.epoch.jd.whole,
        es.epoch.jd.fraction,
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
        es.elementSetNo,
        es.revAtEpoch,
        es.origin.line,
      ],
      i * FIELDS,
    );
    strings.push([
      es.catalogId,
      es.objectName,
      es.objectId,
      es.classification,
      es.epochIso,
      o.regime,
      es.origin.file,
      es.origin.format,
    ]);
  }
  return { request: rest, count: n, numbers, strings: JSON.stringify(strings), ephemerisObjects };
}

export function unpackRequest(packed: PackedRequest): ScreeningRequest {
  const { numbers } = packed;
  const strings = JSON.parse(packed.strings) as string[][];
  const ephemeris = new Map(packed.ephemerisObjects.map((e) => [e.index, e.object]));
  const objects: ScreeningObject[] = [];
  for (let i = 0; i < packed.count; i++) {
    const s = strings[i] as string[];
    const given = ephemeris.get(i);
    if (given) {
      objects.push(given);
      continue;
    }
    const v = (k: number) => numbers[i * FIELDS + k] as number;
    const elementSet: ElementSet = {
      catalogId: s[0] as string,
      noradCatId: v(0),
      objectName: s[1] as string,
      objectId: s[2] as string,
      classification: s[3] as string,
      epoch: { scale: 'UTC', jd: { whole: v(1), fraction: v(2) } },
      epochIso: s[4] as string,
      meanMotionRevPerDay: v(3),
      eccentricity: v(4),
      inclinationDeg: v(5),
      raanDeg: v(6),
      argOfPericenterDeg: v(7),
      meanAnomalyDeg: v(8),
      bstarPerEarthRadii: v(9),
      meanMotionDotRevPerDay2: v(10),
      meanMotionDdotRevPerDay3: v(11),
      ephemerisType: v(12),
      elementSetNo: v(13),
      revAtEpoch: v(14),
      origin: { file: s[6] as string, line: v(15), format: s[7] as ElementSetFormat },
    };
    objects.push({ elementSet, regime: s[5] as Regime });
  }
  return { ...packed.request, objects };
}
