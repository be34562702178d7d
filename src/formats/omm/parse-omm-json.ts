import type { ElementSet } from '../../core/orbits/element-set.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';
import { elementSetsFromMessages, ommMessagesFromRecords } from './omm-element-set.js';
import { OMM_KEYWORD_TABLE, SPACE_TRACK_GP_EXTRA_KEYS, USER_DEFINED_PREFIX } from './omm-keywords.js';
import type { OmmMessage } from './omm-message.js';
import type { OmmRawRecord } from './omm-message-builder.js';

/**
 * CelesTrak / Space-Track GP JSON: an array of flat objects named with OMM keywords. Numbers may be JSON
 * numbers (CelesTrak) or strings (Space-Track); both load, and `null` or `""` mean absent. Header and
 * metadata keywords are optional here (GP defaults: EARTH, TEME, UTC, SGP4). Space-Track's extra GP
 * columns (TLE_LINE1, PERIOD ...) are ignored by design; any other unknown key is a warning, once per key.
 *
 * Locations: `origin.line` is the 1-based index of the object in the array (the `ElementSetOrigin`
 * convention for JSON); issues carry the real text line of the object's `{` and say `record N`.
 */
export function parseOmmJsonMessages(text: string, file: string): ParseOutcome<OmmMessage> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(why);
    const line = position ? lineAtIndex(text, Number(position[1])) : 1;
    return {
      records: [],
      issues: [
        {
          file,
          line,
          field: 'JSON',
          code: 'JSON_MALFORMED',
          message: `not valid JSON: ${why}`,
          severity: 'error',
        },
      ],
    };
  }
  const items: readonly unknown[] = Array.isArray(document) ? document : [document];
  const records: OmmRawRecord[] = [];
  const extraIssues: RecordIssue[] = [];
  const warnedKeys = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const index = i + 1;
    const item = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      extraIssues.push({
        file,
        line: index,
        field: 'record',
        code: 'OMM_JSON_NOT_OBJECT',
        message: `expected an object of OMM keywords, got ${Array.isArray(item) ? 'an array' : typeof item}`,
        severity: 'error',
      });
      continue;
    }
    const object = item as Record<string, unknown>;
    let userDefined: Map<string, string> | undefined;
    for (const key in object) {
      if (OMM_KEYWORD_TABLE.has(key) || key === 'COMMENT' || SPACE_TRACK_GP_EXTRA_KEYS.has(key)) continue;
      if (key.startsWith(USER_DEFINED_PREFIX)) {
        userDefined ??= new Map();
        const value = object[key];
        userDefined.set(key.slice(USER_DEFINED_PREFIX.length), value === null ? '' : String(value));
      } else if (!warnedKeys.has(key)) {
        warnedKeys.add(key);
        extraIssues.push({
          file,
          line: index,
          field: key,
          code: 'OMM_UNKNOWN_KEYWORD',
          message: `${key} is not an OMM keyword; ignored in this and every other record`,
          severity: 'warning',
        });
      }
    }
    const raw: OmmRawRecord = {
      file,
      format: 'omm-json',
      line: index,
      gp: true,
      values: object,
      lines: undefined,
      units: undefined,
      comments: undefined,
      userDefined,
      readerIssues: undefined,
    };
    records.push(raw);
  }
  const built = ommMessagesFromRecords(records);
  return { records: built.records, issues: locateIssues(text, [...extraIssues, ...built.issues]) };
}

/** GP JSON → SGP4 element sets. The whole file is rejected only when it is not JSON. */
export function parseOmmJson(text: string, file: string): ParseOutcome<ElementSet> {
  const messages = parseOmmJsonMessages(text, file);
  const sets = elementSetsFromMessages(messages.records);
  return { records: sets.records, issues: [...messages.issues, ...locateIssues(text, sets.issues)] };
}

/**
 * Issues are raised with `line` = record index; give them the text line of the record's `{` and say which
 * record. The scan of the text runs only when there is something to report.
 */
function locateIssues(text: string, issues: RecordIssue[]): RecordIssue[] {
  if (issues.length === 0) return issues;
  const starts = recordStartLines(text);
  return issues.map((issue) => ({
    ...issue,
    line: starts[issue.line - 1] ?? issue.line,
    message: `record ${issue.line}: ${issue.message}`,
  }));
}

/** 1-based text line of each top-level array element's first character (objects: their `{`). */
function recordStartLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    if (inString) {
      if (c === 92)
        i += 1; // backslash escapes the next character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      if (depth === 1) lines.push(line);
    } else if (c === 123 || c === 91) {
      if (depth === 1 || (depth === 0 && c === 123)) lines.push(line);
      depth += 1;
    } else if (c === 125 || c === 93) {
      depth -= 1;
    } else if (depth === 1 && c > 32 && c !== 44) {
      // A bare scalar element (number, true, null): record where it starts, then skip the rest of it.
      lines.push(line);
      while (i + 1 < text.length && !',] \t\r\n'.includes(text.charAt(i + 1))) i += 1;
    }
  }
  return lines;
}

function lineAtIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
