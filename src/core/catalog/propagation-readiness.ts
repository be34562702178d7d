import { propagateAt } from '../propagation/propagate.js';
import type { PropagationErrorCode } from '../propagation/propagation-error.js';
import { createSgp4Model } from '../propagation/sgp4-model.js';
import { addSeconds } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import type { Catalog, CatalogObject } from './catalog.js';

export interface ReadinessFailure {
  readonly noradCatId: number;
  readonly catalogId: string;
  readonly objectName: string;
  readonly code: PropagationErrorCode;
  /** First failing time, hours after the start of the window. */
  readonly atHours: number;
}

export interface PropagationReadiness {
  readonly start: UtcInstant;
  readonly days: number;
  readonly stepHours: number;
  readonly objectsChecked: number;
  readonly objectsReady: number;
  /** Objects that failed at least once, by the code of their first failure. */
  readonly failuresByCode: Readonly<Partial<Record<PropagationErrorCode, number>>>;
  readonly failures: readonly ReadinessFailure[];
}

/**
 * Can every object be propagated over the window? Samples each object every `stepHours` from `start` for `days`
 * and records the first failure (decay, eccentricity out of range, ...). This is the "screen-ready" check:
 * the screening engine excludes the same objects and reports the same codes.
 */
export function checkPropagationReadiness(
  catalog: Catalog,
  start: UtcInstant,
  days: number,
  stepHours: number,
  onProgress?: (done: number, total: number) => void,
): PropagationReadiness {
  const failures: ReadinessFailure[] = [];
  const failuresByCode: Partial<Record<PropagationErrorCode, number>> = {};
  const steps = Math.floor((days * 24) / stepHours);
  const instants: UtcInstant[] = [];
  for (let k = 0; k <= steps; k++)
    instants.push({ scale: 'UTC', jd: addSeconds(start.jd, k * stepHours * 3600) });
  const record = (object: CatalogObject, code: PropagationErrorCode, atHours: number) => {
    failuresByCode[code] = (failuresByCode[code] ?? 0) + 1;
    const es = object.elementSet;
    failures.push({
      noradCatId: es.noradCatId,
      catalogId: es.catalogId,
      objectName: es.objectName,
      code,
      atHours,
    });
  };
  catalog.objects.forEach((object, index) => {
    if (onProgress && index % 1000 === 0) onProgress(index, catalog.objects.length);
    const model = createSgp4Model(object.elementSet);
    if (!model.ok) {
      record(object, model.code, 0);
      return;
    }
    for (let k = 0; k < instants.length; k++) {
      const state = propagateAt(model.value, instants[k] as UtcInstant);
      if (!state.ok) {
        record(object, state.code, k * stepHours);
        return;
      }
    }
  });
  onProgress?.(catalog.objects.length, catalog.objects.length);
  return {
    start,
    days,
    stepHours,
    objectsChecked: catalog.objects.length,
    objectsReady: catalog.objects.length - failures.length,
    failuresByCode,
    failures,
  };
}
