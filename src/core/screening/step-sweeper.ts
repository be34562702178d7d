import type { InterpolationErrors } from './interpolation-error.js';
import type { ScreeningPlan } from './screening-plan.js';
import { HEADER_ADDRESS, type SweepArena } from './sweep-arena.js';

/** Half-width of the column grid, km: covers LEO; objects farther out are clamped to the border columns. */
const GRID_HALF_WIDTH_KM = 8_500;
/** Objects faster than this (km/s, at any point of their orbit) do not set the grid cell size. */
const CELL_SPEED_KM_S = 8.2;
/**
 * x slabs of the all-vs-all column grid. A column through the Earth meets the LEO shell on both sides; split at
 * x = 0, the small columns tested pair by pair no longer pair objects on opposite sides (ball tests per step of the
 * 2023 catalog: 334,000 -> 231,000; the broad and narrow pairs are the same). More slabs cost more in empty columns.
 */
const X_SLABS = 2;
/** One-vs-all secondaries wait at most this many steps minus one before they are tested again (as the kernel). */
export const WAKE_RING_STEPS = 64;
/** Triples (object, object, step) the kernel buffers before handing them over. */
const OUTPUT_TRIPLES = 65_536;

/** (object index, object index, step) triples, lower index first. */
export class GrowableInt32 {
  data = new Int32Array(3 * 1024);
  length = 0;
  append(from: Int32Array): void {
    if (this.length + from.length > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.length + from.length) size *= 2;
      const next = new Int32Array(size);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(from, this.length);
    this.length += from.length;
  }
}

/**
 * The per-step sweep over the live objects of one chunk. Every pair-step is dropped only when the pair provably
 * stays beyond the threshold:
 *
 *   broad phase  |Δr̃| ≤ ρ_i + ρ_j, with ρ_i = d/2 + ε_i + (|ṽ_i| + ε'_i)·h + a_i·h²/2,
 *   narrow phase min_{|τ|≤h} |Δr̃ + Δṽ·τ| ≤ d + ε_i + ε_j + (ε'_i + ε'_j)·h + (a_i + a_j)·h²/2,
 *
 * where ~ marks interpolated states at the step centre, h = Δt/2, ε/ε' the measured interpolation errors
 * and a the acceleration bounds. Both follow from |Δr(t)| ≥ |Δr(t_s) + Δv(t_s)(t − t_s)| − A(t − t_s)²/2.
 *
 * All-vs-all: objects are binned into (y, z) columns one cell wide within each x slab, sorted on x, and each column
 * is swept against itself and its half stencil, and against the next slab's 3 × 3 columns near the slab face;
 * objects whose ball exceeds half a cell scan a wider neighbourhood, and objects near or beyond the box faces go
 * through a sorted x sweep. One-vs-all: every due object against every primary; a
 * secondary far from all primaries sleeps in a ring of step buckets until the gap could close at their largest
 * speeds. The loops run in WebAssembly (`assembly/step-sweep.ts`) over arrays this class lays out in the
 * arena; this class computes the chunk's constants (radii, cell size) and collects the flagged pair-steps.
 */
export class StepSweeper {
  readonly emitted = new GrowableInt32();
  private readonly stepMs: number;
  private readonly w0: number;
  private readonly outAddress: number;

