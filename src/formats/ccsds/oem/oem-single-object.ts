import type { RecordIssue } from '../../record-issue.js';
import { type OemObjectEphemeris, oemEphemerides } from './oem-ephemeris.js';
import { parseOemKvn } from './oem-kvn.js';

/**
 * An OEM (KVN) of exactly one object, read and converted for screening (TEME, UTC): what the service stores per
 * ephemeris and its screening workers read back. Any error, or segments of more than one OBJECT_ID, gives no
 * object; warnings (e.g. sparse sampling) are returned with the object.
 */
export function parseSingleObjectOemKvn(
  text: string,
  file: string,
): { object?: OemObjectEphemeris; issues: RecordIssue[] } {
  const parsed = parseOemKvn(text, file);
  if (!parsed.oem) return { issues: parsed.issues };
  const converted = oemEphemerides(parsed.oem, file);
  const issues = [...parsed.issues, ...converted.issues];
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const [object, ...others] = converted.objects;
  if (!object || others.length > 0) {
    issues.push({
      file,
      line: 1,
      field: 'OBJECT_ID',
      code: 'OEM_MULTIPLE_OBJECTS',
      message: `an ephemeris holds one object, this one has ${converted.objects.length}: ${converted.objects.map((o) => o.objectId).join(', ')}`,
      severity: 'error',
    });
    return { issues };
  }
  return { object, issues };
}
