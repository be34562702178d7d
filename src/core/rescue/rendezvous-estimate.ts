import type { ElementSet } from '../orbits/element-set.js';
import { gmstDeg, type LaunchWindow } from '../orbits/launch-window.js';
import {
  insertionGeometry,
  type PhasingStrategy,
  type RendezvousTimeline,
  rendezvousTimeline,
} from '../orbits/rendezvous-timeline.js';
import { propagateAt } from '../propagation/propagate.js';
import type { Sgp4Model } from '../propagation/sgp4-model.js';
import { addDays, daysBetween } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import type { VehicleRendezvousParameters } from './rendezvous-parameters.js';

/** A launch at a window and the computed time to docking. */
export interface RendezvousEstimate {
  readonly launch: UtcInstant;
  readonly arrival: UtcInstant;
  readonly timeline: RendezvousTimeline;
  /** How the phase angle was obtained. */
  readonly phaseSource: 'element-set' | 'assumed-mid-window' | 'assumed-full-lap';
}

const later = (t: UtcInstant, s: number): UtcInstant => ({ scale: 'UTC', jd: addDays(t.jd, s / 86_400) });

function timeline(
  p: VehicleRendezvousParameters,
  aKm: number,
  incDeg: number,
  phaseDeg: number,
  strategy: PhasingStrategy,
) {
  return rendezvousTimeline({
    targetSemiMajorAxisKm: aKm,
    targetInclinationDeg: incDeg,
    insertion: p.insertion,
    phaseAngleDeg: phaseDeg,
    strategy,
    ascentS: p.ascentS,
    finalApproachS: p.finalApproachS,
  });
}

/**
 * Earliest docking over the given launch windows, with the phase at insertion from the target's element set
 * (SGP4 state at insertion vs the site's in-plane position at liftoff). Per window: the preferred scheme if
 * the phase is inside its window, else the fallback (multi-revolution) scheme. Undefined if nothing computes.
 */
export function earliestRendezvous(
  p: VehicleRendezvousParameters,
  site: { readonly latitudeDeg: number; readonly longitudeDeg: number },
  target: { readonly model: Sgp4Model; readonly elementSet: ElementSet; readonly semiMajorAxisKm: number },
  windows: readonly LaunchWindow[],
): RendezvousEstimate | undefined {
  let best: RendezvousEstimate | undefined;
  for (const w of windows) {
    const state = propagateAt(target.model, later(w.utc, p.ascentS));
    if (!state.ok) continue;
    const g = insertionGeometry({
      site,
      gmstAtLiftoffDeg: gmstDeg(w.utc),
      ascentArcDeg: p.ascentArcDeg,
      targetAtInsertion: state.value,
    });
    const inc = target.elementSet.inclinationDeg;
    const first = timeline(p, target.semiMajorAxisKm, inc, g.phaseAngleDeg, p.preferred);
    const tl = first.ok ? first : timeline(p, target.semiMajorAxisKm, inc, g.phaseAngleDeg, p.fallback);
    if (!tl.ok) continue;
    const arrival = later(w.utc, tl.value.totalS);
    if (!best || daysBetween(arrival.jd, best.arrival.jd) > 0)
      best = { launch: w.utc, arrival, timeline: tl.value, phaseSource: 'element-set' };
  }
  return best;
}

/**
 * Phase unknown (no element set): nominal = preferred scheme with the phase at the centre of its window (the
 * launch day or the target's phasing is chosen for it, as operators do); latest = fallback scheme needing a full
 * synodic lap (the worst phase).
 */
export function rendezvousWithoutPhase(
  p: VehicleRendezvousParameters,
  aKm: number,
  incDeg: number,
): { nominal: RendezvousTimeline; latest: RendezvousTimeline } | undefined {
  // The transfer gain is independent of the phase: probe once to read it and the fast window.
  const probe = timeline(p, aKm, incDeg, 0, { kind: 'multi-revolution' });
  if (!probe.ok) return undefined;
  const gain = probe.value.transferPhaseGainDeg;
  const fastProbe = timeline(p, aKm, incDeg, gain + 1e-6, p.preferred);
  const window = fastProbe.ok ? fastProbe.value.fastWindowDeg : undefined;
  const nominal = timeline(p, aKm, incDeg, window ? (window.min + window.max) / 2 : gain + 180, p.preferred);
  const latest = timeline(p, aKm, incDeg, gain - 1e-6, p.fallback);
  if (!nominal.ok || !latest.ok) return undefined;
  return { nominal: nominal.value, latest: latest.value };
}
