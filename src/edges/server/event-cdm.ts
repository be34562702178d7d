import type { ConjunctionAssessment, ObjectAtTca } from '../../core/risk/conjunction-assessment.js';
import { type CdmObjectIdentity, cdmFromAssessment } from '../../formats/ccsds/cdm/cdm-from-assessment.js';
import type { Cdm } from '../../formats/ccsds/cdm/cdm-message.js';
import type { ConjunctionEvent, ConjunctionVersion } from '../store/conjunction-repository.js';
import type { StoredObject } from '../store/object-repository.js';
import type { Party } from '../store/party-repository.js';
import type { DetailEphemeris } from '../workers/screening-coordinator.js';
import {
  seesEphemerisOf,
  WITHHELD_RELATIVE_COMMENT,
  WITHHELD_STATE_COMMENT,
  withheldStateComment,
} from './ephemeris-privacy.js';

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
 * viewer may not see (see `ephemeris-privacy.ts`) is replaced by the object's public element-set state, said so,
 * and the relative position and velocity are left out. The Pc is Foster 2-D on the stored covariances: an
 * indication only. Built by the same code as the CDMs of
 * `concord screen --cdm-dir`.
 */
export function eventCdm(
  event: ConjunctionEvent,
  version: ConjunctionVersion,
  objects: { primary?: StoredObject; secondary?: StoredObject },
  creationUnixMs: number,
  viewer: Pick<Party, 'id' | 'role'>,
): Cdm {
  const stored = (version.detail['assessment'] ?? undefined) as ConjunctionAssessment | undefined;
  const rtn = version.detail['missRtnKm'] as [number, number, number] | undefined;
  let withheld = false;
  /** The state a side shows: the one stored, or the public stand-in for a private one (undefined: none). */
  const shown: { primary?: ObjectAtTca | undefined; secondary?: ObjectAtTca | undefined } = {};
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
    shown[side] = stored?.[side];
    const source = stateSourceOf(version, side);
    if (!('ephemeris' in source))
      return source.elementSetId === null
        ? base
        : { ...base, stateSource: `State propagated with SGP4 from element set ${source.elementSetId}` };
    const e = source.ephemeris;
    if (!seesEphemerisOf(viewer, e.partyId)) {
      withheld = true;
      shown[side] = e.elementSetAtTca ?? undefined;
      return {
        ...base,
        stateSource:
          e.elementSetAtTca && e.elementSetId !== null
            ? withheldStateComment(e.elementSetId)
            : WITHHELD_STATE_COMMENT,
      };
    }
    return {
      ...base,
      ephemerisName: `CONCORD-EPHEMERIS-${e.id}`,
      stateSource: `State interpolated from ephemeris ${e.id} (${e.description} converted to TEME of date, UTC); private to its owner and the service operator`,
    };
  };
  const primary = identity(objects.primary, event.primaryNorad, 'primary');
  const secondary = identity(objects.secondary, event.secondaryNorad, 'secondary');
  // A withheld side keeps the Pc and radius found with the private state; only the states shown change.
  const assessment =
    stored && shown.primary && shown.secondary
      ? { ...stored, primary: shown.primary, secondary: shown.secondary }
      : undefined;
  return cdmFromAssessment({
    messageId: `CONCORD-${event.id}-${version.version}`,
    creationUnixMs,
    conjunctionId: String(event.id),
    tcaUnixMs: version.tcaUnixMs,
    missKm: version.missKm,
    relSpeedKmS: version.relSpeedKmS,
    ...(rtn && version.detail['rtnFrameNorad'] === event.primaryNorad ? { missRtnKm: rtn } : {}),
    primary,
    secondary,
    assessment,
    ...(withheld ? { omitRelativeState: true } : {}),
    comments: [
      `Concord screening run ${version.runId}, event version ${version.version}`,
      ...(withheld ? [WITHHELD_RELATIVE_COMMENT] : []),
    ],
  });
}
