import type { RecordIssue } from '../../record-issue.js';
import { lexKvn } from '../kvn-lexer.js';
import {
  epochSeconds,
  finishOem,
  NUMBER,
  newSegment,
  type OemParseResult,
  type SegmentDraft,
  symmetricFromRows,
} from './oem-builder.js';
import { OEM_HEADER_KEYWORDS, OEM_METADATA_KEYWORDS, type OemHeader } from './oem-message.js';

const toNumber = (t: string) => Number(t.replace(/[dD]/, 'e'));

/**
 * Parses an OEM in KVN. Errors name file, line and keyword: unknown keyword (OEM_UNKNOWN_KEYWORD), keyword
 * inside an ephemeris or covariance block (OEM_KEYWORD_IN_DATA), bad number (OEM_NOT_A_NUMBER), wrong number of
 * ephemeris columns (OEM_EPHEMERIS_COLUMNS) or covariance columns/rows (OEM_COVARIANCE_COLUMNS,
 * OEM_COVARIANCE_DIMENSION), inconsistent time systems, missing mandatory metadata.
 */
export function parseOemKvn(text: string, file: string): OemParseResult {
  const issues: RecordIssue[] = [];
  const error = (line: number, field: string, code: string, message: string) =>
    issues.push({ file, line, field, code, message, severity: 'error' });
  const header: OemHeader = { version: '', comments: [], fields: {} };
  const drafts: SegmentDraft[] = [];
  let state: 'header' | 'meta' | 'data' | 'cov' = 'header';
  let segment: SegmentDraft | undefined;
  let covEpoch: { epoch: string; refFrame?: string; line: number } | undefined;
  let covRows: number[][] = [];
  const closeCovariance = (line: number) => {
    if (!covEpoch || !segment) return;
    if (covRows.length !== 6) {
      error(
        line,
        'COVARIANCE',
        'OEM_COVARIANCE_DIMENSION',
        `covariance at ${covEpoch.epoch} has ${covRows.length} rows, expected 6 (lower triangle of a 6x6 matrix)`,
      );
    } else {
      segment.covariances.push({
        epoch: covEpoch.epoch,
        ...(covEpoch.refFrame ? { refFrame: covEpoch.refFrame } : {}),
        covariance: symmetricFromRows(covRows),
        line: covEpoch.line,
      });
    }
    covEpoch = undefined;
    covRows = [];
  };
  for (const l of lexKvn(text)) {
    if (l.kind === 'blank') continue;
    if (l.kind === 'comment') {
      if (state === 'header') header.comments.push(l.text);
      else if (state === 'meta') segment?.metadata.comments.push(l.text);
      else segment?.dataComments.push(l.text);
      continue;
    }
    if (l.kind === 'data') {
      const tokens = l.text.split(/\s+/);
      const first = tokens[0] ?? '';
      if (first === 'META_START') {
        if (state === 'cov')
          error(l.line, 'META_START', 'OEM_UNCLOSED_BLOCK', 'META_START inside a covariance block');
        segment = newSegment(l.line);
        drafts.push(segment);
        state = 'meta';
      } else if (first === 'META_STOP') {
        state = 'data';
      } else if (first === 'COVARIANCE_START') {
        state = 'cov';
      } else if (first === 'COVARIANCE_STOP') {
        closeCovariance(l.line);
        state = 'data';
      } else if (state === 'data' && segment) {
        if (tokens.length !== 7 && tokens.length !== 10) {
          error(
            l.line,
            'EPHEMERIS',
            'OEM_EPHEMERIS_COLUMNS',
            `ephemeris line has ${tokens.length} fields, expected epoch + 6 (or 9 with accelerations)`,
          );
          continue;
        }
        const bad = tokens.slice(1).find((t) => !NUMBER.test(t));
        if (bad !== undefined) {
          error(l.line, 'EPHEMERIS', 'OEM_NOT_A_NUMBER', `'${bad}' is not a number`);
          continue;
        }
        const t = epochSeconds(segment, first, (m) => error(l.line, 'EPOCH', 'OEM_BAD_EPOCH', m));
        if (t === undefined) continue;
        const v = tokens.slice(1).map(toNumber);
        segment.states.push({
          epoch: first,
          tSeconds: t,
          positionKm: Float64Array.from(v.slice(0, 3)),
          velocityKmS: Float64Array.from(v.slice(3, 6)),
          ...(v.length === 9 ? { accelerationKmS2: Float64Array.from(v.slice(6, 9)) } : {}),
          line: l.line,
        });
      } else if (state === 'cov') {
        if (!covEpoch) {
          error(l.line, 'COVARIANCE', 'OEM_COVARIANCE_DIMENSION', 'covariance values before EPOCH');
          continue;
        }
        const bad = tokens.find((t) => !NUMBER.test(t));
        if (bad !== undefined) {
          error(l.line, 'COVARIANCE', 'OEM_NOT_A_NUMBER', `'${bad}' is not a number`);
          continue;
        }
        const expected = covRows.length + 1;
        if (expected > 6) {
          error(l.line, 'COVARIANCE', 'OEM_COVARIANCE_DIMENSION', 'more than 6 covariance rows');
          continue;
        }
        if (tokens.length !== expected) {
          error(
            l.line,
            'COVARIANCE',
            'OEM_COVARIANCE_COLUMNS',
            `covariance row ${expected} has ${tokens.length} values, expected ${expected} (lower triangle)`,
          );
          continue;
        }
        covRows.push(tokens.map(toNumber));
      } else {
        error(l.line, first, 'OEM_UNEXPECTED_LINE', `unexpected line '${l.text}'`);
      }
      continue;
    }
    // Keyword lines.
    const { keyword, value } = l;
    if (state === 'header') {
      if (keyword === 'CCSDS_OEM_VERS') (header as { version: string }).version = value;
      else if (OEM_HEADER_KEYWORDS.has(keyword)) header.fields[keyword] = value;
      else error(l.line, keyword, 'OEM_UNKNOWN_KEYWORD', `unknown header keyword ${keyword}`);
    } else if (state === 'meta' && segment) {
      if (OEM_METADATA_KEYWORDS.has(keyword)) segment.metadata.fields[keyword] = value;
      else error(l.line, keyword, 'OEM_UNKNOWN_KEYWORD', `unknown metadata keyword ${keyword}`);
    } else if (state === 'cov') {
      if (keyword === 'EPOCH') {
        closeCovariance(l.line);
        covEpoch = { epoch: value, line: l.line };
      } else if (keyword === 'COV_REF_FRAME' && covEpoch) {
        covEpoch.refFrame = value;
      } else {
        error(
          l.line,
          keyword,
          'OEM_KEYWORD_IN_DATA',
          `keyword ${keyword} is not allowed inside a covariance block`,
        );
      }
    } else {
      error(
        l.line,
        keyword,
        'OEM_KEYWORD_IN_DATA',
        `keyword ${keyword} is not allowed inside ephemeris data`,
      );
    }
  }
  if (state === 'cov')
    error(lexKvn(text).length, 'COVARIANCE_STOP', 'OEM_UNCLOSED_BLOCK', 'covariance block not closed');
  return finishOem(header, drafts, issues, file);
}
