import { readFileSync } from 'node:fs';
import { decodeInputBytes } from '../../formats/input-kind.js';
import { parseSatcatCsv } from '../../formats/satcat/parse-satcat-csv.js';
import { appendAudit } from '../store/audit-log.js';
import { countElementSets } from '../store/element-set-repository.js';
import { assignOwnerCode, ownerCodes, upsertSatcatObjects } from '../store/object-repository.js';
import type { Store } from '../store/open-store.js';
import { createParty, findPartyByName, type Party } from '../store/party-repository.js';
import { ingestElementSets } from './ingest-element-sets.js';

export interface BootstrapFiles {
  readonly catalogFile: string;
  readonly satcatFile: string;
}

export interface BootstrapOutcome {
  readonly loaded: boolean;
  readonly elementSets: number;
  readonly satcatRows: number;
  /** Parties registered for SATCAT owner codes, with their tokens (shown once). */
  readonly parties: readonly { name: string; objects: number; token: string }[];
}

/**
 * First start on the bundled sample: SATCAT objects and owners, one party per SATCAT owner code (tokens returned
 * once), then the 3LE catalog through the same all-or-nothing ingest as `POST /v1/element-sets`. Does nothing
 * when the store already holds element sets.
 */
export async function bootstrapSample(
  store: Store,
  operator: Party,
  files: BootstrapFiles,
): Promise<BootstrapOutcome> {
  if ((await countElementSets(store.db)) > 0)
    return { loaded: false, elementSets: 0, satcatRows: 0, parties: [] };
  const satcatText = decodeInputBytes(readFileSync(files.satcatFile), files.satcatFile);
  if (!satcatText.ok) throw new Error(satcatText.message);
  const satcat = parseSatcatCsv(satcatText.value, files.satcatFile);
  await upsertSatcatObjects(store.db, satcat.records);
  const parties: { name: string; objects: number; token: string }[] = [];
  for (const { ownerCode, objects } of await ownerCodes(store.db)) {
    if (ownerCode === 'UNKNOWN' || ownerCode === '' || (await findPartyByName(store.db, ownerCode))) continue;
    const { party, token } = await createParty(store.db, { name: ownerCode, country: ownerCode });
    await assignOwnerCode(store.db, ownerCode, party.id);
    parties.push({ name: ownerCode, objects, token });
  }
  const outcome = await ingestElementSets(
    store,
    readFileSync(files.catalogFile),
    files.catalogFile,
    operator,
  );
  await appendAudit(store.db, operator.id, 'bootstrap.sample', {
    satcatRows: satcat.records.length,
    parties: parties.length,
    elementSets: outcome.stored,
  });
  return { loaded: true, elementSets: outcome.stored, satcatRows: satcat.records.length, parties };
}
