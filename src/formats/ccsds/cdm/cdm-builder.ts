import { parseIsoUtc } from '../../../core/time/iso-8601.js';
import type { RecordIssue } from '../../record-issue.js';
import { type CdmPartName, cdmKeyword, cdmPartKeywords, SHARED_COVARIANCE_KEYWORDS } from './cdm-keywords.js';
import { type Cdm, type CdmObject, type CdmPart, emptyObject, emptyPart } from './cdm-message.js';

/** What KVN and XML readers feed the builder, in document order. */
export type CdmEvent =
  | { readonly kind: 'comment'; readonly text: string; readonly line: number }
  | {
      readonly kind: 'field';
      readonly keyword: string;
      readonly value: string;
      readonly unit?: string;
      readonly line: number;
    };

/** Result of parsing a CDM: the message when no error was found, and every issue (errors and warnings). */
export interface CdmParseResult {
  readonly cdm: Cdm | undefined;
  readonly issues: RecordIssue[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eEdD][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function normalizeUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/\^/g, '**');
}

/**
 * Builds and validates a CDM from its keyword events. Errors: unknown keyword (CDM_UNKNOWN_KEYWORD), keyword
 * out of place (CDM_KEYWORD_OUT_OF_PLACE), duplicate (CDM_DUPLICATE_KEYWORD), bad number or epoch
 * (CDM_NOT_A_NUMBER, CDM_BAD_EPOCH), wrong unit (CDM_WRONG_UNIT), missing mandatory keyword
 * (CDM_MISSING_KEYWORD, e.g. TCA), missing covariance block (CDM_MISSING_COVARIANCE), wrong object count.
 */
