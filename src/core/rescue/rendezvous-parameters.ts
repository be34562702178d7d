import type { InsertionOrbit, PhasingStrategy } from '../orbits/rendezvous-timeline.js';

/**
 * Inputs of the rendezvous-timeline model per crew vehicle. Every value says whether it is published (with the
 * source) or a stated assumption; vehicles not listed keep their passport profile duration (fallback).
 */
export interface VehicleRendezvousParameters {
  readonly insertion: InsertionOrbit;
  /** Liftoff to orbit insertion (end of powered flight), s. */
  readonly ascentS: number;
  /** Inertial central angle from the launch site to the insertion point, deg. */
  readonly ascentArcDeg: number;
  /** Shortest final approach (end of the raise to contact), s. */
  readonly finalApproachS: number;
  readonly preferred: PhasingStrategy;
  /** Used when the insertion phase is outside the preferred scheme's window. */
  readonly fallback: PhasingStrategy;
  /** Where each value comes from, printed in the planner's reasons. */
  readonly basis: string;
}

/**
 * Assumption shared by all vehicles (the rescue basis gives no insertion orbit, ascent time or ascent arc):
 * a 200 km circular insertion (the planner's existing stated assumption, basis §6.5 test case), powered ascent
 * 530 s (Soyuz-2.1a, LM-2F and Falcon 9 all reach orbit in about 9 min) covering 16 deg of inertial arc
 * (about 1,800 km downrange).
 */
const COMMON = {
  insertion: { perigeeAltitudeKm: 200, apogeeAltitudeKm: 200 },
  ascentS: 530,
  ascentArcDeg: 16,
} as const;
const COMMON_BASIS = 'assumed 200 km circular insertion, 530 s / 16 deg powered ascent';

export const RENDEZVOUS_PARAMETERS: ReadonlyMap<string, VehicleRendezvousParameters> = new Map([
  [
    'soyuz-ms',
    {
      ...COMMON,
      finalApproachS: 30 * 60,
      preferred: { kind: 'fast', revolutions: 2 },
      fallback: { kind: 'multi-revolution' },
      basis: `two-orbit scheme (RSC Energia 14 Oct 2020: docked after two orbits); ${COMMON_BASIS}; final approach ≥ 30 min assumed`,
    },
  ],
  [
    'shenzhou',
    {
      ...COMMON,
      finalApproachS: 30 * 60,
      preferred: { kind: 'fast', revolutions: 2 },
      fallback: { kind: 'multi-revolution' },
      basis: `fast scheme modelled as two orbits (revolution count of the 3.5 h scheme not published in the basis: assumption); ${COMMON_BASIS}; final approach ≥ 30 min assumed`,
    },
  ],
  [
    'crew-dragon',
    {
      ...COMMON,
      finalApproachS: 2 * 3600,
      preferred: { kind: 'multi-revolution' },
      fallback: { kind: 'multi-revolution' },
      basis: `multi-revolution phasing on the insertion orbit (Dragon burn plan not published: assumption); ${COMMON_BASIS}; final approach with hold points 2 h assumed`,
    },
  ],
]);
