import type { ElementSet } from '../../core/orbits/element-set.js';
import { utcInstantFromUnixMs } from '../../core/time/iso-8601.js';
import {
  formatOmmEpoch,
  type OmmWriteOptions,
  ommFieldsOfElementSet,
  ommValueText,
} from './omm-writer-fields.js';

const KEYWORD_WIDTH = 20;

/**
 * Element sets → CCSDS OMM KVN, one complete message per element set, concatenated (the form CelesTrak
 * serves and `parseOmmKvn` reads). Version 2.0 keywords only, no units, blank lines between parts.
 */
export function writeOmmKvn(elementSets: readonly ElementSet[], options: OmmWriteOptions = {}): string {
  const creationDate = formatOmmEpoch(options.creationDate ?? utcInstantFromUnixMs(Date.now()));
  const originator = options.originator ?? 'CONCORD';
  const line = (keyword: string, value: string) => `${keyword.padEnd(KEYWORD_WIDTH)}= ${value}`.trimEnd();
  const out: string[] = [];
  for (const es of elementSets) {
    out.push(
      line('CCSDS_OMM_VERS', '2.0'),
      line('CREATION_DATE', creationDate),
      line('ORIGINATOR', originator),
    );
    let section = 'header';
    for (const field of ommFieldsOfElementSet(es)) {
      if (field.section !== section) {
        out.push('');
        section = field.section;
      }
      out.push(line(field.keyword, ommValueText(field.value)));
    }
    out.push('');
  }
  return `${out.join('\n')}${out.length > 0 ? '\n' : ''}`;
}
