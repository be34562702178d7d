import type { ElementSet } from '../../core/orbits/element-set.js';
import { GP_COLUMNS, ommFieldsOfElementSet, ommValueText } from './omm-writer-fields.js';

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Element sets → CelesTrak GP CSV (header row of OMM keywords, `GP_COLUMNS` order), CRLF-free. */
export function writeOmmCsv(elementSets: readonly ElementSet[]): string {
  const lines = [GP_COLUMNS.join(',')];
  for (const es of elementSets) {
    const byKeyword = new Map(ommFieldsOfElementSet(es).map((f) => [f.keyword, f.value]));
    lines.push(GP_COLUMNS.map((c) => csvField(ommValueText(byKeyword.get(c) ?? ''))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
