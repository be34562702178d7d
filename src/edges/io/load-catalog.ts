import { readFileSync } from 'node:fs';
import { buildCatalog, type Catalog } from '../../core/catalog/catalog.js';
import type { SatcatEntry } from '../../core/catalog/satcat-entry.js';
import type { ElementSet } from '../../core/orbits/element-set.js';
import { ConcordError } from '../../core/result.js';
import type { UtcInstant } from '../../core/time/time-scale.js';
import { decodeInputBytes, detectInputKind, type InputKind } from '../../formats/input-kind.js';
import { parseOmmCsv } from '../../formats/omm/parse-omm-csv.js';
import { parseOmmJson } from '../../formats/omm/parse-omm-json.js';
import { parseOmmKvn } from '../../formats/omm/parse-omm-kvn.js';
import { parseOmmXml } from '../../formats/omm/parse-omm-xml.js';
import { formatIssue, type ParseOutcome, type RecordIssue } from '../../formats/record-issue.js';
import { parseSatcatCsv } from '../../formats/satcat/parse-satcat-csv.js';
import { parseTle } from '../../formats/tle/parse-tle.js';

export interface LoadedFile {
  readonly file: string;
  readonly kind: InputKind;
  readonly bytes: number;
  readonly records: number;
  readonly rejected: number;
}

export interface LoadedCatalog {
  readonly catalog: Catalog;
  readonly files: readonly LoadedFile[];
  /** Every problem found, errors (record rejected) and warnings (record kept), in file order. */
  readonly issues: readonly RecordIssue[];
  readonly rejectedRecords: number;
  readonly elementSetsRead: number;
  readonly satcatRowsRead: number;
}

export interface LoadCatalogOptions {
  readonly referenceTime?: UtcInstant;
}

function parseByKind(
  kind: InputKind,
  text: string,
  file: string,
): ParseOutcome<ElementSet> | ParseOutcome<SatcatEntry> {
  switch (kind) {
    case 'tle':
      return parseTle(text, file);
    case 'omm-kvn':
      return parseOmmKvn(text, file);
    case 'omm-xml':
      return parseOmmXml(text, file);
    case 'omm-json':
      return parseOmmJson(text, file);
    case 'omm-csv':
      return parseOmmCsv(text, file);
    case 'satcat-csv':
      return parseSatcatCsv(text, file);
  }
}

/** Count rejected records: one per (file, line) that has at least one error issue. */
function countRejected(issues: readonly RecordIssue[]): number {
  const keys = new Set<string>();
  for (const issue of issues) if (issue.severity === 'error') keys.add(`${issue.file}\u0000${issue.line}`);
  return keys.size;
}

/**
 * Read any mix of catalog files (TLE/3LE, OMM KVN/XML/JSON/CSV, SATCAT CSV; gzip or not), recognise each
 * by its content and build one catalog. Unreadable or unrecognisable files are fatal (`ConcordError`);
 * bad records are returned as issues so the caller decides whether to stop (default) or skip them.
 */
export function loadCatalogFiles(paths: readonly string[], options: LoadCatalogOptions = {}): LoadedCatalog {
  if (paths.length === 0) throw new ConcordError('NO_INPUT', 'no input file given');
  const elementSets: ElementSet[] = [];
  const satcat: SatcatEntry[] = [];
  const issues: RecordIssue[] = [];
  const files: LoadedFile[] = [];
  for (const file of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConcordError(
        code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
        `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown error'})`}`,
      );
    }
    const text = decodeInputBytes(bytes, file);
    if (!text.ok) throw new ConcordError(text.code, text.message);
    const kind = detectInputKind(text.value, file);
    if (!kind.ok) throw new ConcordError(kind.code, kind.message);
    const outcome = parseByKind(kind.value, text.value, file);
    if (kind.value === 'satcat-csv') satcat.push(...(outcome.records as SatcatEntry[]));
    else elementSets.push(...(outcome.records as ElementSet[]));
    issues.push(...outcome.issues);
    files.push({
      file,
      kind: kind.value,
      bytes: bytes.length,
      records: outcome.records.length,
      rejected: countRejected(outcome.issues),
    });
  }
  const catalog = buildCatalog(
    elementSets,
    satcat,
    options.referenceTime ? { referenceTime: options.referenceTime } : {},
  );
  return {
    catalog,
    files,
    issues,
    rejectedRecords: countRejected(issues),
    elementSetsRead: elementSets.length,
    satcatRowsRead: satcat.length,
  };
}

/**
 * Stop unless every record loaded or the user asked to skip bad ones (`--skip-invalid`): the error lists
 * the first problems with file, line and field, and how many more there are.
 */
export function requireNoRejections(loaded: LoadedCatalog, skipInvalid: boolean): void {
  if (skipInvalid || loaded.rejectedRecords === 0) return;
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, 20).map(formatIssue).join('\n  ');
  const more = errors.length > 20 ? `\n  ... and ${errors.length - 20} more` : '';
  throw new ConcordError(
    'INVALID_RECORDS',
    `${loaded.rejectedRecords} invalid record(s):\n  ${shown}${more}\nFix them, or pass --skip-invalid to load the valid records and report the rest.`,
  );
}