  constructor(
    plan: ScreeningPlan,
    errors: InterpolationErrors,
    private readonly arena: SweepArena,
    knotsAddress: number,
    obj: Int32Array,
    knotBase: Int32Array,
    knotStride: Int32Array,
    knotFirst: Float64Array,
  ) {
    const L = obj.length;
    const d = plan.thresholdKm;
    const h = plan.stepS / 2;
    this.w0 = plan.startUnixMs;
    this.stepMs = plan.stepS * 1000;
    const epsP = new Float64Array(L);
    const epsV = new Float64Array(L);
    const acc = new Float64Array(L);
    const scanner = new Uint8Array(L);
    let cellRadius = d / 2 + 1;
    for (let q = 0; q < L; q++) {
      const i = obj[q] as number;
      epsP[q] = errors.positionKm[i] as number;
      epsV[q] = errors.velocityKmS[i] as number;
      acc[q] = plan.maxAccelKmS2[i] as number;
      if (plan.oneVsAll && plan.isPrimary[i] === 1) scanner[q] = 1;
      const env = plan.envelopes[i];
      if (env) {
        // The cell fits ordinary objects; faster or less well interpolated ones become scanners when their
        // ball exceeds half a cell, which keeps the sweep complete whatever the cell size.
        const r =
          d / 2 +
          Math.min(epsP[q] as number, 1) +
          (Math.min(env.maxSpeedKmS, CELL_SPEED_KM_S) + Math.min(epsV[q] as number, 0.01)) * h +
          Math.min(acc[q] as number, 0.011) * h * h * 0.5;
        if (r > cellRadius) cellRadius = r;
      }
    }
    const cellKm = 2 * cellRadius;
    const halfCell = cellRadius;
    const nCol = plan.oneVsAll ? 1 : Math.max(1, Math.ceil((2 * GRID_HALF_WIDTH_KM) / cellKm));
    const nSlab = plan.oneVsAll ? 1 : X_SLABS;
    const columns = nSlab * nCol * nCol;
    const primaries: number[] = [];
    for (let q = 0; q < L; q++) if (scanner[q] === 1) primaries.push(q);

    // Layout: every array the kernel reads, in the order of its header.
    const a = this.arena;
    const F8 = (n: number) => a.alloc(8 * n);
    const I4 = (n: number) => a.alloc(4 * n);
    const U1 = (n: number) => a.alloc(n);
    const address = {
      gapS: F8(L),
      invGapMs: F8(L),
      base: I4(L),
      stride: I4(L),
      kFirst: F8(L),
      scanner: U1(L),
      primarySlots: I4(primaries.length),
      dueSlots: I4(L),
      bucketHead: I4(WAKE_RING_STEPS),
      bucketNext: I4(L),
      speedBound: F8(L),
      pos: F8(4 * L),
      vel: F8(4 * L),
      col: I4(L),
      perm: I4(L),
      sx: F8(L),
      sq: I4(L),
      sy: F8(L),
      sz: F8(L),
      srad: F8(L),
      sfast: U1(L),
      colCount: I4(columns + 1),
      fillPos: I4(columns),
      isFast: U1(L),
      inFar: U1(L),
      farList: I4(L),
      farOrder: I4(L),
      inner: U1(L),
      nonEmpty: I4(columns),
      obj: I4(L),
      out: I4(3 * OUTPUT_TRIPLES),
    };
    // Views only after the last allocation: growing the memory detaches earlier ones.
    const gapS = a.f64(address.gapS, L);
    const invGapMs = a.f64(address.invGapMs, L);
    const base = a.i32(address.base, L);
    const stride = a.i32(address.stride, L);
    const kFirst = a.f64(address.kFirst, L);
    const speedBound = a.f64(address.speedBound, L);
    const pos = a.f64(address.pos, 4 * L);
    const vel = a.f64(address.vel, 4 * L);
    const isFast = a.u8(address.isFast, L);
    const inner = a.u8(address.inner, L);
    a.u8(address.scanner, L).set(scanner);
    a.i32(address.primarySlots, primaries.length).set(primaries);
    a.i32(address.bucketHead, WAKE_RING_STEPS).fill(-1);
    a.i32(address.bucketNext, L).fill(-1);
    a.u8(address.inFar, L).fill(0);
    a.i32(address.obj, L).set(obj);
    for (let q = 0; q < L; q++) {
      const i = obj[q] as number;
      const g = plan.knotGapS[i] as number;
      gapS[q] = g;
      invGapMs[q] = 1 / (g * 1000);
      base[q] = knotBase[i] as number;
      stride[q] = knotStride[i] as number;
      kFirst[q] = knotFirst[i] as number;
      vel[4 * q + 3] = (epsP[q] as number) + (epsV[q] as number) * h + (acc[q] as number) * h * h * 0.5;
    }
    // Ball radius ρ_i over a step from the largest speed the orbit can have (constant over the chunk).
    let radMax = 0;
    for (let q = 0; q < L; q++) {
      const env = plan.envelopes[obj[q] as number];
      const vmax = env ? env.maxSpeedKmS : 12;
      const r =
        d / 2 + (epsP[q] as number) + (vmax + (epsV[q] as number)) * h + (acc[q] as number) * h * h * 0.5;
      pos[4 * q + 3] = r;
      speedBound[q] = vmax + (epsV[q] as number);
      if (r > radMax) radMax = r;
      isFast[q] = plan.oneVsAll ? (scanner[q] as number) : r > halfCell ? 1 : 0;
    }
    // Objects whose whole padded orbit stays inside the part of the box no far object can reach skip the
    // far test; the others are classified step by step.
    const farEdge = GRID_HALF_WIDTH_KM - 2 * radMax;
    for (let q = 0; q < L; q++) {
      const env = plan.envelopes[obj[q] as number];
      inner[q] = env && env.apogeeRadiusKm + env.shellPaddingKm < farEdge ? 1 : 0;
    }

    // The header, field for field as `begin` reads it: counts and flags, then the addresses, then the constants.
    a.i32(HEADER_ADDRESS, 128).set([
      L,
      nCol,
      primaries.length,
      plan.oneVsAll ? 1 : 0,
      plan.request.skipPrimaryPairs === true ? 1 : 0,
      knotsAddress,
      ...Object.values(address),
      OUTPUT_TRIPLES,
      nSlab,
    ]);
    a.f64(HEADER_ADDRESS + 512, 5).set([d, h, halfCell, 1 / cellKm, radMax]);
    this.outAddress = address.out;
    this.arena.kernel.begin();
  }

  /** Sweeps steps [from, to) of the window. */
  sweepSteps(from: number, to: number): void {
    const kernel = this.arena.kernel;
    this.arena.onFlush((count) => this.drain(count));
    try {
      for (let step = from; step < to; step++) {
        kernel.sweep(step, this.w0 + (step + 0.5) * this.stepMs - this.w0);
      }
      this.drain(kernel.pendingCount());
    } finally {
      this.arena.onFlush(undefined);
    }
  }

  get broad(): number {
    return this.arena.kernel.broadCount();
  }

  get narrow(): number {
    return this.arena.kernel.narrowCount();
  }

  private drain(count: number): void {
    if (count > 0) this.emitted.append(this.arena.i32(this.outAddress, 3 * count));
  }
}
