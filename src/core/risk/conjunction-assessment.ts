import { rtnToInertialCovariance } from '../frames/rtn.js';
import type { ElementSet } from '../orbits/element-set.js';
import { MU_EARTH_KM3_S2 } from '../orbits/two-body-constants.js';
import { propagateAt } from '../propagation/propagate.js';
import { createSgp4Model } from '../propagation/sgp4-model.js';
import { utcInstantFromUnixMs } from '../time/iso-8601.js';
import { computePc } from './compute-pc.js';
import {
  combinedHardBodyRadius,
  type HbrSource,
  type ObjectHbr,
  type ObjectHbrOptions,
  objectHardBodyRadius,
} from './hard-body-radius.js';
import { orbitRegimeFromState, syntheticCovariance } from './synthetic-covariance.js';

/**
 * One object at TCA: inertial state (the screening's frame, TEME for SGP4), RTN covariance and hard-body radius.
 * Plain JSON (the service stores it with each event version; fields added later are optional so older rows read).
 */
export interface ObjectAtTca {
  readonly positionKm: [number, number, number];
  readonly velocityKmS: [number, number, number];
  /** RTN covariance, 6x6 row-major (m², m²/s, m²/s²). */
  readonly covarianceRtn: number[];
  readonly covarianceDescription: string;
  /** Absent in rows stored before the flag existed: those covariances were all synthetic. */
  readonly covarianceSynthetic?: boolean;
  readonly hbrM: number;
  readonly hbrSource?: HbrSource;
  readonly hbrDetail?: string;
}

export interface ConjunctionAssessment {
  /** Pc from the two covariances (an indication only when one of them is synthetic); null when not computable. */
  readonly pc: number | null;
  /** Concord method name of `pc` (absent in older rows: Foster). */
  readonly pcMethod?: 'foster';
  /** Combined hard-body radius, m. */
  readonly hbrM: number;
  /** Weaker of the two objects' sources (`default` = assumed value, see `hard-body-radius.ts`). */
  readonly hbrSource?: HbrSource;
  readonly primary: ObjectAtTca;
  readonly secondary: ObjectAtTca;
}

/** A state at TCA from any source (SGP4, an ephemeris), before covariance and radius are attached. */
export interface StateAtTca {
  readonly positionKm: ArrayLike<number>;
  readonly velocityKmS: ArrayLike<number>;
}

export interface AssessmentOptions {
  /** Per-object hard-body radius options (CARA table, defaults); see `objectHardBodyRadius`. */
  readonly hbr?: ObjectHbrOptions;
}

const triple = (a: ArrayLike<number>): [number, number, number] => [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0];

/**
 * An object at TCA with Concord's synthetic covariance (flagged synthetic). `ageDays` is the element-set age at TCA
 * (0 for an ephemeris, whose accuracy the model does not know: the description says it was assumed).
 */
export function objectAtTca(
  state: StateAtTca,
  noradCatId: number | undefined,
  ageDays: number,
  meanMotionRadS: number,
  options: AssessmentOptions & { readonly covarianceNote?: string } = {},
): ObjectAtTca {
  const r = Float64Array.from(triple(state.positionKm));
  const v = Float64Array.from(triple(state.velocityKmS));
  const cov = syntheticCovariance(orbitRegimeFromState(r, v), ageDays, meanMotionRadS);
  const hbr: ObjectHbr = objectHardBodyRadius(noradCatId, options.hbr);
  return {
    positionKm: triple(r),
    velocityKmS: triple(v),
    covarianceRtn: Array.from(cov.covarianceRtn),
    covarianceDescription: options.covarianceNote
      ? `${cov.description}; ${options.covarianceNote}`
      : cov.description,
    covarianceSynthetic: true,
    hbrM: hbr.hbrM,
    hbrSource: hbr.source,
    hbrDetail: hbr.detail,
  };
}

