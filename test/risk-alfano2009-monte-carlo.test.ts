import { describe, expect, it } from 'vitest';
import { buildEncounterPlane, type ConjunctionStates } from '../src/core/risk/encounter-plane.js';
import { fosterMethod } from '../src/core/risk/pc-foster.js';
import { monteCarloMethod } from '../src/core/risk/pc-monte-carlo.js';
import { pcTwoBodyMonteCarlo } from '../src/core/risk/pc-monte-carlo-two-body.js';
import { TwoBodyOrbit } from '../src/core/risk/two-body-orbit.js';
import { type AlfanoStates, alfanoSummary, loadAlfanoCase } from './risk-alfano2009-fixtures.js';

/**
 * Alfano (2009) "Satellite conjunction Monte Carlo analysis" (AAS 09-233) test cases as distributed by NASA CARA:
 * states and 6x6 covariances at epoch and at TCA, the encounter half-window ("FinalTime"), Alfano's published
 * two-body Monte Carlo Pc (1e8 trials) and CARA's Pc2D, Pc3D and Monte Carlo (1e8 trials) for the same inputs.
 */
const cases = alfanoSummary();
const byCase = (n: number) => {
  const c = cases.find((x) => x.n === n);
  if (!c) throw new Error(`case ${n} missing`);
  return c;
};

/** Alfano sampled at epoch and propagated; CARA integrates over TCA +/- FinalTime. */
function epochEncounter(n: number, states: AlfanoStates = loadAlfanoCase(n, 'epoch')) {
  const c = byCase(n);
  return {
    ...states,
    hbrM: c.hbrM,
    windowStartS: states.tcaAfterEpochS - c.finalTimeS,
    windowEndS: states.tcaAfterEpochS + c.finalTimeS,
  };
}

function tcaPlaneStates(n: number): ConjunctionStates {
  const t = loadAlfanoCase(n, 'tca');
  const km = (s: Float64Array, from: number) => s.slice(from, from + 3).map((x) => x / 1000);
  const pos3 = (c: Float64Array) => Float64Array.from([0, 1, 2, 6, 7, 8, 12, 13, 14].map((i) => c[i] ?? 0));
  return {
    primaryPositionKm: km(t.primaryStateM, 0),
    primaryVelocityKmS: km(t.primaryStateM, 3),
    primaryCovarianceM2: pos3(t.primaryCovariance),
    secondaryPositionKm: km(t.secondaryStateM, 0),
    secondaryVelocityKmS: km(t.secondaryStateM, 3),
    secondaryCovarianceM2: pos3(t.secondaryCovariance),
  };
}

describe('two-body propagation against the Alfano 2009 data', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 11, 12])(
    'case %i: epoch states propagated to TCA reproduce the published TCA states within 1 mm',
    (n) => {
      const e = loadAlfanoCase(n, 'epoch');
      const t = loadAlfanoCase(n, 'tca');
      for (const [se, st] of [
        [e.primaryStateM, t.primaryStateM],
        [e.secondaryStateM, t.secondaryStateM],
      ] as const) {
        const o = new TwoBodyOrbit();
        expect(o.setState(se)).toBe(true);
        o.propagate(e.tcaAfterEpochS);
        const dr = Math.hypot(o.x - (st[0] ?? 0), o.y - (st[1] ?? 0), o.z - (st[2] ?? 0));
        const dv = Math.hypot(o.vx - (st[3] ?? 0), o.vy - (st[4] ?? 0), o.vz - (st[5] ?? 0));
        expect(dr).toBeLessThan(1e-3);
        expect(dv).toBeLessThan(1e-6);
      }
    },
  );
});

