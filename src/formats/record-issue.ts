/**
 * A problem with one input record, located precisely enough for a person to fix it:
 * file, 1-based line, and the field (TLE column name or CCSDS keyword) at fault.
 */
export interface RecordIssue {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  /** Stable machine-readable code, e.g. `TLE_CHECKSUM`, `OMM_UNKNOWN_KEYWORD`, `NOT_A_NUMBER`. */
  readonly code: string;
  readonly message: string;
  /** `error` rejects the record; `warning` keeps it but reports. */
  readonly severity: 'error' | 'warning';
}

export interface ParseOutcome<T> {
  readonly records: T[];
  readonly issues: RecordIssue[];
}

export function formatIssue(issue: RecordIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field}: ${issue.message} [${issue.code}]`;
}
