import type { ElementSet } from '../../core/orbits/element-set.js';
import { GP_COLUMNS, ommFieldsOfElementSet } from './omm-writer-fields.js';

/**
 * Element sets → GP JSON as CelesTrak serves it: an array of flat objects with the OMM keywords of
 * `GP_COLUMNS`, numbers as JSON numbers (NORAD_CAT_ID included), one object per line.
 */
export function writeOmmJson(elementSets: readonly ElementSet[]): string {
  const objects = elementSets.map((es) => {
    const byKeyword = new Map(ommFieldsOfElementSet(es).map((f) => [f.keyword, f.value]));
    const object: Record<string, string | number> = {};
    for (const column of GP_COLUMNS) {
      const value = byKeyword.get(column) ?? '';
      object[column] = column === 'NORAD_CAT_ID' ? Number(value) : value;
    }
    return JSON.stringify(object);
  });
  return objects.length === 0 ? '[]\n' : `[\n${objects.join(',\n')}\n]\n`;
}
