import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConcordError } from '../../core/result.js';
import { assessObjectsAtTca, type ObjectAtTca } from '../../core/risk/conjunction-assessment.js';
import type { ConjunctionEvent } from '../../core/screening/screening-types.js';
import { type CdmObjectIdentity, cdmFromAssessment } from '../../formats/ccsds/cdm/cdm-from-assessment.js';
import { writeCdmKvn } from '../../formats/ccsds/cdm/cdm-kvn.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** What the CDM writer needs to know about one screened object. */
export interface CdmSubject {
  /** The id the screening output shows (file names use it). */
  readonly fileId: string;
  readonly identity: CdmObjectIdentity;
  /** State, covariance and hard-body radius at a time (the same state source the screening used). */
  atTca(tcaUnixMs: number): ObjectAtTca | undefined;
}

export interface WrittenCdms {
  /** File name written for each conjunction (same order), or undefined when it could not be written. */
  readonly files: readonly (string | undefined)[];
  readonly skipped: readonly { readonly conjunction: number; readonly reason: string }[];
}

const EDGE_NOTE: Readonly<Record<string, string>> = {
  'window-start':
    'Not a true TCA: the range is opening at the screening window start (the minimum is earlier)',
  'window-end': 'Not a true TCA: the range is closing at the screening window end (the minimum is later)',
  'coverage-start':
    'Not a true TCA: the range is opening where the ephemeris coverage starts (the minimum is earlier)',
  'coverage-end':
    'Not a true TCA: the range is closing where the ephemeris coverage ends (the minimum is later)',
};

/** Characters allowed in CDM file names (anything else becomes '-'). */
function safePart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'UNKNOWN';
}

/** `<id1>_<id2>_<YYYYMMDDTHHMMSS.mmmZ>.cdm`: deterministic, sortable, no characters a file system refuses. */
export function conjunctionCdmFileName(id1: string, id2: string, tcaUnixMs: number): string {
  const iso = new Date(Math.round(tcaUnixMs)).toISOString();
  const compact = iso.replace(/[-:]/g, '');
  return `${safePart(id1)}_${safePart(id2)}_${compact}.cdm`;
}

/** Refuse a CDM directory that cannot be one before anything is screened or written. */
export function prepareCdmDirectory(dir: string): void {
  try {
    if (statSync(dir, { throwIfNoEntry: false })?.isFile()) {
      throw new ConcordError('BAD_OPTION', `--cdm-dir: ${dir} is a file, not a directory`);
    }
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (error instanceof ConcordError) throw error;
    throw new ConcordError(
      'CDM_DIR_NOT_WRITABLE',
      `--cdm-dir: ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * One CDM (KVN) per conjunction in `dir`, each written atomically (an interrupted run leaves whole files only).
 * Names are `conjunctionCdmFileName`; a second conjunction of the same pair within the same millisecond gets `_2`.
 */
export function writeScreeningCdms(
  dir: string,
  conjunctions: readonly ConjunctionEvent[],
  subjects: readonly CdmSubject[],
  options: { readonly creationUnixMs: number; readonly combinedHbrM?: number; readonly comments?: string[] },
): WrittenCdms {
  const files: (string | undefined)[] = [];
  const skipped: { conjunction: number; reason: string }[] = [];
  const used = new Set<string>();
  conjunctions.forEach((e, k) => {
    const p = subjects[e.index1] as CdmSubject;
    const s = subjects[e.index2] as CdmSubject;
    const pAt = p.atTca(e.tcaUnixMs);
    const sAt = s.atTca(e.tcaUnixMs);
    if (!pAt || !sAt) {
      skipped.push({ conjunction: k, reason: `no state at TCA for ${(pAt ? s : p).fileId}` });
      files.push(undefined);
      return;
    }
    let name = conjunctionCdmFileName(p.fileId, s.fileId, e.tcaUnixMs);
    for (let n = 2; used.has(name); n++) name = name.replace(/(_\d+)?\.cdm$/, `_${n}.cdm`);
    used.add(name);
    const cdm = cdmFromAssessment({
      messageId: `CONCORD-${name.replace(/\.cdm$/, '')}`,
      creationUnixMs: options.creationUnixMs,
      tcaUnixMs: e.tcaUnixMs,
      missKm: e.missKm,
      relSpeedKmS: e.relSpeedKmS,
      primary: p.identity,
      secondary: s.identity,
      assessment: assessObjectsAtTca(pAt, sAt, options.combinedHbrM),
      comments: [...(options.comments ?? []), ...(EDGE_NOTE[e.edge] ? [EDGE_NOTE[e.edge] as string] : [])],
    });
    writeFileAtomic(join(dir, name), writeCdmKvn(cdm));
    files.push(name);
  });
  return { files, skipped };
}
