import { lexKvn } from '../kvn-lexer.js';
import { buildCdm, type CdmEvent, type CdmParseResult } from './cdm-builder.js';
import { type CdmPartName, cdmKeyword } from './cdm-keywords.js';
import type { Cdm, CdmPart } from './cdm-message.js';

/** Parses a CDM in KVN (CCSDS 508.0 KVN). `file` names the source in issues. */
export function parseCdmKvn(text: string, file: string): CdmParseResult {
  const events: CdmEvent[] = [];
  const dataIssues: CdmParseResult['issues'] = [];
  for (const line of lexKvn(text)) {
    if (line.kind === 'comment') events.push({ kind: 'comment', text: line.text, line: line.line });
    else if (line.kind === 'keyword') {
      events.push({
        kind: 'field',
        keyword: line.keyword,
        value: line.value,
        line: line.line,
        ...(line.unit === undefined ? {} : { unit: line.unit }),
      });
    } else if (line.kind === 'data') {
      dataIssues.push({
        file,
        line: line.line,
        field: line.text.split(/\s|=/)[0] ?? '',
        code: 'CDM_NOT_KEYWORD_VALUE',
        message: `expected KEYWORD = value, found '${line.text}'`,
        severity: 'error',
      });
    }
  }
  const result = buildCdm(events, file);
  if (dataIssues.length === 0) return result;
  return { cdm: undefined, issues: [...dataIssues, ...result.issues].sort((a, b) => a.line - b.line) };
}

const KEYWORD_WIDTH = 36;

function partLines(part: CdmPart | undefined): string[] {
  if (!part) return [];
  const out = part.comments.map((c) => `COMMENT ${c}`);
  for (const field of part.fields) {
    const unit = cdmKeyword(field.keyword)?.unit ?? field.unit;
    const left = `${field.keyword.padEnd(KEYWORD_WIDTH)} = ${field.value}`;
    out.push(unit === undefined ? left : `${left.padEnd(KEYWORD_WIDTH + 30)} [${unit}]`);
  }
  return out;
}

const OBJECT_PART_ORDER: readonly CdmPartName[] = [
  'metadata',
  'odParameters',
  'additionalParameters',
  'stateVector',
  'covarianceMatrix',
  'alternateCovarianceMatrix',
  'additionalCovarianceMetadata',
  'userDefinedParameters',
];

/** Writes a CDM as KVN; values are written exactly as held, with the standard units. */
export function writeCdmKvn(cdm: Cdm): string {
  // CCSDS_CDM_VERS must be the first line, before any header comment.
  const [version, ...rest] = cdm.header.fields;
  const headerRest: CdmPart = { part: 'header', comments: cdm.header.comments, fields: rest };
  const lines: string[] = [
    ...(version ? partLines({ part: 'header', comments: [], fields: [version] }) : []),
    ...partLines(headerRest),
    ...partLines(cdm.relativeMetadataData),
  ];
  for (const object of cdm.objects) {
    for (const name of OBJECT_PART_ORDER) {
      lines.push(...partLines(object[name as keyof typeof object] as CdmPart));
    }
  }
  return `${lines.join('\n')}\n`;
}
