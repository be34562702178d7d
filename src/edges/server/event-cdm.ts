import type { ConjunctionAssessment } from '../../core/risk/conjunction-assessment.js';
import { cdmFromAssessment } from '../../formats/ccsds/cdm/cdm-from-assessment.js';
import type { Cdm } from '../../formats/ccsds/cdm/cdm-message.js';
import type { ConjunctionEvent, ConjunctionVersion } from '../store/conjunction-repository.js';
import type { StoredObject } from '../store/object-repository.js';

/**
 * A CDM (CCSDS 508.0) for one version of an event: SGP4 states at TCA in TEME and synthetic covariances (said so in
 * COMMENT lines; COVARIANCE_METHOD = DEFAULT). The Pc is Foster 2-D on those covariances: an indication only.
 * Built by the same code as the CDMs of `concord screen --cdm-dir`.
 */
export function eventCdm(
  event: ConjunctionEvent,
  version: ConjunctionVersion,
  objects: { primary?: StoredObject; secondary?: StoredObject },
  creationUnixMs: number,
): Cdm {
  const assessment = (version.detail['assessment'] ?? undefined) as ConjunctionAssessment | undefined;
  const rtn = version.detail['missRtnKm'] as [number, number, number] | undefined;
  const identity = (object: StoredObject | undefined, norad: number) => ({
    designator: String(norad),
    name: object?.objectName || `NORAD ${norad}`,
    internationalDesignator: object?.objectId || 'UNKNOWN',
  });
  return cdmFromAssessment({
    messageId: `CONCORD-${event.id}-${version.version}`,
    creationUnixMs,
    conjunctionId: String(event.id),
    tcaUnixMs: version.tcaUnixMs,
    missKm: version.missKm,
    relSpeedKmS: version.relSpeedKmS,
    ...(rtn && version.detail['rtnFrameNorad'] === event.primaryNorad ? { missRtnKm: rtn } : {}),
    primary: identity(objects.primary, event.primaryNorad),
    secondary: identity(objects.secondary, event.secondaryNorad),
    assessment,
    comments: [`Concord screening run ${version.runId}, event version ${version.version}`],
  });
}
