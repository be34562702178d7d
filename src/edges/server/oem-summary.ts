import { parseIsoUtc, unixMsFromUtcInstant } from '../../core/time/iso-8601.js';
import { lexKvn } from '../../formats/ccsds/kvn-lexer.js';
import type { RecordIssue } from '../../formats/record-issue.js';

export interface OemSummary {
  readonly noradCatId: number;
  readonly startUnixMs: number;
  readonly stopUnixMs: number;
  readonly dataLines: number;
}

/**
 * What the service needs from an OEM (KVN) before storing it: the object (OBJECT_ID as a catalog number or
 * COSPAR id with a NORAD number in OBJECT_NAME is not guessed: OBJECT_ID must be the catalog number), the
 * usable span, and at least one state line with 7 numbers. Full OEM validation belongs to the OEM parser.
 */
export function summarizeOem(text: string, file: string): { summary?: OemSummary; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const issue = (line: number, field: string, code: string, message: string) =>
    issues.push({ file, line, field, code, message, severity: 'error' });
  const lines = lexKvn(text);
  const first = lines.find((l) => l.kind !== 'blank' && l.kind !== 'comment');
  if (first?.kind !== 'keyword' || first.keyword !== 'CCSDS_OEM_VERS') {
    issue(first?.line ?? 1, 'CCSDS_OEM_VERS', 'OEM_MISSING_VERSION', 'an OEM starts with CCSDS_OEM_VERS');
    return { issues };
  }
  let norad: number | undefined;
  let start: number | undefined;
  let stop: number | undefined;
  let dataLines = 0;
  for (const l of lines) {
    if (l.kind === 'keyword') {
      if (l.keyword === 'OBJECT_ID' && norad === undefined) {
        if (/^\d{1,9}$/.test(l.value)) norad = Number(l.value);
        else
          issue(
            l.line,
            'OBJECT_ID',
            'OEM_OBJECT_ID',
            `OBJECT_ID must be the catalog number, got "${l.value}"`,
          );
      }
      if (l.keyword === 'START_TIME' || l.keyword === 'STOP_TIME') {
        const t = parseIsoUtc(l.value);
        if (!t.ok) issue(l.line, l.keyword, 'OEM_BAD_EPOCH', t.message);
        else if (l.keyword === 'START_TIME')
          start = Math.min(start ?? Number.POSITIVE_INFINITY, unixMsFromUtcInstant(t.value));
        else stop = Math.max(stop ?? Number.NEGATIVE_INFINITY, unixMsFromUtcInstant(t.value));
      }
    } else if (l.kind === 'data') {
      const parts = l.text.trim().split(/\s+/);
      if (parts.length === 1 || /^(META_|COVARIANCE_)/.test(parts[0] ?? '')) continue;
      if (parts.length < 7 || parts.slice(1).some((p) => !Number.isFinite(Number(p)))) {
        issue(l.line, 'EPHEMERIS', 'OEM_BAD_STATE', 'a state line is an epoch and 6 (or 9) numbers');
      } else dataLines += 1;
    }
  }
  if (norad === undefined && !issues.some((i) => i.field === 'OBJECT_ID'))
    issue(1, 'OBJECT_ID', 'OEM_MISSING_KEYWORD', 'OBJECT_ID is mandatory');
  if (start === undefined) issue(1, 'START_TIME', 'OEM_MISSING_KEYWORD', 'START_TIME is mandatory');
  if (stop === undefined) issue(1, 'STOP_TIME', 'OEM_MISSING_KEYWORD', 'STOP_TIME is mandatory');
  if (dataLines === 0) issue(1, 'EPHEMERIS', 'OEM_NO_STATES', 'no state lines');
  if (issues.length > 0 || norad === undefined || start === undefined || stop === undefined)
    return { issues };
  return { summary: { noradCatId: norad, startUnixMs: start, stopUnixMs: stop, dataLines }, issues };
}
