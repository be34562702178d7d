import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ConcordError } from '../../core/result.js';
import {
  type CombinedHbr,
  combinedHardBodyRadius,
  type HbrTable,
  objectHardBodyRadius,
} from '../../core/risk/hard-body-radius.js';
import type { CdmParseResult } from '../../formats/ccsds/cdm/cdm-builder.js';
import { cdmStatedHbrM } from '../../formats/ccsds/cdm/cdm-conjunction.js';
import { parseCdmJson } from '../../formats/ccsds/cdm/cdm-json.js';
import { parseCdmKvn } from '../../formats/ccsds/cdm/cdm-kvn.js';
import { type Cdm, fieldValue } from '../../formats/ccsds/cdm/cdm-message.js';
import { parseCdmXml } from '../../formats/ccsds/cdm/cdm-xml.js';
import { parseCaraHbrCsv } from '../../formats/hbr/cara-hbr-csv.js';
import { formatIssue } from '../../formats/record-issue.js';

/** Reads a CDM file (KVN, XML or JSON, optionally gzip), printing warnings; errors become a ConcordError. */
export function readCdmFile(path: string): Cdm {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    throw new ConcordError('FILE_NOT_READABLE', `${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const name = basename(path);
  const start = text.trimStart();
  let result: CdmParseResult;
  if (start.startsWith('<')) result = parseCdmXml(text, name);
  else if (start.startsWith('{')) result = parseCdmJson(text, name);
  else result = parseCdmKvn(text, name);
  const first = result.issues.find((i) => i.severity === 'error');
  // Every issue but the first error is listed; the first error is the command's error line.
  for (const issue of result.issues) if (issue !== first) process.stderr.write(`${formatIssue(issue)}\n`);
  if (!result.cdm) {
    throw new ConcordError(
      first?.code ?? 'CDM_INVALID',
      first ? `${first.file}:${first.line}: ${first.field}: ${first.message}` : `${name}: not a valid CDM`,
    );
  }
  return result.cdm;
}

let bundledTable: HbrTable | undefined;

/** NASA CARA's HBR table bundled under data/hbr (loaded once). */
export function bundledHbrTable(): HbrTable {
  if (bundledTable) return bundledTable;
  const url = new URL(
    '../../../data/hbr/HBR_Mass_Estimates_20260601_ForDistribution.csv.gz',
    import.meta.url,
  );
  const text = gunzipSync(readFileSync(url)).toString('utf8');
  bundledTable = parseCaraHbrCsv(text, 'HBR_Mass_Estimates_20260601_ForDistribution.csv').table;
  return bundledTable;
}

export interface ResolvedHbr extends CombinedHbr {
  readonly description: string;
}

/** Combined HBR: --hbr-m, else the one stated in the CDM, else CARA table / default per object. */
export function resolveHbr(cdm: Cdm, overrideM: number | undefined): ResolvedHbr {
  if (overrideM !== undefined) {
    return { hbrM: overrideM, source: 'override', description: `${overrideM} m (given with --hbr-m)` };
  }
  const stated = cdmStatedHbrM(cdm);
  if (stated !== undefined) {
    return { hbrM: stated, source: 'override', description: `${stated} m (stated in the CDM)` };
  }
  const table = bundledHbrTable();
  const [a, b] = cdm.objects.map((o) => {
    const id = Number(fieldValue(o.metadata, 'OBJECT_DESIGNATOR'));
    return objectHardBodyRadius(Number.isInteger(id) ? id : undefined, { table });
  });
  if (!a || !b) throw new ConcordError('CDM_INVALID', 'CDM without two objects');
  const combined = combinedHardBodyRadius(a, b);
  return {
    ...combined,
    description: `${combined.hbrM} m (OBJECT1 ${a.detail}: ${a.hbrM} m; OBJECT2 ${b.detail}: ${b.hbrM} m)`,
  };
}

export function parseHbrOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!(v >= 0) || !Number.isFinite(v))
    throw new ConcordError('BAD_OPTION', `--hbr-m must be a number >= 0 (metres), got '${text}'`);
  return v;
}
