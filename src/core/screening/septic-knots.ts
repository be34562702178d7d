import type { KnotFiller, KnotLayout } from './knot-filler.js';
import { memberMajorLayout } from './knot-filler.js';

/**
 * Interpolation knots of which only every `stride`-th is an SGP4 state. The others are manufactured from the
 * degree-7 Hermite polynomial through the four surrounding SGP4 knots (positions and velocities at coarse
 * knots j−1, j, j+1, j+2, evaluated inside [j, j+1]). That polynomial's error grows as gap⁸ rather than the
 * cubic's gap⁴, so a manufactured knot costs about 40 floating-point operations instead of one SGP4 call
 * (≈ 0.5 µs) for an error far below the cubic's. Nothing here is assumed accurate: the screening measures the
 * error of the cubic interpolant over these knots against exact SGP4, per object, and pads with it.
 */

/** Coarse-knot nodes of the degree-7 polynomial, in units of the coarse gap, relative to node j. */
const NODES = [-1, 0, 1, 2] as const;

/**
 * Weights of the manufactured state at fraction u of coarse interval [j, j+1]:
 *   p(u)  = Σ a_i·p_i + G·Σ b_i·v_i,      v(u) = (Σ c_i·p_i)/G + Σ d_i·v_i
 * over the nodes i = j−1 .. j+2 (G the coarse gap, s). Laid out [a0..a3, b0..b3, c0..c3, d0..d3].
 */
export function septicWeights(u: number): Float64Array {
  // Rows: value at node i, then derivative at node i; columns: monomial x^n, n = 0..7.
  const size = 8;
  const m: number[][] = [];
  for (const x of NODES) m.push(Array.from({ length: size }, (_, n) => x ** n));
  for (const x of NODES) m.push(Array.from({ length: size }, (_, n) => (n === 0 ? 0 : n * x ** (n - 1))));
  const inverse = invert(m);
  const out = new Float64Array(16);
  // Basis polynomial k has coefficients inverse[·][k]; evaluate it and its derivative at u.
  for (let k = 0; k < size; k++) {
    let value = 0;
    let slope = 0;
    for (let n = 0; n < size; n++) {
      const c = (inverse[n] as number[])[k] as number;
      value += c * u ** n;
      if (n > 0) slope += c * n * u ** (n - 1);
    }
    // k < 4: weight of a node value; k ≥ 4: of a node derivative (dp/dx = G·v).
    if (k < 4) {
      out[k] = value;
      out[8 + k] = slope;
    } else {
      out[4 + k - 4] = value;
      out[12 + k - 4] = slope;
    }
  }
  return out;
}

/** Gauss-Jordan inverse with partial pivoting (an 8 × 8 Hermite system, well conditioned on nodes −1..2). */
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number))
        pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const row = m[col] as number[];
    const p = row[col] as number;
    for (let c = 0; c < 2 * n; c++) row[c] = (row[c] as number) / p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const other = m[r] as number[];
      const f = other[col] as number;
      if (f === 0) continue;
      for (let c = 0; c < 2 * n; c++) other[c] = (other[c] as number) - f * (row[c] as number);
    }
  }
  return m.map((row) => row.slice(n));
}

/** Weights for fractions r/stride with the coarse gap folded in (entry 0 unused: those knots are SGP4 states). */
function scaledWeights(stride: number, coarseGapS: number): Float64Array[] {
  return Array.from({ length: stride }, (_, r) => {
    const w = septicWeights(r / stride);
    for (let i = 0; i < 4; i++) {
      w[4 + i] = (w[4 + i] as number) * coarseGapS;
      w[8 + i] = (w[8 + i] as number) / coarseGapS;
    }
    return w;
  });
}

/** What a knot group needs to be filled: its knot gap (s) and how many knots share one SGP4 state. */
export interface KnotGridGroup {
  readonly gapS: number;
  readonly sgp4Stride: number;
}

