import { parseIsoUtc } from '../../../core/time/iso-8601.js';
import { daysBetween } from '../../../core/time/julian-date.js';
import type { JulianDate } from '../../../core/time/time-scale.js';
import type { RecordIssue } from '../../record-issue.js';
import {
  OEM_MANDATORY_METADATA,
  type Oem,
  type OemCovariance,
  type OemHeader,
  type OemInterpolation,
  type OemMetadata,
  type OemSegment,
  type OemStateLine,
} from './oem-message.js';

export interface OemParseResult {
  readonly oem: Oem | undefined;
  readonly issues: RecordIssue[];
}

export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eEdD][+-]?\d+)?$/;

/** Mutable segment under construction, shared by the KVN and XML readers. */
export interface SegmentDraft {
  metadata: { comments: string[]; fields: Record<string, string>; line: number };
  dataComments: string[];
  states: OemStateLine[];
  covariances: OemCovariance[];
  firstEpoch?: JulianDate;
}

export function newSegment(line: number): SegmentDraft {
  return { metadata: { comments: [], fields: {}, line }, dataComments: [], states: [], covariances: [] };
}

/** Seconds from the segment's first epoch; undefined (and an issue) when the epoch is not ISO-8601. */
export function epochSeconds(
  segment: SegmentDraft,
  epoch: string,
  report: (message: string) => void,
): number | undefined {
  const parsed = parseIsoUtc(epoch);
  if (!parsed.ok) {
    report(parsed.message);
    return undefined;
  }
  if (!segment.firstEpoch) segment.firstEpoch = parsed.value.jd;
  return daysBetween(segment.firstEpoch, parsed.value.jd) * 86_400;
}

/** Validates drafts into an OEM: mandatory metadata, interpolation metadata, one time system for all segments. */
export function finishOem(
  header: OemHeader,
  drafts: SegmentDraft[],
  issues: RecordIssue[],
  file: string,
): OemParseResult {
  const error = (line: number, field: string, code: string, message: string) =>
    issues.push({ file, line, field, code, message, severity: 'error' });
  if (header.version === '') error(1, 'CCSDS_OEM_VERS', 'OEM_MISSING_KEYWORD', 'CCSDS_OEM_VERS is missing');
  for (const k of ['CREATION_DATE', 'ORIGINATOR']) {
    if (header.fields[k] === undefined)
      error(1, k, 'OEM_MISSING_KEYWORD', `mandatory header keyword ${k} is missing`);
  }
  if (drafts.length === 0) error(1, 'META_START', 'OEM_NO_SEGMENT', 'the OEM has no segment');
  const segments: OemSegment[] = [];
  let timeSystem: string | undefined;
  for (const d of drafts) {
    const f = d.metadata.fields;
    for (const k of OEM_MANDATORY_METADATA) {
      if (f[k] === undefined)
        error(d.metadata.line, k, 'OEM_MISSING_KEYWORD', `mandatory metadata keyword ${k} is missing`);
    }
    const ts = f['TIME_SYSTEM'];
    if (ts !== undefined) {
      if (timeSystem === undefined) timeSystem = ts;
      else if (ts !== timeSystem) {
        error(
          d.metadata.line,
          'TIME_SYSTEM',
          'OEM_INCONSISTENT_TIME_SYSTEMS',
          `segment uses ${ts} but an earlier segment uses ${timeSystem}`,
        );
      }
    }
    let interpolation: OemInterpolation | undefined;
    const interp = f['INTERPOLATION']?.toUpperCase();
    if (interp !== undefined) {
      if (interp === 'LAGRANGE' || interp === 'HERMITE' || interp === 'LINEAR') interpolation = interp;
      else
        error(
          d.metadata.line,
          'INTERPOLATION',
          'OEM_BAD_INTERPOLATION',
          `INTERPOLATION = ${f['INTERPOLATION']}: expected LAGRANGE, HERMITE or LINEAR`,
        );
    }
    let interpolationDegree: number | undefined;
    if (f['INTERPOLATION_DEGREE'] !== undefined) {
      interpolationDegree = Number(f['INTERPOLATION_DEGREE']);
      if (!Number.isInteger(interpolationDegree) || interpolationDegree < 1) {
        error(
          d.metadata.line,
          'INTERPOLATION_DEGREE',
          'OEM_BAD_INTERPOLATION',
          `INTERPOLATION_DEGREE = ${f['INTERPOLATION_DEGREE']} is not a positive integer`,
        );
      }
    }
    const metadata: OemMetadata = {
      comments: d.metadata.comments,
      fields: f,
      line: d.metadata.line,
      ...(interpolation ? { interpolation } : {}),
      ...(interpolationDegree !== undefined ? { interpolationDegree } : {}),
    };
    segments.push({ metadata, dataComments: d.dataComments, states: d.states, covariances: d.covariances });
  }
  const hasError = issues.some((i) => i.severity === 'error');
  return { oem: hasError ? undefined : { header, segments }, issues };
}

/** Lower triangle rows (6 rows, 1..6 values) -> symmetric 6x6. */
export function symmetricFromRows(rows: number[][]): Float64Array {
  const c = new Float64Array(36);
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      c[i * 6 + j] = v;
      c[j * 6 + i] = v;
    });
  });
  return c;
}
