import { gunzipSync } from 'node:zlib';
import { err, ok, type Result } from '../core/result.js';

/** What a catalog input file holds, recognised from its content (never from its name alone). */
export type InputKind = 'tle' | 'omm-kvn' | 'omm-xml' | 'omm-json' | 'omm-csv' | 'satcat-csv';

export type InputErrorCode = 'EMPTY_FILE' | 'UNKNOWN_FORMAT' | 'BAD_GZIP' | 'NOT_TEXT';

/** Bytes to text: gzip is recognised by its magic number and inflated transparently; a UTF-8 BOM is dropped. */
export function decodeInputBytes(bytes: Uint8Array, file: string): Result<string, InputErrorCode> {
  let data = bytes;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return err('BAD_GZIP', `${file}: gzip data is corrupt or truncated (${why})`);
    }
  }
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  if (text.includes('\u0000')) return err('NOT_TEXT', `${file}: binary data, not a text catalog`);
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Recognise the format from the first non-blank content. */
export function detectInputKind(text: string, file: string): Result<InputKind, InputErrorCode> {
  const start = text.search(/\S/);
  if (start < 0) return err('EMPTY_FILE', `${file}:1: empty file: no element sets or SATCAT rows`);
  const head = text.slice(start, start + 4096);
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (head.startsWith('[') || head.startsWith('{')) return ok('omm-json');
  if (head.startsWith('<')) return ok('omm-xml');
  if (/^\s*CCSDS_OMM_VERS\s*=/m.test(head) || /^\s*COMMENT\b/.test(head)) return ok('omm-kvn');
  const header = firstLine.replace(/"/g, '').toUpperCase();
  if (header.includes(',')) {
    const columns = header.split(',').map((c) => c.trim());
    if (columns.includes('MEAN_MOTION') && columns.includes('EPOCH')) return ok('omm-csv');
    if (
      columns.includes('NORAD_CAT_ID') &&
      (columns.includes('SATNAME') || columns.includes('OWNER') || columns.includes('COUNTRY'))
    ) {
      return ok('satcat-csv');
    }
  }
  if (/^1 [ 0-9A-Z]{5}/m.test(head) && /^2 [ 0-9A-Z]{5}/m.test(head)) return ok('tle');
  return err(
    'UNKNOWN_FORMAT',
    `${file}:${1 + (text.slice(0, start).match(/\n/g)?.length ?? 0)}: unrecognised format: expected TLE/3LE, CCSDS OMM (KVN, XML, JSON, CSV) or SATCAT CSV`,
  );
}