/** An element set at TCA with exact SGP4 (TEME); undefined when SGP4 fails there. */
export function elementSetAtTca(
  es: ElementSet,
  tcaUnixMs: number,
  options: AssessmentOptions = {},
): ObjectAtTca | undefined {
  const model = createSgp4Model(es);
  if (!model.ok) return undefined;
  const state = propagateAt(model.value, utcInstantFromUnixMs(tcaUnixMs));
  if (!state.ok) return undefined;
  return objectAtTca(
    state.value,
    es.noradCatId,
    state.value.elementSetAgeDays,
    (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400,
    options,
  );
}

/** What an ephemeris interpolator gives: position and velocity at a time into `out`, 0 when it has a state there. */
export interface TabulatedStates {
  stateAt(unixMs: number, out: Float64Array): number;
}

/** Said in the covariance description of an object given by an ephemeris. */
export const EPHEMERIS_COVARIANCE_NOTE =
  'operator ephemeris: element set age 0 d ASSUMED (the model is for catalog element sets; any OEM covariance is not used)';

/**
 * An object given by an ephemeris at TCA: the interpolated state (the one the screening used) with Concord's
 * synthetic covariance at age 0, flagged as assumed; undefined when the ephemeris has no state there.
 */
export function ephemerisAtTca(
  states: TabulatedStates,
  tcaUnixMs: number,
  noradCatId: number | undefined,
  options: AssessmentOptions = {},
): ObjectAtTca | undefined {
  const s = new Float64Array(6);
  if (states.stateAt(tcaUnixMs, s) !== 0) return undefined;
  const r = Math.hypot(s[0] ?? 0, s[1] ?? 0, s[2] ?? 0);
  const v2 = (s[3] ?? 0) ** 2 + (s[4] ?? 0) ** 2 + (s[5] ?? 0) ** 2;
  const a = 1 / (2 / r - v2 / MU_EARTH_KM3_S2);
  return objectAtTca(
    { positionKm: s.subarray(0, 3), velocityKmS: s.subarray(3, 6) },
    noradCatId,
    0,
    a > 0 ? Math.sqrt(MU_EARTH_KM3_S2 / (a * a * a)) : 0,
    { ...options, covarianceNote: EPHEMERIS_COVARIANCE_NOTE },
  );
}

function positionBlock(c6: readonly number[]): Float64Array {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i * 3 + j] = c6[i * 6 + j] ?? 0;
  return out;
}

/** Foster 2-D Pc of two objects at TCA with the combined hard-body radius (sum of the two). */
export function assessObjectsAtTca(
  p: ObjectAtTca,
  s: ObjectAtTca,
  combinedHbrOverrideM?: number,
): ConjunctionAssessment {
  const asHbr = (o: ObjectAtTca): ObjectHbr => ({
    hbrM: o.hbrM,
    source: o.hbrSource ?? 'default',
    detail: o.hbrDetail ?? '',
  });
  const hbr = combinedHardBodyRadius(asHbr(p), asHbr(s), combinedHbrOverrideM);
  const toInertial = (o: ObjectAtTca) =>
    rtnToInertialCovariance(
      positionBlock(o.covarianceRtn),
      Float64Array.from(o.positionKm),
      Float64Array.from(o.velocityKmS),
    );
  const pc = computePc(
    {
      primaryPositionKm: Float64Array.from(p.positionKm),
      primaryVelocityKmS: Float64Array.from(p.velocityKmS),
      primaryCovarianceM2: toInertial(p),
      secondaryPositionKm: Float64Array.from(s.positionKm),
      secondaryVelocityKmS: Float64Array.from(s.velocityKmS),
      secondaryCovarianceM2: toInertial(s),
    },
    hbr.hbrM,
    'foster',
  );
  const value = pc.ok && Number.isFinite(pc.value.result.pc) ? pc.value.result.pc : null;
  return { pc: value, pcMethod: 'foster', hbrM: hbr.hbrM, hbrSource: hbr.source, primary: p, secondary: s };
}

/**
 * States at TCA with exact SGP4 (TEME), synthetic covariances (flagged synthetic) and the Foster Pc with the
 * hard-body radii of `options` (stated defaults when nothing else is known): what each service event version
 * stores and the CDMs of the service and of `concord screen --cdm-dir` carry.
 */
export function assessConjunction(
  primary: ElementSet,
  secondary: ElementSet,
  tcaUnixMs: number,
  options: AssessmentOptions = {},
): ConjunctionAssessment | undefined {
  const p = elementSetAtTca(primary, tcaUnixMs, options);
  const s = elementSetAtTca(secondary, tcaUnixMs, options);
  if (!p || !s) return undefined;
  return assessObjectsAtTca(p, s);
}
