import { rtnToInertialCovariance } from '../../core/frames/rtn.js';
import type { ElementSet } from '../../core/orbits/element-set.js';
import { propagateAt } from '../../core/propagation/propagate.js';
import { createSgp4Model } from '../../core/propagation/sgp4-model.js';
import { computePc } from '../../core/risk/compute-pc.js';
import { combinedHardBodyRadius, objectHardBodyRadius } from '../../core/risk/hard-body-radius.js';
import { orbitRegimeFromState, syntheticCovariance } from '../../core/risk/synthetic-covariance.js';
import { utcInstantFromUnixMs } from '../../core/time/iso-8601.js';

/** One object at TCA: TEME state and the synthetic RTN position sigmas used for its covariance. */
export interface ObjectAtTca {
  readonly positionKm: [number, number, number];
  readonly velocityKmS: [number, number, number];
  /** Synthetic RTN covariance, 6x6 row-major (m², m²/s, m²/s²). */
  readonly covarianceRtn: number[];
  readonly covarianceDescription: string;
  readonly hbrM: number;
}

export interface ConjunctionAssessment {
  /** Foster 2-D Pc from synthetic covariances: an indication, not an operational number. */
  readonly pc: number | null;
  readonly hbrM: number;
  readonly primary: ObjectAtTca;
  readonly secondary: ObjectAtTca;
}

function atTca(es: ElementSet, tcaUnixMs: number): ObjectAtTca | undefined {
  const model = createSgp4Model(es);
  if (!model.ok) return undefined;
  const state = propagateAt(model.value, utcInstantFromUnixMs(tcaUnixMs));
  if (!state.ok) return undefined;
  const r = Float64Array.from(state.value.positionKm);
  const v = Float64Array.from(state.value.velocityKmS);
  const cov = syntheticCovariance(
    orbitRegimeFromState(r, v),
    state.value.elementSetAgeDays,
    (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400,
  );
  return {
    positionKm: [...state.value.positionKm],
    velocityKmS: [...state.value.velocityKmS],
    covarianceRtn: Array.from(cov.covarianceRtn),
    covarianceDescription: cov.description,
    hbrM: objectHardBodyRadius(es.noradCatId).hbrM,
  };
}

function positionBlock(c6: readonly number[]): Float64Array {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i * 3 + j] = c6[i * 6 + j] ?? 0;
  return out;
}

/**
 * States at TCA with exact SGP4 (TEME), synthetic covariances (flagged synthetic) and the Foster Pc with the
 * default hard-body radii: what each event version stores and its CDMs carry.
 */
export function assessConjunction(
  primary: ElementSet,
  secondary: ElementSet,
  tcaUnixMs: number,
): ConjunctionAssessment | undefined {
  const p = atTca(primary, tcaUnixMs);
  const s = atTca(secondary, tcaUnixMs);
  if (!p || !s) return undefined;
  const hbr = combinedHardBodyRadius(
    objectHardBodyRadius(primary.noradCatId),
    objectHardBodyRadius(secondary.noradCatId),
  );
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
  return { pc: value, hbrM: hbr.hbrM, primary: p, secondary: s };
}
