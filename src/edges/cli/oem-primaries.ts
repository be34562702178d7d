import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CatalogObject } from '../../core/catalog/catalog.js';
import { ephemerisCoverage, type TimeSpan } from '../../core/orbits/tabulated-ephemeris.js';
import { ConcordError } from '../../core/result.js';
import { ephemerisAtTca } from '../../core/risk/conjunction-assessment.js';
import type { HbrTable } from '../../core/risk/hard-body-radius.js';
import { ephemerisObject } from '../../core/screening/ephemeris-object.js';
import { EphemerisStateSource } from '../../core/screening/ephemeris-states.js';
import type { OemParseResult } from '../../formats/ccsds/oem/oem-builder.js';
import { type OemObjectEphemeris, oemEphemerides } from '../../formats/ccsds/oem/oem-ephemeris.js';
import { parseOemKvn } from '../../formats/ccsds/oem/oem-kvn.js';
import { parseOemXml } from '../../formats/ccsds/oem/oem-xml.js';
import { formatIssue, type RecordIssue } from '../../formats/record-issue.js';
import type { ScreenedObject } from './screened-objects.js';

/** What the report says about one OEM primary. */
export interface OemPrimaryDescription {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly oem_object_id: string;
  readonly frame: string;
  readonly time_system: string;
  readonly interpolation: readonly string[];
  readonly states: number;
  readonly coverage: readonly { readonly from: string; readonly to: string }[];
  /** True when the catalog held the same object: the OEM replaced its element set. */
  readonly replaces_catalog_object: boolean;
}

export interface OemPrimaries {
  /** One per object of the OEM files, in file order. */
  readonly objects: readonly ScreenedObject[];
  readonly descriptions: readonly OemPrimaryDescription[];
  /** Catalog indices whose element set an OEM object replaces. */
  readonly replacedCatalogIndices: ReadonlySet<number>;
  /** Earliest usable start to latest usable stop over all OEM objects. */
  readonly span: TimeSpan;
  readonly warnings: readonly RecordIssue[];
}

/** COSPAR designators compare without separators and case ("1998-067-A" is "1998-067A"). */
const cosparKey = (id: string) => id.toUpperCase().replace(/[^0-9A-Z]/g, '');
const isCospar = (id: string) => /^\d{4}-?\d{3}-?[A-Z]{1,3}$/i.test(id.trim());

function readOem(path: string): OemParseResult {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    throw new ConcordError('FILE_NOT_READABLE', `${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  return text.trimStart().startsWith('<') ? parseOemXml(text, path) : parseOemKvn(text, path);
}

/** Every issue but the first error goes to stderr; the first error is the command's error line. */
function refuse(issues: readonly RecordIssue[]): never {
  const first = issues.find((i) => i.severity === 'error') as RecordIssue;
  for (const issue of issues) if (issue !== first) process.stderr.write(`${formatIssue(issue)}\n`);
  throw new ConcordError(first.code, `${first.file}:${first.line}: ${first.field}: ${first.message}`);
}

const iso = (unixMs: number) => new Date(unixMs).toISOString();

/**
 * Read OEM files as primaries. Each OEM object is matched to the catalog by its OBJECT_ID (a catalog number, or a
 * COSPAR designator compared with the catalog's): a match takes the catalog id and replaces the element set; an
 * object the catalog does not hold keeps its OBJECT_ID. Any error in any file stops the command before screening.
 */
export function loadOemPrimaries(
  paths: readonly string[],
  catalog: readonly CatalogObject[],
  table: () => HbrTable,
): OemPrimaries {
  const byNorad = new Map<number, number>();
  const byCospar = new Map<string, number>();
  catalog.forEach((o, i) => {
    byNorad.set(o.elementSet.noradCatId, i);
    if (o.elementSet.objectId) byCospar.set(cosparKey(o.elementSet.objectId), i);
  });
  const objects: ScreenedObject[] = [];
  const descriptions: OemPrimaryDescription[] = [];
  const replaced = new Map<number, string>();
  const warnings: RecordIssue[] = [];
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const path of paths) {
    const parsed = readOem(path);
    if (!parsed.oem) refuse(parsed.issues);
    const converted = oemEphemerides(parsed.oem, path);
    const issues = [...parsed.issues, ...converted.issues];
    if (issues.some((i) => i.severity === 'error')) refuse(issues);
    warnings.push(...issues);
    for (const e of converted.objects) {
      const match = /^\d{1,9}$/.test(e.objectId)
        ? byNorad.get(Number(e.objectId))
        : byCospar.get(cosparKey(e.objectId));
      const cat = match === undefined ? undefined : catalog[match];
      if (match !== undefined) {
        const earlier = replaced.get(match);
        if (earlier)
          throw new ConcordError(
            'OEM_DUPLICATE_OBJECT',
            `${path}: OBJECT_ID ${e.objectId} is the same catalog object as in ${earlier}`,
          );
        replaced.set(match, path);
      }
      const screened = oemScreenedObject(e, path, cat, table);
      objects.push(screened);
      const coverage = ephemerisCoverage(e.ephemeris);
      for (const c of coverage) {
        from = Math.min(from, c.fromUnixMs);
        to = Math.max(to, c.toUnixMs);
      }
      descriptions.push({
        id: screened.id,
        name: screened.name,
        file: path,
        oem_object_id: e.objectId,
        frame: e.sourceFrame,
        time_system: e.timeSystem,
        interpolation: e.interpolation,
        states: e.states,
        coverage: coverage.map((c) => ({ from: iso(c.fromUnixMs), to: iso(c.toUnixMs) })),
        replaces_catalog_object: cat !== undefined,
      });
    }
  }
  return {
    objects,
    descriptions,
    replacedCatalogIndices: new Set(replaced.keys()),
    span: { fromUnixMs: from, toUnixMs: to },
    warnings,
  };
}

/** An OEM object: exact states and knots from its interpolated table; CDM state from the same interpolation. */
function oemScreenedObject(
  e: OemObjectEphemeris,
  path: string,
  cat: CatalogObject | undefined,
  table: () => HbrTable,
): ScreenedObject {
  const norad = cat?.elementSet.noradCatId ?? (/^\d{1,9}$/.test(e.objectId) ? Number(e.objectId) : undefined);
  const id = cat?.elementSet.catalogId ?? e.objectId;
  const screening = ephemerisObject(e.ephemeris, norad);
  const name = e.objectName || cat?.elementSet.objectName || e.objectId;
  const source = new EphemerisStateSource(e.ephemeris);
  const file = basename(path);
  const interpolation = [...new Set(e.interpolation)].join(', ');
  return {
    id,
    name,
    regime: screening.regime,
    source: 'oem',
    oemFile: path,
    screening,
    cdm: {
      fileId: id,
      identity: {
        designator: norad !== undefined ? String(norad) : e.objectId,
        name,
        internationalDesignator: cat?.elementSet.objectId || (isCospar(e.objectId) ? e.objectId : 'UNKNOWN'),
        ...(cat ? { objectType: cat.objectType } : {}),
        ephemerisName: file.replace(/\s+/g, '_'),
        stateSource: `State interpolated from ephemeris ${file} (${interpolation}; ${e.sourceFrame} ${e.timeSystem} converted to TEME of date, UTC)`,
      },
      atTca: (tcaUnixMs: number) =>
        ephemerisAtTca(source, tcaUnixMs, norad, {
          hbr: { table: table(), ...(cat?.satcat?.rcsSize ? { rcsSize: cat.satcat.rcsSize } : {}) },
        }),
    },
  };
}
