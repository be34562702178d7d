import { describe, expect, it } from 'vitest';
import { type KnotFiller, type KnotLayout, memberMajorLayout } from './knot-filler.js';
import { fillKnotGrid, septicWeights } from './septic-knots.js';

/**
 * Knot source over analytic trajectories: member m moves on a circle of radius 6,778 km (LEO, 400 km altitude,
 * period ≈ 5,554 s) in a plane tilted by m·0.3 rad. `failAt` makes one (member, time) fail with code 3.
 */
class CircularFiller implements KnotFiller {
  evaluations = 0;
  calls = 0;
  constructor(private readonly failAt?: { member: number; unixMs: number }) {}
  static readonly radiusKm = 6_778;
  static readonly rateRadS = Math.sqrt(398_600.8 / CircularFiller.radiusKm ** 3);

  static state(member: number, unixMs: number, out: Float64Array, o: number): void {
    const r = CircularFiller.radiusKm;
    const w = CircularFiller.rateRadS;
    const a = (w * unixMs) / 1000 + member;
    const tilt = member * 0.3;
    const x = r * Math.cos(a);
    const y = r * Math.sin(a);
    out[o] = x;
    out[o + 1] = y * Math.cos(tilt);
    out[o + 2] = y * Math.sin(tilt);
    const vx = -r * w * Math.sin(a);
    const vy = r * w * Math.cos(a);
    out[o + 3] = vx;
    out[o + 4] = vy * Math.cos(tilt);
    out[o + 5] = vy * Math.sin(tilt);
  }

  fill(
    _groupKey: number,
    members: Int32Array,
    windowStartUnixMs: number,
    gapS: number,
    kFirst: number,
    count: number,
    out: Float64Array,
    errors: Uint8Array,
    layout: KnotLayout = memberMajorLayout(count),
  ): void {
    this.calls += 1;
    for (let m = 0; m < members.length; m++) {
      for (let t = 0; t < count; t++) {
        const unixMs = windowStartUnixMs + (kFirst + t) * gapS * 1000;
        const o = (layout.offsetStates + t * layout.timeStride + m * layout.memberStride) * 6;
        CircularFiller.state(members[m] as number, unixMs, out, o);
        const failed =
          this.failAt !== undefined && this.failAt.member === members[m] && this.failAt.unixMs === unixMs;
        errors[m * count + t] = failed ? 3 : 0;
      }
    }
    this.evaluations += members.length * count;
  }

  release(): void {}
  dispose(): void {}
}

const members = Int32Array.from([0, 1, 2]);
const W0 = 1_700_000_000_000;

function maxErrors(gapS: number, stride: number, count: number) {
  const filler = new CircularFiller();
  const out = new Float64Array(members.length * count * 6);
  const errors = new Uint8Array(members.length * count);
  fillKnotGrid(filler, 0, { gapS, sgp4Stride: stride }, members, W0, 0, count, out, errors);
  const exact = new Float64Array(6);
  let position = 0;
  let velocity = 0;
  let sgp4Knots = 0;
  for (let m = 0; m < members.length; m++) {
    for (let t = 0; t < count; t++) {
      CircularFiller.state(members[m] as number, W0 + t * gapS * 1000, exact, 0);
      const o = (m * count + t) * 6;
      const dp = Math.hypot(
        (out[o] as number) - (exact[0] as number),
        (out[o + 1] as number) - (exact[1] as number),
        (out[o + 2] as number) - (exact[2] as number),
      );
      const dv = Math.hypot(
        (out[o + 3] as number) - (exact[3] as number),
        (out[o + 4] as number) - (exact[4] as number),
        (out[o + 5] as number) - (exact[5] as number),
      );
      if (t % stride === 0) {
        // SGP4 knots are copied, not recomputed.
        expect(dp).toBe(0);
        sgp4Knots += 1;
      }
      position = Math.max(position, dp);
      velocity = Math.max(velocity, dv);
    }
  }
  return { position, velocity, sgp4Knots, evaluations: filler.evaluations, errors };
}

