import type { CheckStatus } from './check-status.js';
import type { MechanismFamily } from './passport-schema.js';

/** What is known about mating two different mechanism families directly (no adapter). */
export interface FamilyRelation {
  readonly status: CheckStatus;
  readonly reason: string;
}

/**
 * Cross-family facts of the rescue basis (§2.2, §4.2). Same family is handled by the caller; a pair not
 * listed here is "families known to differ, no edge" (fail). The Chinese docking mechanism is APAS-derived
 * and was claimed compatible with the "international standard" in 2011, but its geometry, hooks, seals and
 * connectors are not public and it never docked with a foreign vehicle: unknown, never pass.
 */
const CDM_APAS =
  'Chinese docking mechanism is APAS-derived; compatibility with APAS/IDSS claimed (SAST 2011) but never flown, and ring, petal, hook, seal and connector geometry is not public (basis §2.2)';

export function familyRelation(a: MechanismFamily, b: MechanismFamily): FamilyRelation {
  if (a === b) return { status: 'pass', reason: `same mechanism family (${a})` };
  const pair = new Set([a, b]);
  if (
    pair.has('CDM') &&
    (pair.has('IDSS') || pair.has('APAS-95') || pair.has('APAS-89') || pair.has('APAS-75'))
  ) {
    return { status: 'unknown', reason: CDM_APAS };
  }
  if (pair.has('CBM')) {
    return { status: 'fail', reason: `CBM is berthing only and does not mate with ${a === 'CBM' ? b : a}` };
  }
  return { status: 'fail', reason: `${a} and ${b} are different mechanism families with no direct mating` };
}
