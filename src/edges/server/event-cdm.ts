import type { CdmPartName } from '../../formats/ccsds/cdm/cdm-keywords.js';
import { RTN_COVARIANCE_KEYWORDS } from '../../formats/ccsds/cdm/cdm-keywords.js';
import {
  type Cdm,
  type CdmField,
  type CdmPart,
  emptyObject,
  emptyPart,
} from '../../formats/ccsds/cdm/cdm-message.js';
import type { ConjunctionEvent, ConjunctionVersion } from '../store/conjunction-repository.js';
import type { StoredObject } from '../store/object-repository.js';
import type { ObjectAtTca } from '../workers/conjunction-assessment.js';

function part<P extends CdmPartName>(
  name: P,
  fields: [string, string][],
  comments: string[] = [],
): CdmPart<P> {
  const p = emptyPart(name);
  p.comments.push(...comments);
  p.fields.push(...fields.map(([keyword, value]): CdmField => ({ keyword, value, line: 0 })));
  return p;
}

function isoCcsds(unixMs: number): string {
  // CCSDS epochs without the zone letter; sub-millisecond digits kept to microseconds.
  const whole = Math.floor(unixMs);
  const micro = Math.round((unixMs - whole) * 1000);
  return `${new Date(whole).toISOString().slice(0, 23)}${String(Math.min(999, micro)).padStart(3, '0')}`;
}

const num = (x: number) => (Number.isFinite(x) ? x.toPrecision(12).replace(/\.?0+(e|$)/, '$1') : 'NaN');

function objectParts(
  label: 'OBJECT1' | 'OBJECT2',
  object: StoredObject | undefined,
  norad: number,
  at: ObjectAtTca | undefined,
) {
  const o = emptyObject();
  const name = object?.objectName || `NORAD ${norad}`;
  o.metadata.fields.push(
    ...part('metadata', [
      ['OBJECT', label],
      ['OBJECT_DESIGNATOR', String(norad)],
      ['CATALOG_NAME', 'SATCAT'],
      ['OBJECT_NAME', name],
      ['INTERNATIONAL_DESIGNATOR', object?.objectId || 'UNKNOWN'],
      ['EPHEMERIS_NAME', 'NONE'],
      ['COVARIANCE_METHOD', 'DEFAULT'],
      ['MANEUVERABLE', 'N/A'],
      ['REF_FRAME', 'TEME'],
    ]).fields,
  );
  if (at) {
    o.stateVector.fields.push(
      ...part('stateVector', [
        ['X', num(at.positionKm[0])],
        ['Y', num(at.positionKm[1])],
        ['Z', num(at.positionKm[2])],
        ['X_DOT', num(at.velocityKmS[0])],
        ['Y_DOT', num(at.velocityKmS[1])],
        ['Z_DOT', num(at.velocityKmS[2])],
      ]).fields,
    );
    const lower: [string, string][] = [];
    let k = 0;
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j <= i; j++) {
        const keyword = RTN_COVARIANCE_KEYWORDS[k] ?? '';
        lower.push([keyword, num(at.covarianceRtn[i * 6 + j] ?? 0)]);
        k += 1;
      }
    }
    o.covarianceMatrix.comments.push(at.covarianceDescription);
    o.covarianceMatrix.fields.push(...part('covarianceMatrix', lower).fields);
  }
  return o;
}

/**
 * A CDM (CCSDS 508.0) for one version of an event: SGP4 states at TCA in TEME and synthetic covariances (said so in
 * COMMENT lines; COVARIANCE_METHOD = DEFAULT). The Pc is Foster 2-D on those covariances: an indication only.
 */
export function eventCdm(
  event: ConjunctionEvent,
  version: ConjunctionVersion,
  objects: { primary?: StoredObject; secondary?: StoredObject },
  creationUnixMs: number,
): Cdm {
  const assessment = version.detail['assessment'] as
    | { pc: number | null; hbrM: number; primary: ObjectAtTca; secondary: ObjectAtTca }
    | null
    | undefined;
  const rtn = version.detail['missRtnKm'] as [number, number, number] | undefined;
  const header = part('header', [
    ['CCSDS_CDM_VERS', '1.0'],
    ['CREATION_DATE', isoCcsds(creationUnixMs)],
    ['ORIGINATOR', 'CONCORD'],
    ['MESSAGE_ID', `CONCORD-${event.id}-${version.version}`],
  ]);
  const relativeFields: [string, string][] = [
    ['CONJUNCTION_ID', String(event.id)],
    ['TCA', isoCcsds(version.tcaUnixMs)],
    ['MISS_DISTANCE', num(version.missKm * 1000)],
    ['RELATIVE_SPEED', num(version.relSpeedKmS * 1000)],
  ];
  if (rtn && version.detail['rtnFrameNorad'] === event.primaryNorad) {
    relativeFields.push(
      ['RELATIVE_POSITION_R', num(rtn[0] * 1000)],
      ['RELATIVE_POSITION_T', num(rtn[1] * 1000)],
      ['RELATIVE_POSITION_N', num(rtn[2] * 1000)],
    );
  }
  if (assessment?.pc !== null && assessment?.pc !== undefined) {
    relativeFields.push(
      ['COLLISION_PROBABILITY', num(assessment.pc)],
      ['COLLISION_PROBABILITY_METHOD', 'FOSTER-1992'],
    );
  }
  const relative = part('relativeMetadataData', relativeFields, [
    `Concord screening run ${version.runId}, event version ${version.version}`,
    ...(assessment ? [`Hard-body radius ${assessment.hbrM} m (defaults); covariances are SYNTHETIC`] : []),
  ]);
  return {
    header,
    relativeMetadataData: relative,
    objects: [
      objectParts('OBJECT1', objects.primary, event.primaryNorad, assessment?.primary),
      objectParts('OBJECT2', objects.secondary, event.secondaryNorad, assessment?.secondary),
    ],
  };
}