describe('septic Hermite weights', () => {
  it.each([1 / 3, 1 / 2, 2 / 3, 0.25, 0.8])(
    'reproduce every polynomial of degree 7 and its derivative at u = %f',
    (u) => {
      const w = septicWeights(u);
      const nodes = [-1, 0, 1, 2];
      for (let degree = 0; degree <= 7; degree++) {
        const p = (x: number) => x ** degree;
        const dp = (x: number) => (degree === 0 ? 0 : degree * x ** (degree - 1));
        let value = 0;
        let slope = 0;
        for (let i = 0; i < 4; i++) {
          const x = nodes[i] as number;
          value += (w[i] as number) * p(x) + (w[4 + i] as number) * dp(x);
          slope += (w[8 + i] as number) * p(x) + (w[12 + i] as number) * dp(x);
        }
        expect(value).toBeCloseTo(p(u), 11);
        expect(slope).toBeCloseTo(dp(u), 10);
      }
    },
  );

  it('are not exact for degree 8 (the check above could fail)', () => {
    const w = septicWeights(0.5);
    const nodes = [-1, 0, 1, 2];
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const x = nodes[i] as number;
      value += (w[i] as number) * x ** 8 + (w[4 + i] as number) * 8 * x ** 7;
    }
    expect(Math.abs(value - 0.5 ** 8)).toBeGreaterThan(1e-3);
  });
});

describe('knot grids with manufactured knots', () => {
  const periodS = (2 * Math.PI) / CircularFiller.rateRadS;

  it('one SGP4 state per stride knots; LEO errors shrink as gap⁸ (coarse gaps P/4 and P/8)', () => {
    // Fine gap P/12 from SGP4 knots every P/4: a few km. Fine gap P/16 from SGP4 knots every P/8: metres.
    const coarse4 = maxErrors(periodS / 12, 3, 60);
    const coarse8 = maxErrors(periodS / 16, 2, 60);
    expect(coarse4.position).toBeLessThan(5);
    expect(coarse4.position).toBeGreaterThan(0.05);
    expect(coarse8.position).toBeLessThan(0.03);
    expect(coarse8.velocity).toBeLessThan(1e-4);
    expect(coarse4.position / coarse8.position).toBeGreaterThan(50);
    // 60 knots at stride 3: SGP4 knots 0, 3, ..., 57 plus one before and two after (j = -1 .. 21).
    expect(coarse4.sgp4Knots).toBe(20 * members.length);
    expect(coarse4.evaluations).toBe(23 * members.length);
  });

  it('stride 1 is the filler itself', () => {
    const r = maxErrors(periodS / 16, 1, 10);
    expect(r.position).toBe(0);
    expect(r.evaluations).toBe(10 * members.length);
  });

  it('chunk by chunk (reusing shared SGP4 knots) equals one batch, in time-major layout too', () => {
    const group = { gapS: 465, sgp4Stride: 3 };
    const whole = new Float64Array(members.length * 50 * 6);
    const wholeErrors = new Uint8Array(members.length * 50);
    fillKnotGrid(new CircularFiller(), 0, group, members, W0, 0, 50, whole, wholeErrors);
    const filler = new CircularFiller();
    const m = members.length;
    for (const [kFirst, count] of [
      [0, 17],
      [16, 18],
      [33, 17],
    ] as const) {
      const out = new Float64Array(m * count * 6);
      const errors = new Uint8Array(m * count);
      fillKnotGrid(filler, 0, group, members, W0, kFirst, count, out, errors, {
        offsetStates: 0,
        memberStride: 1,
        timeStride: m,
      });
      for (let s = 0; s < m; s++)
        for (let t = 0; t < count; t++)
          for (let c = 0; c < 6; c++)
            expect(out[(t * m + s) * 6 + c]).toBe(whole[(s * 50 + kFirst + t) * 6 + c]);
    }
    // SGP4 knots j = -1 .. 18 once each: 20 per member, not 3 chunks × 8.
    expect(filler.evaluations).toBe(20 * m);
  });

  it('a failed SGP4 knot marks every knot built from it', () => {
    const gapS = 465;
    const filler = new CircularFiller({ member: 1, unixMs: W0 + 3 * 3 * gapS * 1000 });
    const count = 30;
    const out = new Float64Array(members.length * count * 6);
    const errors = new Uint8Array(members.length * count);
    fillKnotGrid(filler, 0, { gapS, sgp4Stride: 3 }, members, W0, 0, count, out, errors);
    const failed = [...Array(count).keys()].filter((t) => errors[count + t] !== 0);
    // Coarse knot 3 (fine knot 9) enters the polynomials of coarse intervals 1 to 4 (fine knots 4 to 14).
    expect(failed).toEqual([4, 5, 7, 8, 9, 10, 11, 13, 14]);
    expect(errors.subarray(0, count).every((e) => e === 0)).toBe(true);
  });
});