/**
 * SGP4 knots j = jLo .. jLo+count−1 of one group, time-major (`[(j − jLo)·members + s]·6`), kept for the next
 * chunk, which shares a few. Two buffers per group alternate, so chunks reuse their memory.
 */
interface CoarseBlock {
  jLo: number;
  count: number;
  members: Int32Array;
  windowStartUnixMs: number;
  coarseGapS: number;
  states: Float64Array;
  errors: Uint8Array;
  spareStates: Float64Array;
  spareErrors: Uint8Array;
  weights: Float64Array[];
}

const coarseCache = new WeakMap<KnotFiller, Map<number, CoarseBlock>>();

/** SGP4 knots jLo .. jHi of a group, reusing those the previous call computed. */
function coarseKnots(
  filler: KnotFiller,
  groupKey: number,
  group: KnotGridGroup,
  members: Int32Array,
  windowStartUnixMs: number,
  jLo: number,
  jHi: number,
): CoarseBlock {
  let byGroup = coarseCache.get(filler);
  if (!byGroup) {
    byGroup = new Map();
    coarseCache.set(filler, byGroup);
  }
  const coarseGapS = group.gapS * group.sgp4Stride;
  const m = members.length;
  const count = jHi - jLo + 1;
  let block = byGroup.get(groupKey);
  const sameGrid =
    block !== undefined &&
    block.members === members &&
    block.windowStartUnixMs === windowStartUnixMs &&
    block.coarseGapS === coarseGapS;
  if (!block || !sameGrid) {
    block = {
      jLo,
      count: 0,
      members,
      windowStartUnixMs,
      coarseGapS,
      states: new Float64Array(0),
      errors: new Uint8Array(0),
      spareStates: new Float64Array(0),
      spareErrors: new Uint8Array(0),
      weights: scaledWeights(group.sgp4Stride, coarseGapS),
    };
    byGroup.set(groupKey, block);
  }
  if (block.spareStates.length < m * count * 6) {
    block.spareStates = new Float64Array(m * count * 6);
    block.spareErrors = new Uint8Array(m * count);
  }
  const states = block.spareStates;
  const errors = block.spareErrors;
  // Knots the previous block holds at the start of this one are copied (whole time rows), the rest computed.
  let reuse = 0;
  if (block.count > 0 && block.jLo <= jLo)
    reuse = Math.max(0, Math.min(block.jLo + block.count - jLo, count));
  if (reuse > 0) {
    const skip = jLo - block.jLo;
    states.set(block.states.subarray(skip * m * 6, (skip + reuse) * m * 6), 0);
    errors.set(block.errors.subarray(skip * m, (skip + reuse) * m), 0);
  }
  if (reuse < count) {
    const rest = count - reuse;
    const restErrors = new Uint8Array(m * rest);
    filler.fill(groupKey, members, windowStartUnixMs, coarseGapS, jLo + reuse, rest, states, restErrors, {
      offsetStates: reuse * m,
      memberStride: 1,
      timeStride: m,
    });
    // The filler writes error codes member-major (`s·rest + t`).
    for (let s = 0; s < m; s++)
      for (let t = 0; t < rest; t++) errors[(reuse + t) * m + s] = restErrors[s * rest + t] as number;
  }
  block.spareStates = block.states;
  block.spareErrors = block.errors;
  block.states = states;
  block.errors = errors;
  block.jLo = jLo;
  block.count = count;
  return block;
}

/**
 * Fill the knots k = kFirst .. kFirst+count−1 at `windowStartUnixMs + k·gapS` (layout as `KnotFiller.fill`):
 * with stride 1 straight from the filler; otherwise SGP4 states at every stride-th knot (anchored at the window
 * start, so every chunk and every worker computes the same knots) and manufactured knots between them. A
 * manufactured knot carries the error code of the first failed SGP4 knot it was built from. Returns the number of
 * SGP4 states the knots rest on (members × coarse knots), whether computed now or kept from the previous call, so
 * that the count does not depend on which thread screened which chunk.
 */
