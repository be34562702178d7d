import { describe, expect, it } from 'vitest';
import { buildEncounterPlane, type ConjunctionStates } from '../src/core/risk/encounter-plane.js';
import { fosterMethod } from '../src/core/risk/pc-foster.js';
import { monteCarloMethod, wilsonInterval } from '../src/core/risk/pc-monte-carlo.js';
import {
  pcTwoBodyMonteCarlo,
  TWO_BODY_HIT_CRITERIA,
  type TwoBodyHitCriterion,
} from '../src/core/risk/pc-monte-carlo-two-body.js';
import { TwoBodyOrbit } from '../src/core/risk/two-body-orbit.js';
import { type AlfanoStates, alfanoSummary, loadAlfanoCase } from './risk-alfano2009-fixtures.js';

/**
 * Alfano (2009) "Satellite conjunction Monte Carlo analysis" (AAS 09-233) test cases as distributed by NASA CARA:
 * states and 6x6 covariances at epoch and at TCA, the encounter half-window ("FinalTime"), Alfano's published
 * two-body Monte Carlo Pc (1e8 trials) and "instantaneous probability", and CARA's Pc2D, Pc3D and Monte Carlo
 * (1e8 trials) for the same inputs.
 */
const cases = alfanoSummary();
const byCase = (n: number) => {
  const c = cases.find((x) => x.n === n);
  if (!c) throw new Error(`case ${n} missing`);
  return c;
};

/** Alfano sampled at epoch and propagated; both Alfano and CARA search TCA +/- FinalTime. */
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

/*
 * The two published Monte Carlo sets count different trials (docs/risk.md): Alfano counts a trial whose minimum
 * separation over TCA +/- FinalTime is below the HBR, including trials already in contact at the window start
 * (hit criterion `minimum`); CARA counts contacts that begin inside the window (`entry`: first-contact times,
 * as its two-body Monte Carlo, SDMC and Pc3D_Hall). They differ only where the window starts inside an
 * encounter: cases 9 (HEO, window of 3 h), 11 and 12 (LEO objects metres apart for the whole window).
 */
const interval = (hits: number, trials: number) => wilsonInterval(hits, trials);
const contains = (r: { low: number; high: number }, x: number) => r.low <= x && x <= r.high;

function run(n: number, trials: number, hitCriterion: TwoBodyHitCriterion, seed = 2009) {
  const r = pcTwoBodyMonteCarlo(epochEncounter(n), { trials, seed, hitCriterion });
  if (!r.ok) throw new Error(r.message);
  const v = r.value;
  const c = byCase(n);
  console.log(
    `case ${n} (${hitCriterion}): Pc ${v.pc.toExponential(4)} [${v.low.toExponential(4)}, ${v.high.toExponential(4)}] (${v.hits}/${v.trials}), in contact at window start ${v.overlapAtStartTrials}; Alfano ${c.alfanoMc}, CARA ${c.caraMc}`,
  );
  expect(v.trials).toBe(trials);
  expect(v.unboundSamples).toBe(0);
  expect(v.hitCriterion).toBe(hitCriterion);
  return v;
}

