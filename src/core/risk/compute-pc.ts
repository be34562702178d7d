import { err, ok, type Result } from '../result.js';
import {
  buildEncounterPlane,
  type ConjunctionStates,
  type EncounterPlane,
  type EncounterPlaneCode,
} from './encounter-plane.js';
import { chanMethod } from './pc-chan.js';
import { fosterMethod } from './pc-foster.js';
import { maxPcMethod } from './pc-max.js';
import type { PcMethod, PcMethodName, PcResult } from './pc-method.js';
import { monteCarloMethod } from './pc-monte-carlo.js';
import { type TwoBodyMonteCarloPcOptions, twoBodyMonteCarloPc } from './pc-monte-carlo-two-body.js';

export const PC_METHOD_NAMES: readonly PcMethodName[] = ['foster', 'chan', 'mc', 'mc2d', 'max'];

export interface PcOptions extends TwoBodyMonteCarloPcOptions {
  /** Assumed covariance aspect ratio for the maximum-Pc method (default 1: isotropic). */
  readonly maxAspectRatio?: number;
}

export function isPcMethodName(name: string): name is PcMethodName {
  return (PC_METHOD_NAMES as readonly string[]).includes(name);
}

/** The encounter-plane method of a name (`mc` is not one: it needs the full states, see {@link computePc}). */
export function pcMethodFor(name: Exclude<PcMethodName, 'mc'>, options: PcOptions = {}): PcMethod {
  switch (name) {
    case 'foster':
      return fosterMethod;
    case 'chan':
      return chanMethod;
    case 'mc2d':
      return monteCarloMethod(options);
    case 'max':
      return maxPcMethod(options.maxAspectRatio ?? 1);
  }
}

/** Encounter plane (states moved to the linear-motion TCA, as CARA) and the Pc of one method. */
export function computePc(
  states: ConjunctionStates,
  hbrM: number,
  method: PcMethodName,
  options: PcOptions = {},
): Result<{ plane: EncounterPlane; result: PcResult }, EncounterPlaneCode | 'BAD_HBR'> {
  if (!(hbrM >= 0) || !Number.isFinite(hbrM))
    return err('BAD_HBR', `hard-body radius must be a finite number >= 0 m, got ${hbrM}`);
  const plane = buildEncounterPlane(states);
  if (!plane.ok) return plane;
  const result =
    method === 'mc'
      ? twoBodyMonteCarloPc(states, plane.value, hbrM, options)
      : pcMethodFor(method, options).compute(plane.value, hbrM);
  return ok({ plane: plane.value, result });
}