describe('full (two-body) Monte Carlo brackets Alfano 2009 Monte Carlo', () => {
  // Trials per case: enough for a 95 % interval of a few per cent (about 20 % for case 7) in a few seconds.
  const plan: [number, number][] = [
    [1, 20_000],
    [2, 40_000],
    [3, 20_000],
    [4, 20_000],
    [5, 50_000],
    [6, 100_000],
    [7, 400_000],
    [8, 20_000],
    [9, 20_000],
    [10, 20_000],
  ];
  it.each(plan)(
    'case %i (%i trials, sampled at epoch): the 95-percent interval contains Alfano PcMC',
    (n, trials) => {
      const c = byCase(n);
      const r = pcTwoBodyMonteCarlo(epochEncounter(n), { trials, seed: 2009 });
      if (!r.ok) throw new Error(r.message);
      const v = r.value;
      console.log(
        `case ${n}: Pc ${v.pc.toExponential(4)} [${v.low.toExponential(4)}, ${v.high.toExponential(4)}] (${v.hits}/${v.trials}); Alfano ${c.alfanoMc}, CARA ${c.caraMc}, 2-D ${c.caraPc2d}`,
      );
      expect(v.trials).toBe(trials);
      expect(v.unboundSamples).toBe(0);
      expect(v.low).toBeLessThanOrEqual(c.alfanoMc);
      expect(v.high).toBeGreaterThanOrEqual(c.alfanoMc);
      // The interval is tight enough to be meaningful: it excludes the 2-D Pc wherever that is off by > 15 %.
      if (Math.abs(c.caraPc2d - c.alfanoMc) > 0.15 * c.alfanoMc) {
        expect(c.caraPc2d < v.low || c.caraPc2d > v.high).toBe(true);
      }
    },
  );

  it('sampling at TCA instead of epoch gives the same Pc (case 1: interval contains both published values)', () => {
    const c = byCase(1);
    const t = loadAlfanoCase(1, 'tca');
    const r = pcTwoBodyMonteCarlo(
      { ...t, hbrM: c.hbrM, windowStartS: -c.finalTimeS, windowEndS: c.finalTimeS },
      { trials: 20_000, seed: 7 },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.value.low).toBeLessThanOrEqual(Math.min(c.alfanoMc, c.caraMc));
    expect(r.value.high).toBeGreaterThanOrEqual(Math.max(c.alfanoMc, c.caraMc));
  });

  it('is reproducible and independent of the scan resolution (same seed: same hits at 16 and 64 steps/period)', () => {
    for (const n of [1, 5, 12]) {
      const a = pcTwoBodyMonteCarlo(epochEncounter(n), { trials: 5_000, seed: 11, stepsPerPeriod: 16 });
      const b = pcTwoBodyMonteCarlo(epochEncounter(n), { trials: 5_000, seed: 11, stepsPerPeriod: 64 });
      const again = pcTwoBodyMonteCarlo(epochEncounter(n), { trials: 5_000, seed: 11, stepsPerPeriod: 16 });
      if (!a.ok || !b.ok || !again.ok) throw new Error('monte carlo failed');
      expect(a.value.hits).toBeGreaterThan(0);
      expect(b.value.hits).toBe(a.value.hits);
      expect(again.value.hits).toBe(a.value.hits);
    }
  });

  /*
   * Cases 11 (LEO leader-follower, 76 m apart) and 12 (identical orbits): the published Monte Carlo values
   * disagree with each other (Alfano 3.33e-3 and 2.56e-3; CARA 2.44e-3 and 2.42e-3, whose 95 % intervals exclude
   * Alfano's) and Concord's exact two-body Monte Carlo gives about 4.1e-3 to 4.5e-3 for both, whether sampled at
   * epoch or at TCA, with Pc growing with the window length (objects drifting past each other during the whole
   * window), so the result hinges on conventions (window, covariance near-singularity: the smallest eigenvalue of
   * the TCA covariance is 1e-13 of the largest) that the sources do not state. Not bracketed; checked for
   * internal consistency instead, and reported.
   */
  it.each([11, 12])(
    'case %i (published values disagree, see comment): epoch and TCA sampling agree with each other',
    (n) => {
      const c = byCase(n);
      const e = pcTwoBodyMonteCarlo(epochEncounter(n), { trials: 50_000, seed: 2009 });
      const t = loadAlfanoCase(n, 'tca');
      const k = pcTwoBodyMonteCarlo(
        { ...t, hbrM: c.hbrM, windowStartS: -c.finalTimeS, windowEndS: c.finalTimeS },
        { trials: 50_000, seed: 2010 },
      );
      if (!e.ok || !k.ok) throw new Error('monte carlo failed');
      console.log(
        `case ${n}: NOT bracketed: epoch-sampled ${e.value.pc.toExponential(3)} [${e.value.low.toExponential(3)}, ${e.value.high.toExponential(3)}], TCA-sampled ${k.value.pc.toExponential(3)}; Alfano ${c.alfanoMc}, CARA ${c.caraMc} [${c.caraMcLow}, ${c.caraMcHigh}]`,
      );
      expect(e.value.low).toBeLessThanOrEqual(k.value.high);
      expect(k.value.low).toBeLessThanOrEqual(e.value.high);
    },
  );
});

describe('encounter-plane methods on the Alfano 2009 cases', () => {
  const mc2d = monteCarloMethod({ trials: 400_000, seed: 2009 });

  it.each([3, 5, 6, 7])(
    'case %i (short encounter): the 2-D Monte Carlo brackets Alfano Monte Carlo and Foster equals CARA Pc2D',
    (n) => {
      const c = byCase(n);
      const plane = buildEncounterPlane(tcaPlaneStates(n));
      if (!plane.ok) throw new Error(plane.message);
      const ci = mc2d.compute(plane.value, c.hbrM).confidenceInterval;
      expect(ci && ci.low <= c.alfanoMc && c.alfanoMc <= ci.high).toBe(true);
      expect(Math.abs(fosterMethod.compute(plane.value, c.hbrM).pc - c.caraPc2d) / c.caraPc2d).toBeLessThan(
        1e-3,
      );
    },
  );

  it.each([1, 2, 4, 10])(
    'case %i (2-D model does not hold): Foster differs from Monte Carlo and warns',
    (n) => {
      const c = byCase(n);
      const plane = buildEncounterPlane(tcaPlaneStates(n));
      if (!plane.ok) throw new Error(plane.message);
      const result = fosterMethod.compute(plane.value, c.hbrM);
      expect(Math.abs(result.pc - c.alfanoMc) / c.alfanoMc).toBeGreaterThan(0.1);
      const codes = result.warnings.map((w) => w.code);
      expect(codes.includes('EXTENDED_ENCOUNTER') || codes.includes('OFFSET_ENCOUNTER')).toBe(true);
    },
  );
});