describe('full (two-body) Monte Carlo against the Alfano 2009 and CARA Monte Carlo', () => {
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
    'case %i (%i trials, sampled at epoch, hit criterion minimum): the 95-percent interval contains Alfano PcMC',
    (n, trials) => {
      const c = byCase(n);
      const v = run(n, trials, 'minimum');
      expect(contains(v, c.alfanoMc)).toBe(true);
      // The interval is tight enough to be meaningful: it excludes the 2-D Pc wherever that is off by > 15 %.
      if (Math.abs(c.caraPc2d - c.alfanoMc) > 0.15 * c.alfanoMc) {
        expect(c.caraPc2d < v.low || c.caraPc2d > v.high).toBe(true);
      }
      // No trial starts in contact except in case 9, so there the two criteria count the same trials and the
      // same interval contains CARA's value.
      if (n !== 9) {
        expect(v.overlapAtStartTrials).toBe(0);
        expect(contains(v, c.caraMc)).toBe(true);
      }
    },
  );

  it('case 9: minimum brackets Alfano, entry brackets CARA, and the trials in contact at the window start are Alfano InstProb', () => {
    const c = byCase(9);
    const min = run(9, 20_000, 'minimum');
    const entry = run(9, 20_000, 'entry');
    expect(contains(min, c.alfanoMc)).toBe(true);
    expect(contains(entry, c.caraMc)).toBe(true);
    expect(entry.high).toBeLessThan(c.alfanoMc);
    // Same seed, same samples: the criteria differ exactly by the trials in contact at the start that do not
    // touch again within the window.
    expect(entry.overlapAtStartTrials).toBe(min.overlapAtStartTrials);
    expect(min.hits - entry.hits).toBeGreaterThan(0);
    expect(min.hits - entry.hits).toBeLessThanOrEqual(min.overlapAtStartTrials);
    expect(contains(interval(min.overlapAtStartTrials, min.trials), c.alfanoInstProb)).toBe(true);
  });

  /*
   * Cases 11 (leader-follower, 76 m apart) and 12 (identical orbits): about 0.2 % of the trials start in contact,
   * so the criterion matters. Entry, sampled at TCA as CARA's SDMC run, reproduces CARA in both. Alfano's values
   * are reproduced by neither criterion: his case 11 lies between the two; his case 12 is 5 % above CARA
   * (outside a 1e6-trial entry interval, inside the wider one here, so not asserted) and his InstProb of 0 for
   * it contradicts the 0.2 % of trials in contact at the window start.
   */
  it.each([11, 12])(
    'case %i: entry (sampled at TCA) brackets CARA; Alfano PcMC is below the minimum-criterion interval',
    (n) => {
      const c = byCase(n);
      const r = pcTwoBodyMonteCarlo(
        { ...loadAlfanoCase(n, 'tca'), hbrM: c.hbrM, windowStartS: -c.finalTimeS, windowEndS: c.finalTimeS },
        { trials: 100_000, seed: 2009, hitCriterion: 'entry' },
      );
      if (!r.ok) throw new Error(r.message);
      const entry = r.value;
      console.log(
        `case ${n} (entry, sampled at TCA): Pc ${entry.pc.toExponential(4)} [${entry.low.toExponential(4)}, ${entry.high.toExponential(4)}] (${entry.hits}/${entry.trials}); CARA ${c.caraMc}`,
      );
      expect(contains(entry, c.caraMc)).toBe(true);
      const min = run(n, 100_000, 'minimum');
      expect(min.low).toBeGreaterThan(Math.max(c.alfanoMc, c.caraMc));
      const start = interval(min.overlapAtStartTrials, min.trials);
      if (n === 11) {
        expect(entry.high).toBeLessThan(c.alfanoMc);
        expect(contains(start, c.alfanoInstProb)).toBe(true);
      } else {
        expect(start.low).toBeGreaterThan(c.alfanoInstProb);
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

  it.each(TWO_BODY_HIT_CRITERIA)(
    'is reproducible and independent of the scan resolution (hit criterion %s; same seed: same hits at 16 and 64 steps/period)',
    (hitCriterion) => {
      for (const n of [1, 5, 9, 12]) {
        const options = { trials: 5_000, seed: 11, hitCriterion };
        const a = pcTwoBodyMonteCarlo(epochEncounter(n), { ...options, stepsPerPeriod: 16 });
        const b = pcTwoBodyMonteCarlo(epochEncounter(n), { ...options, stepsPerPeriod: 64 });
        const again = pcTwoBodyMonteCarlo(epochEncounter(n), { ...options, stepsPerPeriod: 16 });
        if (!a.ok || !b.ok || !again.ok) throw new Error('monte carlo failed');
        expect(a.value.hits).toBeGreaterThan(0);
        expect(b.value.hits).toBe(a.value.hits);
        expect(again.value.hits).toBe(a.value.hits);
      }
    },
  );

  it('rejects an unknown hit criterion with a stable code', () => {
    const r = pcTwoBodyMonteCarlo(epochEncounter(1), {
      trials: 10,
      hitCriterion: 'closest' as TwoBodyHitCriterion,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('BAD_HIT_CRITERION');
  });
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
