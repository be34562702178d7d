import type { ElementSet } from '../../core/orbits/element-set.js';
import { decodeInputBytes, detectInputKind } from '../../formats/input-kind.js';
import { parseOmmCsv } from '../../formats/omm/parse-omm-csv.js';
import { parseOmmJson } from '../../formats/omm/parse-omm-json.js';
import { parseOmmKvn } from '../../formats/omm/parse-omm-kvn.js';
import { parseOmmXml } from '../../formats/omm/parse-omm-xml.js';
import type { ParseOutcome, RecordIssue } from '../../formats/record-issue.js';
import { parseTle } from '../../formats/tle/parse-tle.js';
import { appendAudit } from '../store/audit-log.js';
import { insertElementSets } from '../store/element-set-repository.js';
import { ensureObjects, ownersOf } from '../store/object-repository.js';
import type { Store } from '../store/open-store.js';
import type { Party } from '../store/party-repository.js';
import { ProblemError } from './problem.js';

export interface IngestOutcome {
  readonly format: string;
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly objects: number;
  readonly touchedNoradCatIds: readonly number[];
  readonly warnings: readonly RecordIssue[];
}

/** At most this many per-record reasons are listed in a 400 (the total is always given). */
const MAX_LISTED_ISSUES = 1000;

function parseElementSets(text: string, file: string): { format: string; outcome: ParseOutcome<ElementSet> } {
  const kind = detectInputKind(text, file);
  if (!kind.ok) throw new ProblemError(400, kind.code, 'Unrecognised upload', kind.message);
  switch (kind.value) {
    case 'tle':
      return { format: 'tle', outcome: parseTle(text, file) };
    case 'omm-kvn':
      return { format: kind.value, outcome: parseOmmKvn(text, file) };
    case 'omm-xml':
      return { format: kind.value, outcome: parseOmmXml(text, file) };
    case 'omm-json':
      return { format: kind.value, outcome: parseOmmJson(text, file) };
    case 'omm-csv':
      return { format: kind.value, outcome: parseOmmCsv(text, file) };
    case 'satcat-csv':
      throw new ProblemError(
        400,
        'NOT_ELEMENT_SETS',
        'Not element sets',
        `${file}: this is a SATCAT file; the service operator loads SATCAT with POST /v1/satcat`,
      );
  }
}

/**
 * Ingest an upload of element sets (TLE/3LE, OMM KVN/XML/JSON/CSV, gzip or not): all or nothing. Any bad record
 * rejects the upload (400 with every reason); a party may only submit sets of objects it owns (403); the sets are
 * appended in one transaction, duplicates of stored sets are counted and not stored again.
 */
export async function ingestElementSets(
  store: Store,
  bytes: Uint8Array,
  file: string,
  party: Party,
): Promise<IngestOutcome> {
  const text = decodeInputBytes(bytes, file);
  if (!text.ok) throw new ProblemError(400, text.code, 'Unreadable upload', text.message);
  const { format, outcome } = parseElementSets(text.value, file);
  const errors = outcome.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const records = new Set(errors.map((e) => `${e.file}\u0000${e.line}`)).size;
    throw new ProblemError(
      400,
      'INVALID_RECORDS',
      'Invalid records',
      `${records} record(s) rejected; nothing was stored`,
      { rejectedRecords: records, issues: errors.slice(0, MAX_LISTED_ISSUES), issuesTotal: errors.length },
    );
  }
  if (outcome.records.length === 0)
    throw new ProblemError(400, 'EMPTY_FILE', 'Empty upload', `${file}: no element sets`);
  const norads = [...new Set(outcome.records.map((es) => es.noradCatId))].sort((a, b) => a - b);
  if (party.role !== 'admin') {
    const owners = await ownersOf(store.db, norads);
    const foreign = norads.filter((n) => owners.get(n) !== party.id);
    if (foreign.length > 0) {
      await appendAudit(store.db, party.id, 'element-sets.denied', { file, objects: foreign.slice(0, 100) });
      throw new ProblemError(
        403,
        'NOT_OWNER',
        'Forbidden',
        `${foreign.length} object(s) in the upload are not owned by ${party.name}; nothing was stored`,
        { objects: foreign.slice(0, MAX_LISTED_ISSUES) },
      );
    }
  }
  const firstByNorad = new Map<number, ElementSet>();
  for (const es of outcome.records) if (!firstByNorad.has(es.noradCatId)) firstByNorad.set(es.noradCatId, es);
  const inserted = await store.db.transaction().execute(async (tx) => {
    await ensureObjects(
      tx,
      [...firstByNorad.values()].map((es) => ({
        noradCatId: es.noradCatId,
        objectId: es.objectId,
        objectName: es.objectName,
      })),
    );
    return insertElementSets(tx, outcome.records, `${party.name}:${file}`, party.id);
  });
  await appendAudit(store.db, party.id, 'element-sets.ingest', {
    file,
    format,
    received: outcome.records.length,
    stored: inserted.stored,
    duplicates: inserted.duplicates,
  });
  return {
    format,
    received: outcome.records.length,
    stored: inserted.stored,
    duplicates: inserted.duplicates,
    objects: norads.length,
    touchedNoradCatIds: inserted.touchedNoradCatIds,
    warnings: outcome.issues.filter((i) => i.severity === 'warning').slice(0, MAX_LISTED_ISSUES),
  };
}
