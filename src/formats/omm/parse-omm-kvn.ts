import type { ElementSet } from '../../core/orbits/element-set.js';
import { lexKvn } from '../ccsds/kvn-lexer.js';
import type { ParseOutcome } from '../record-issue.js';
import { elementSetsFromMessages, ommMessagesFromRecords } from './omm-element-set.js';
import {
  OMM_KEYWORD_TABLE,
  OMM_SECTION_ORDER,
  type OmmSection,
  USER_DEFINED_PREFIX,
} from './omm-keywords.js';
import type { OmmMessage } from './omm-message.js';
import { newOmmRawRecordDraft, type OmmRawRecordDraft } from './omm-message-builder.js';

/**
 * CCSDS OMM in Keyword = Value Notation. A file may hold one OMM or several concatenated (as CelesTrak and
 * Space-Track serve them), each starting with CCSDS_OMM_VERS. Keywords must appear in the CCSDS order of
 * parts (header, metadata, mean elements, spacecraft, TLE, covariance, user-defined); a unit in `[...]`
 * must be the keyword's CCSDS unit. A problem rejects only the message it is in.
 */
export function parseOmmKvnMessages(text: string, file: string): ParseOutcome<OmmMessage> {
  const records: OmmRawRecordDraft[] = [];
  let current: OmmRawRecordDraft | undefined;
  let section: OmmSection = 'header';
  let pendingComments: string[] = [];
  let rawLines: string[] | undefined;
  // The lexer reads a trailing `[...]` as a unit, but in text values it is part of the text
  // (CelesTrak names such as `DELTA 1 DEB [YO]`): take the value from the raw line instead.
  const textAfterEquals = (line: number): string => {
    rawLines ??= text.split(/\r?\n/);
    const rawLine = rawLines[line - 1] ?? '';
    return rawLine.slice(rawLine.indexOf('=') + 1).trim();
  };

  const flushComments = (into: OmmSection) => {
    if (!current || pendingComments.length === 0) return;
    const list = current.comments.get(into) ?? [];
    list.push(...pendingComments);
    current.comments.set(into, list);
    pendingComments = [];
  };
  const start = (line: number) => {
    if (current) flushComments(section);
    current = newOmmRawRecordDraft(file, 'omm-kvn', line);
    records.push(current);
    section = 'header';
  };

  for (const token of lexKvn(text)) {
    if (token.kind === 'blank') continue;
    if (token.kind === 'comment') {
      if (!current) start(token.line);
      pendingComments.push(token.text);
      continue;
    }
    if (token.kind === 'data') {
      if (!current) start(token.line);
      current?.readerIssues.push({
        file,
        line: token.line,
        field: token.text.slice(0, 40),
        code: 'OMM_UNEXPECTED_LINE',
        message: `line is neither KEYWORD = value nor COMMENT: '${token.text.slice(0, 80)}'`,
        severity: 'error',
      });
      continue;
    }
    const { keyword, line } = token;
    if (keyword === 'CCSDS_OMM_VERS' || !current) start(line);
    const record = current;
    if (!record) continue;
    const reportReader = (code: string, message: string) =>
      record.readerIssues.push({ file, line, field: keyword, code, message, severity: 'error' });

    const spec = OMM_KEYWORD_TABLE.get(keyword);
    const isText = spec === undefined || spec.kind === 'text';
    const value = token.unit !== undefined && isText ? textAfterEquals(line) : token.value;
    if (keyword.startsWith(USER_DEFINED_PREFIX)) {
      flushComments(section === 'userDefinedParameters' ? section : 'userDefinedParameters');
      section = 'userDefinedParameters';
      const name = keyword.slice(USER_DEFINED_PREFIX.length);
      if (record.userDefined.has(name)) reportReader('OMM_DUPLICATE_KEYWORD', `${keyword} appears twice`);
      else {
        record.userDefined.set(name, value);
        record.lines.set(keyword, line);
      }
      continue;
    }
    if (!spec) {
      reportReader('OMM_UNKNOWN_KEYWORD', `${keyword} is not an OMM keyword (CCSDS 502.0)`);
      continue;
    }
    if (OMM_SECTION_ORDER.indexOf(spec.section) < OMM_SECTION_ORDER.indexOf(section)) {
      reportReader(
        'OMM_UNEXPECTED_KEYWORD',
        `${keyword} belongs to the ${spec.section} part, which must come before the ${section} part`,
      );
      continue;
    }
    flushComments(spec.section);
    section = spec.section;
    if (record.lines.has(keyword)) {
      reportReader('OMM_DUPLICATE_KEYWORD', `${keyword} appears twice in one message`);
      continue;
    }
    record.values[keyword] = value;
    record.lines.set(keyword, line);
    if (token.unit !== undefined && !isText) record.units.set(keyword, token.unit);
  }
  flushComments(section);
  return ommMessagesFromRecords(records);
}

/** CCSDS OMM KVN → SGP4 element sets (see `elementSetFromOmm` for what is accepted). */
export function parseOmmKvn(text: string, file: string): ParseOutcome<ElementSet> {
  const messages = parseOmmKvnMessages(text, file);
  const sets = elementSetsFromMessages(messages.records);
  return { records: sets.records, issues: [...messages.issues, ...sets.issues] };
}