export function fillKnotGrid(
  filler: KnotFiller,
  groupKey: number,
  group: KnotGridGroup,
  members: Int32Array,
  windowStartUnixMs: number,
  kFirst: number,
  count: number,
  out: Float64Array,
  errors: Uint8Array,
  layout: KnotLayout = memberMajorLayout(count),
): number {
  const stride = group.sgp4Stride;
  if (stride === 1) {
    filler.fill(groupKey, members, windowStartUnixMs, group.gapS, kFirst, count, out, errors, layout);
    return members.length * count;
  }
  // Knot k lies in coarse interval j = ⌊k/stride⌋, whose polynomial uses SGP4 knots j−1 .. j+2.
  const jLo = Math.floor(kFirst / stride) - 1;
  const jHi = Math.floor((kFirst + count - 1) / stride) + 2;
  const block = coarseKnots(filler, groupKey, group, members, windowStartUnixMs, jLo, jHi);
  const { states: coarse, errors: coarseErrors, weights } = block;
  const { offsetStates, memberStride, timeStride } = layout;
  const m = members.length;
  const row = m * 6;
  let j = Math.floor(kFirst / stride);
  let r = kFirst - j * stride;
  // Time outer, members inner: coarse rows and time-major output are both read and written in order.
  for (let t = 0; t < count; t++) {
    const rowBase = (j - jLo) * m;
    if (r === 0) {
      for (let s = 0; s < m; s++) {
        const src = (rowBase + s) * 6;
        const dst = (offsetStates + t * timeStride + s * memberStride) * 6;
        out[dst] = coarse[src] as number;
        out[dst + 1] = coarse[src + 1] as number;
        out[dst + 2] = coarse[src + 2] as number;
        out[dst + 3] = coarse[src + 3] as number;
        out[dst + 4] = coarse[src + 4] as number;
        out[dst + 5] = coarse[src + 5] as number;
        errors[s * count + t] = coarseErrors[rowBase + s] as number;
      }
    } else {
      const w = weights[r] as Float64Array;
      const a0 = w[0] as number;
      const a1 = w[1] as number;
      const a2 = w[2] as number;
      const a3 = w[3] as number;
      const b0 = w[4] as number;
      const b1 = w[5] as number;
      const b2 = w[6] as number;
      const b3 = w[7] as number;
      const e0 = w[8] as number;
      const e1 = w[9] as number;
      const e2 = w[10] as number;
      const e3 = w[11] as number;
      const f0 = w[12] as number;
      const f1 = w[13] as number;
      const f2 = w[14] as number;
      const f3 = w[15] as number;
      for (let s = 0; s < m; s++) {
        const e = rowBase + s;
        errors[s * count + t] =
          (coarseErrors[e - m] as number) ||
          (coarseErrors[e] as number) ||
          (coarseErrors[e + m] as number) ||
          (coarseErrors[e + 2 * m] as number);
        const n1 = e * 6;
        const n0 = n1 - row;
        const n2 = n1 + row;
        const n3 = n2 + row;
        const dst = (offsetStates + t * timeStride + s * memberStride) * 6;
        for (let c = 0; c < 3; c++) {
          const p0 = coarse[n0 + c] as number;
          const p1 = coarse[n1 + c] as number;
          const p2 = coarse[n2 + c] as number;
          const p3 = coarse[n3 + c] as number;
          const v0 = coarse[n0 + 3 + c] as number;
          const v1 = coarse[n1 + 3 + c] as number;
          const v2 = coarse[n2 + 3 + c] as number;
          const v3 = coarse[n3 + 3 + c] as number;
          out[dst + c] = a0 * p0 + a1 * p1 + a2 * p2 + a3 * p3 + b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
          out[dst + 3 + c] = e0 * p0 + e1 * p1 + e2 * p2 + e3 * p3 + f0 * v0 + f1 * v1 + f2 * v2 + f3 * v3;
        }
      }
    }
    r += 1;
    if (r === stride) {
      r = 0;
      j += 1;
    }
  }
  return m * (jHi - jLo + 1);
}
