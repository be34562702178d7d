import type { CatalogObject } from '../../core/catalog/catalog.js';
import { elementSetAtTca } from '../../core/risk/conjunction-assessment.js';
import type { HbrTable } from '../../core/risk/hard-body-radius.js';
import type { ScreeningObject } from '../../core/screening/screening-types.js';
import { epochUnixMs } from '../../core/screening/sgp4-states.js';
import type { CdmSubject } from './screening-cdms.js';

/** One object of a CLI screening: what the engine gets, how the reports name it, how its CDM part is made. */
export interface ScreenedObject {
  /** The id the output shows: the catalog id, or the OEM OBJECT_ID of an object the catalog does not hold. */
  readonly id: string;
  readonly name: string;
  readonly regime: string;
  readonly source: 'catalog' | 'oem';
  /** Epoch of the element set (catalog objects), Unix ms UTC. */
  readonly elementSetEpochUnixMs?: number;
  /** The OEM file it comes from (OEM objects). */
  readonly oemFile?: string;
  readonly screening: ScreeningObject;
  readonly cdm: CdmSubject;
}

/** A catalog object: SGP4 of its element set; CDM states by SGP4 at TCA, CARA/RCS/default hard-body radius. */
export function catalogScreenedObject(o: CatalogObject, table: () => HbrTable): ScreenedObject {
  const es = o.elementSet;
  return {
    id: es.catalogId,
    name: es.objectName,
    regime: o.regime,
    source: 'catalog',
    elementSetEpochUnixMs: epochUnixMs(es),
    screening: { elementSet: es, regime: o.regime },
    cdm: {
      fileId: es.catalogId,
      identity: {
        designator: String(es.noradCatId),
        name: es.objectName || `NORAD ${es.noradCatId}`,
        internationalDesignator: es.objectId || 'UNKNOWN',
        objectType: o.objectType,
        elementSetEpochUtc: es.epochIso.replace(/Z$/, ''),
      },
      atTca: (tcaUnixMs: number) =>
        elementSetAtTca(es, tcaUnixMs, {
          hbr: { table: table(), ...(o.satcat?.rcsSize ? { rcsSize: o.satcat.rcsSize } : {}) },
        }),
    },
  };
}