export function buildCdm(events: readonly CdmEvent[], file: string): CdmParseResult {
  const issues: RecordIssue[] = [];
  const error = (line: number, field: string, code: string, message: string): void => {
    issues.push({ file, line, field, code, message, severity: 'error' });
  };
  const warning = (line: number, field: string, code: string, message: string): void => {
    issues.push({ file, line, field, code, message, severity: 'warning' });
  };
  const header = emptyPart('header');
  const relative = emptyPart('relativeMetadataData');
  const objects: CdmObject[] = [];
  const objectLines: number[] = [];
  let pendingComments: string[] = [];
  let lastPart: CdmPart | undefined;
  let lastCovariancePart: 'covarianceMatrix' | 'alternateCovarianceMatrix' = 'covarianceMatrix';
  let lastLine = 1;

  const partFor = (name: CdmPartName, line: number, keyword: string): CdmPart | undefined => {
    if (name === 'header') {
      if (objects.length > 0 || relative.fields.length > 0) {
        error(
          line,
          keyword,
          'CDM_KEYWORD_OUT_OF_PLACE',
          `${keyword} belongs to the header, which must come first`,
        );
        return undefined;
      }
      return header;
    }
    if (name === 'relativeMetadataData') {
      if (objects.length > 0) {
        error(
          line,
          keyword,
          'CDM_KEYWORD_OUT_OF_PLACE',
          `${keyword} belongs to the relative metadata/data, before OBJECT1`,
        );
        return undefined;
      }
      return relative;
    }
    const current = objects[objects.length - 1];
    if (!current) {
      error(line, keyword, 'CDM_KEYWORD_OUT_OF_PLACE', `${keyword} must come after OBJECT = OBJECT1`);
      return undefined;
    }
    return current[name];
  };

  for (const event of events) {
    lastLine = event.line;
    if (event.kind === 'comment') {
      pendingComments.push(event.text);
      continue;
    }
    const { keyword, value, line } = event;
    const entry = cdmKeyword(keyword);
    if (!entry) {
      error(line, keyword, 'CDM_UNKNOWN_KEYWORD', `unknown CDM keyword ${keyword}`);
      continue;
    }
    if (keyword === 'OBJECT') {
      const expected = `OBJECT${objects.length + 1}`;
      if (value !== expected) {
        error(line, keyword, 'CDM_BAD_OBJECT', `expected OBJECT = ${expected}, found '${value}'`);
      }
      objects.push(emptyObject());
      objectLines.push(line);
    }
    let partName = entry.part;
    if (SHARED_COVARIANCE_KEYWORDS.has(keyword)) partName = lastCovariancePart;
    if (partName === 'covarianceMatrix' || partName === 'alternateCovarianceMatrix')
      lastCovariancePart = partName;
    const part = partFor(partName, line, keyword);
    if (!part) continue;
    if (part.fields.some((f) => f.keyword === keyword)) {
      error(line, keyword, 'CDM_DUPLICATE_KEYWORD', `${keyword} appears twice in ${partName}`);
      continue;
    }
    // Value checks.
    const trimmed = value.trim();
    if (trimmed === '') {
      if (entry.mandatory)
        error(line, keyword, 'CDM_EMPTY_VALUE', `${keyword} is mandatory and has no value`);
    } else if (entry.type === 'number' && !NUMBER.test(trimmed)) {
      error(line, keyword, 'CDM_NOT_A_NUMBER', `${keyword} = '${trimmed}' is not a number`);
      continue;
    } else if (entry.type === 'integer' && !INTEGER.test(trimmed)) {
      error(line, keyword, 'CDM_NOT_AN_INTEGER', `${keyword} = '${trimmed}' is not an integer`);
      continue;
    } else if (entry.type === 'numbers' && !trimmed.split(/\s+/).every((t) => NUMBER.test(t))) {
      error(line, keyword, 'CDM_NOT_A_NUMBER', `${keyword} = '${trimmed}' is not a list of numbers`);
      continue;
    } else if (entry.type === 'epoch') {
      const parsed = parseIsoUtc(trimmed);
      if (!parsed.ok) {
        error(line, keyword, 'CDM_BAD_EPOCH', `${keyword}: ${parsed.message}`);
        continue;
      }
    }
    if (event.unit !== undefined && event.unit !== '') {
      const given = normalizeUnit(event.unit);
      if (entry.unit !== undefined) {
        if (given !== normalizeUnit(entry.unit)) {
          error(
            line,
            keyword,
            'CDM_WRONG_UNIT',
            `${keyword} unit [${event.unit}] differs from the standard [${entry.unit}]`,
          );
          continue;
        }
      } else if (given !== 'n/a' && given !== '%') {
        warning(
          line,
          keyword,
          'CDM_UNEXPECTED_UNIT',
          `${keyword} is dimensionless but has unit [${event.unit}]`,
        );
      }
    }
    if (pendingComments.length > 0) {
      part.comments.push(...pendingComments);
      pendingComments = [];
    }
    part.fields.push({
      keyword,
      value: trimmed,
      ...(event.unit !== undefined && event.unit !== '' ? { unit: event.unit } : {}),
      line,
    });
    lastPart = part;
  }
  if (pendingComments.length > 0) (lastPart ?? header).comments.push(...pendingComments);

  // Mandatory keywords.
  const requireAll = (part: CdmPart, line: number, where: string): void => {
    for (const k of cdmPartKeywords(part.part)) {
      if (k.mandatory && !part.fields.some((f) => f.keyword === k.keyword)) {
        error(
          line,
          k.keyword,
          'CDM_MISSING_KEYWORD',
          `mandatory keyword ${k.keyword} is missing from ${where}`,
        );
      }
    }
  };
  requireAll(header, 1, 'the header');
  requireAll(relative, objectLines[0] ?? lastLine, 'the relative metadata/data');
  if (objects.length !== 2) {
    error(lastLine, 'OBJECT', 'CDM_OBJECT_COUNT', `a CDM has exactly two objects, found ${objects.length}`);
  }
  objects.forEach((object, index) => {
    const line = objectLines[index] ?? lastLine;
    const name = `OBJECT${index + 1}`;
    requireAll(object.metadata, line, `${name} metadata`);
    requireAll(object.stateVector, line, `${name} state vector`);
    const hasAlternate = object.alternateCovarianceMatrix.fields.length > 0;
    if (object.covarianceMatrix.fields.length === 0) {
      if (!hasAlternate) {
        error(
          line,
          'CR_R',
          'CDM_MISSING_COVARIANCE',
          `${name} has no covariance block (CR_R ... CNDOT_NDOT)`,
        );
      }
    } else {
      requireAll(object.covarianceMatrix, line, `${name} covariance`);
    }
  });
  const hasError = issues.some((i) => i.severity === 'error');
  return { cdm: hasError ? undefined : { header, relativeMetadataData: relative, objects }, issues };
}
