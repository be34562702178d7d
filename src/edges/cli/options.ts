import { Option } from 'commander';
import { ConcordError } from '../../core/result.js';
import { parseIsoUtc } from '../../core/time/iso-8601.js';
import type { UtcInstant } from '../../core/time/time-scale.js';

/** Options shared by several commands are defined once here so their names, help and parsing agree. */
export const jsonOption = () => new Option('--json', 'print one machine-readable JSON document on stdout');
export const skipInvalidOption = () =>
  new Option('--skip-invalid', 'load the valid records and report the invalid ones instead of stopping');
export const referenceTimeOption = () =>
  new Option(
    '--at <iso>',
    'reference time (ISO-8601 UTC) for element-set ages; default: 99th percentile of the input epochs',
  );

export function parseUtcOption(name: string, text: string): UtcInstant {
  const r = parseIsoUtc(text);
  if (!r.ok) throw new ConcordError('BAD_OPTION', `${name}: ${r.message}`);
  return r.value;
}

export function parsePositiveNumberOption(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConcordError('BAD_OPTION', `${name}: '${text}' is not a positive number`);
  }
  return value;
}

/** A period where 0 means never. */
export function parseNonNegativeNumberOption(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || text.trim() === '') {
    throw new ConcordError('BAD_OPTION', `${name}: '${text}' is not a number >= 0`);
  }
  return value;
}
