import type { ConjunctionAssessment } from '../../core/risk/conjunction-assessment.js';
import { type CdmObjectIdentity, cdmFromAssessment } from '../../formats/ccsds/cdm/cdm-from-assessment.js';
import type { Cdm } from '../../formats/ccsds/cdm/cdm-message.js';
import type { ConjunctionEvent, ConjunctionVersion } from '../store/conjunction-repository.js';
import type { StoredObject } from '../store/object-repository.js';
import type { Party } from '../store/party-repository.js';
import type { DetailEphemeris } from '../workers/screening-coordinator.js';
import { seesEphemerisOf, WITHHELD_RELATIVE_COMMENT, WITHHELD_STATE_COMMENT } from './ephemeris-privacy.js';

/** Where one object's state at TCA came from, as the version recorded it (rows before ephemerides: element sets). */
function stateSourceOf(
  version: ConjunctionVersion,
  side: 'primary' | 'secondary',
): { ephemeris: DetailEphemeris } | { elementSetId: number | null } {
  const ephemeris = version.detail[`${side}Ephemeris`] as DetailEphemeris | null | undefined;
  if (ephemeris) return { ephemeris };
  return { elementSetId: (version.detail[`${side}ElementSetId`] as number | null | undefined) ?? null };
}

/**
 * A CDM (CCSDS 508.0) for one version of an event, as `viewer` may see it: states at TCA in TEME (SGP4 of an
 * element set, or interpolated from an operator ephemeris) and synthetic covariances (said so in COMMENT lines;
 * COVARIANCE_METHOD = DEFAULT). Each object's COMMENT names its source. A state from a private ephemeris the
 * viewer may not see (see `ephemeris-privacy.ts`) is left out with the relative position and velocity. The Pc is
 * Foster 2-D on those covariances: an indication only. Built by the same code as the CDMs of
 * `concord screen --cdm-dir`.
 */
export function eventCdm(
  event: ConjunctionEvent,
  version: ConjunctionVersion,
  objects: { primary?: StoredObject; secondary?: StoredObject },
  creationUnixMs: number,
  viewer: Pick<Party, 'id' | 'role'>,
): Cdm {
  const assessment = (version.detail['assessment'] ?? undefined) as ConjunctionAssessment | undefined;
  const rtn = version.detail['missRtnKm'] as [number, number, number] | undefined;
  let withheld = false;
  const identity = (
    object: StoredObject | undefined,
    norad: number,
    side: 'primary' | 'secondary',
  ): CdmObjectIdentity => {
    const base = {
      designator: String(norad),
      name: object?.objectName || `NORAD ${norad}`,
      internationalDesignator: object?.objectId || 'UNKNOWN',
    };
    const source = stateSourceOf(version, side);
    if (!('ephemeris' in source))
      return source.elementSetId === null
        ? base
        : { ...base, stateSource: `State propagated with SGP4 from element set ${source.elementSetId}` };
    if (!seesEphemerisOf(viewer, source.ephemeris.partyId)) {
      withheld = true;
      return { ...base, ephemerisName: 'PRIVATE', withheld: WITHHELD_STATE_COMMENT };
    }
    return {
      ...base,
      ephemerisName: `CONCORD-EPHEMERIS-${source.ephemeris.id}`,
      stateSource: `State interpolated from ephemeris ${source.ephemeris.id} (${source.ephemeris.description} converted to TEME of date, UTC); private to its owner and the service operator`,
    };
  };
  const primary = identity(objects.primary, event.primaryNorad, 'primary');
  const secondary = identity(objects.secondary, event.secondaryNorad, 'secondary');
  return cdmFromAssessment({
    messageId: `CONCORD-${event.id}-${version.version}`,
    creationUnixMs,
    conjunctionId: String(event.id),
    tcaUnixMs: version.tcaUnixMs,
    missKm: version.missKm,
    relSpeedKmS: version.relSpeedKmS,
    ...(rtn && !withheld && version.detail['rtnFrameNorad'] === event.primaryNorad ? { missRtnKm: rtn } : {}),
    primary,
    secondary,
    assessment,
    comments: [
      `Concord screening run ${version.runId}, event version ${version.version}`,
      ...(withheld ? [WITHHELD_RELATIVE_COMMENT] : []),
    ],
  });
}
