// The per-step sweep of the conjunction screen, compiled to WebAssembly (AssemblyScript). The host
// (src/core/screening/step-sweeper.ts) lays every array out in this module's memory, writes their addresses and
// the chunk's constants into the header, and calls `begin` once per chunk and `sweep` once per step. The bound
// tested is documented there; this file only runs it. Memory is read and written by address: no allocation, no GC.

/** Byte address of the header: i32 fields from here, f64 fields from HEADER + 512. */
const HEADER: usize = 1024;
const GRID_HALF_WIDTH_KM: f64 = 8_500;
const WAKE_RING_STEPS: i32 = 64;
/**
 * Column pairs with at most this many object pairs are tested pair by pair: most columns hold a few objects, and
 * there the sorted x sweep's data-dependent loop exits cost more than testing every pair (same pairs either way).
 */
const BRUTE_PAIRS: i32 = 64;
const MERGED_PAIRS: i32 = 256;

// Hands a full output buffer of (object, object, step) triples to the host (import `step-sweep`.`flush`).
declare function flush(count: i32): void;

let L: i32 = 0;
let nCol: i32 = 0;
/** x slabs of the column grid: a column only meets the neighbouring columns of its own slab and, near a slab face, of the next. */
let nSlab: i32 = 1;
/** Columns per slab (nCol²). */
let slabColumns: i32 = 0;
let slabWidth: f64 = 0;
let invSlabWidth: f64 = 0;
let P: i32 = 0;
let oneVsAll: bool = false;
let skipPrimaryPairs: bool = false;
let pKnots: usize = 0;
let pGapS: usize = 0;
let pInvGapMs: usize = 0;
let pBase: usize = 0;
let pStride: usize = 0;
let pKFirst: usize = 0;
let pScanner: usize = 0;
let pPrimarySlots: usize = 0;
let pDueSlots: usize = 0;
let pBucketHead: usize = 0;
let pBucketNext: usize = 0;
let pSpeedBound: usize = 0;
let pPos: usize = 0;
let pVel: usize = 0;
let pCol: usize = 0;
let pPerm: usize = 0;
let pSx: usize = 0;
let pSq: usize = 0;
let pSy: usize = 0;
let pSz: usize = 0;
let pSrad: usize = 0;
let pSfast: usize = 0;
let pColCount: usize = 0;
let pFillPos: usize = 0;
let pIsFast: usize = 0;
let pInFar: usize = 0;
let pFarList: usize = 0;
let pFarOrder: usize = 0;
let pInner: usize = 0;
let pNonEmpty: usize = 0;
let pObj: usize = 0;
let pOut: usize = 0;
let outCap: i32 = 0;
let d: f64 = 0;
let h: f64 = 0;
let halfCell: f64 = 0;
let invCell: f64 = 0;
let radMax: f64 = 0;
/** Largest ball radius of this step (all-vs-all: radii follow each object's interpolated speed). */
let stepRadMax: f64 = 0;

let step: i32 = 0;
let dueCount: i32 = 0;
let bucketsStarted: bool = false;
let farOrderLength: i32 = 0;
let nonEmptyCount: i32 = 0;
let outCount: i32 = 0;
let broad: f64 = 0;
let narrow: f64 = 0;

function hi32(k: i32): i32 {
  return load<i32>(HEADER + ((<usize>k) << 2));
}
function hp(k: i32): usize {
  return <usize>load<i32>(HEADER + ((<usize>k) << 2));
}
function hf64(k: i32): f64 {
  return load<f64>(HEADER + 512 + ((<usize>k) << 3));
}
function F(p: usize, i: i32): f64 {
  return load<f64>(p + ((<usize>i) << 3));
}
function setF(p: usize, i: i32, v: f64): void {
  store<f64>(p + ((<usize>i) << 3), v);
}
function I(p: usize, i: i32): i32 {
  return load<i32>(p + ((<usize>i) << 2));
}
function setI(p: usize, i: i32, v: i32): void {
  store<i32>(p + ((<usize>i) << 2), v);
}
function B(p: usize, i: i32): u8 {
  return load<u8>(p + <usize>i);
}
function setB(p: usize, i: i32, v: u8): void {
  store<u8>(p + <usize>i, v);
}

/** Reads the header written by the host and resets the per-chunk state. */
export function begin(): void {
  L = hi32(0);
  nCol = hi32(1);
  P = hi32(2);
  oneVsAll = hi32(3) !== 0;
  skipPrimaryPairs = hi32(4) !== 0;
  pKnots = hp(5);
  pGapS = hp(6);
  pInvGapMs = hp(7);
  pBase = hp(8);
  pStride = hp(9);
  pKFirst = hp(10);
  pScanner = hp(11);
  pPrimarySlots = hp(12);
  pDueSlots = hp(13);
  pBucketHead = hp(14);
  pBucketNext = hp(15);
  pSpeedBound = hp(16);
  pPos = hp(17);
  pVel = hp(18);
  pCol = hp(19);
  pPerm = hp(20);
  pSx = hp(21);
  pSq = hp(22);
  pSy = hp(23);
  pSz = hp(24);
  pSrad = hp(25);
  pSfast = hp(26);
  pColCount = hp(27);
  pFillPos = hp(28);
  pIsFast = hp(29);
  pInFar = hp(30);
  pFarList = hp(31);
  pFarOrder = hp(32);
  pInner = hp(33);
  pNonEmpty = hp(34);
  pObj = hp(35);
  pOut = hp(36);
  outCap = hi32(37);
  nSlab = hi32(38);
  slabColumns = nCol * nCol;
  slabWidth = (2 * GRID_HALF_WIDTH_KM) / <f64>nSlab;
  invSlabWidth = 1 / slabWidth;
  d = hf64(0);
  h = hf64(1);
  halfCell = hf64(2);
  invCell = hf64(3);
  radMax = hf64(4);
  dueCount = oneVsAll ? 0 : L;
  bucketsStarted = false;
  farOrderLength = 0;
  nonEmptyCount = 0;
  outCount = 0;
  broad = 0;
  narrow = 0;
}

/** Broad-phase pair-steps so far in this chunk. */
export function broadCount(): f64 {
  return broad;
}

/** Narrow-phase pair-steps so far in this chunk. */
export function narrowCount(): f64 {
  return narrow;
}

/** Triples in the output buffer not yet handed over; the host drains them after the last step. */
export function pendingCount(): i32 {
  return outCount;
}

/** One step: `dt` is the step centre minus the window start, ms, as the host computes it. */
export function sweep(at: i32, dt: f64): void {
  step = at;
  if (oneVsAll) dueCount = collectDue(at);
  interpolate(dt);
  if (oneVsAll) {
    primaryScan();
    return;
  }
  const farCount = classify(GRID_HALF_WIDTH_KM - 2 * radMax);
  nonEmptyCount = prefixColumns();
  scatterColumns();
  sortColumnsByX();
  stencil();
  scan();
  farOrderLength = farCount > 0 ? farSweep(farOrderLength) : 0;
}

function primaryScan(): void {
  const stepS = 2 * h;
  const count = dueCount;
  for (let s = 0; s < count; s++) {
    const b = I(pDueSlots, s);
    const bIsPrimary = B(pScanner, b) === 1;
    if (bIsPrimary && skipPrimaryPairs) continue;
    const xb = F(pPos, 4 * b);
    const yb = F(pPos, 4 * b + 1);
    const zb = F(pPos, 4 * b + 2);
    const rb = F(pPos, 4 * b + 3);
    const vb = F(pSpeedBound, b);
    let next = step + WAKE_RING_STEPS - 1;
    for (let k = 0; k < P; k++) {
      const a = I(pPrimarySlots, k);
      if (bIsPrimary && a >= b) break;
      const dx = xb - F(pPos, 4 * a);
      const dy = yb - F(pPos, 4 * a + 1);
      const dz = zb - F(pPos, 4 * a + 2);
      const rr = F(pPos, 4 * a + 3) + rb;
      const range2 = dx * dx + dy * dy + dz * dz;
      if (range2 <= rr * rr) {
        testPair(a, b);
        next = step + 1;
      } else if (next > step + 1) {
        const x = (Math.sqrt(range2) - rr - 1e-6) / ((F(pSpeedBound, a) + vb) * stepS);
        const due = x > 1 ? step + <i32>Math.ceil(x) : step + 1;
        if (due < next) next = due;
      }
    }
    if (!bIsPrimary) schedule(b, next);
  }
}

function collectDue(at: i32): i32 {
  let count = 0;
  for (let k = 0; k < P; k++) setI(pDueSlots, count++, I(pPrimarySlots, k));
  if (!bucketsStarted) {
    bucketsStarted = true;
    for (let q = 0; q < L; q++) if (B(pScanner, q) !== 1) setI(pDueSlots, count++, q);
    return count;
  }
  const slot = at % WAKE_RING_STEPS;
  let q = I(pBucketHead, slot);
  setI(pBucketHead, slot, -1);
  while (q >= 0) {
    setI(pDueSlots, count++, q);
    q = I(pBucketNext, q);
  }
  heapSort(pDueSlots + ((<usize>P) << 2), count - P);
  return count;
}

/** Ascending in place: in slot order the interpolation reads the knots nearly sequentially. */
function heapSort(p: usize, n: i32): void {
  if (n < 2) return;
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(p, start, n);
  for (let end = n - 1; end > 0; end--) {
    const top = I(p, 0);
    setI(p, 0, I(p, end));
    setI(p, end, top);
    siftDown(p, 0, end);
  }
}

function siftDown(p: usize, from: i32, n: i32): void {
  let root = from;
  const value = I(p, root);
  for (;;) {
    let child = 2 * root + 1;
    if (child >= n) break;
    if (child + 1 < n && I(p, child + 1) > I(p, child)) child += 1;
    const c = I(p, child);
    if (c <= value) break;
    setI(p, root, c);
    root = child;
  }
  setI(p, root, value);
}

function schedule(q: i32, wakeStep: i32): void {
  const slot = wakeStep % WAKE_RING_STEPS;
  setI(pBucketNext, q, I(pBucketHead, slot));
  setI(pBucketHead, slot, q);
}

function interpolate(dt: f64): void {
  const count = dueCount;
  const halfThreshold = d / 2;
  let rMax: f64 = 0;
  for (let s = 0; s < count; s++) {
    const q = oneVsAll ? I(pDueSlots, s) : s;
    const u = dt * F(pInvGapMs, q) - F(pKFirst, q);
    const segF = Math.floor(u);
    const tau = u - segF;
    const g = F(pGapS, q);
    const st = I(pStride, q);
    const kb = I(pBase, q) + <i32>segF * st;
    const kc = kb + st;
    const t2 = tau * tau;
    const t3 = t2 * tau;
    const h00 = 2 * t3 - 3 * t2 + 1;
    const h10 = (t3 - 2 * t2 + tau) * g;
    const h01 = -2 * t3 + 3 * t2;
    const h11 = (t3 - t2) * g;
    const d00 = (6 * t2 - 6 * tau) / g;
    const d10 = 3 * t2 - 4 * tau + 1;
    const d11 = 3 * t2 - 2 * tau;
    const x0 = F(pKnots, kb);
    const y0 = F(pKnots, kb + 1);
    const z0 = F(pKnots, kb + 2);
    const u0 = F(pKnots, kb + 3);
    const v0 = F(pKnots, kb + 4);
    const w0 = F(pKnots, kb + 5);
    const x1 = F(pKnots, kc);
    const y1 = F(pKnots, kc + 1);
    const z1 = F(pKnots, kc + 2);
    const u1 = F(pKnots, kc + 3);
    const v1 = F(pKnots, kc + 4);
    const w1 = F(pKnots, kc + 5);
    const o = 4 * q;
    setF(pPos, o, h00 * x0 + h10 * u0 + h01 * x1 + h11 * u1);
    setF(pPos, o + 1, h00 * y0 + h10 * v0 + h01 * y1 + h11 * v1);
    setF(pPos, o + 2, h00 * z0 + h10 * w0 + h01 * z1 + h11 * w1);
    setF(pVel, o, d00 * (x0 - x1) + d10 * u0 + d11 * u1);
    setF(pVel, o + 1, d00 * (y0 - y1) + d10 * v0 + d11 * v1);
    const vx = d00 * (x0 - x1) + d10 * u0 + d11 * u1;
    const vy = d00 * (y0 - y1) + d10 * v0 + d11 * v1;
    const vz = d00 * (z0 - z1) + d10 * w0 + d11 * w1;
    setF(pVel, o, vx);
    setF(pVel, o + 1, vy);
    setF(pVel, o + 2, vz);
    if (!oneVsAll) {
      // ρ = d/2 + ε + (|ṽ| + ε')·h + a·h²/2: the speed at the step centre, not the orbit's largest, so
      // eccentric objects far from perigee have small balls and stay out of the wide scans.
      const r = halfThreshold + F(pVel, o + 3) + Math.sqrt(vx * vx + vy * vy + vz * vz) * h;
      setF(pPos, o + 3, r);
      setB(pIsFast, q, r > halfCell ? 1 : 0);
      if (r > rMax) rMax = r;
    }
  }
  stepRadMax = rMax;
}

function classify(farEdge: f64): i32 {
  memory.fill(pColCount, 0, (<usize>(nSlab * slabColumns + 1)) << 2);
  let farCount = 0;
  const last = nCol - 1;
  const lastSlab = nSlab - 1;
  for (let q = 0; q < L; q++) {
    const x = F(pPos, 4 * q);
    const y = F(pPos, 4 * q + 1);
    const z = F(pPos, 4 * q + 2);
    if (B(pInner, q) === 0) {
      const ax = Math.abs(x);
      const ay = Math.abs(y);
      const az = Math.abs(z);
      const m = ax > ay ? Math.max(ax, az) : Math.max(ay, az);
      if (m > farEdge) {
        setB(pInFar, q, 1);
        farCount += 1;
      } else setB(pInFar, q, 0);
      if (m > GRID_HALF_WIDTH_KM) {
        setI(pCol, q, -1);
        continue;
      }
    }
    let cy = <i32>((y + GRID_HALF_WIDTH_KM) * invCell);
    if (cy > last) cy = last;
    let cz = <i32>((z + GRID_HALF_WIDTH_KM) * invCell);
    if (cz > last) cz = last;
    let slab = <i32>((x + GRID_HALF_WIDTH_KM) * invSlabWidth);
    if (slab > lastSlab) slab = lastSlab;
    const c = slab * slabColumns + cy * nCol + cz;
    setI(pCol, q, c);
    setI(pColCount, c + 1, I(pColCount, c + 1) + 1);
  }
  return farCount;
}

function prefixColumns(): i32 {
  const columns = nSlab * slabColumns;
  let k = 0;
  for (let c = 0; c < columns; c++) {
    const count = I(pColCount, c + 1);
    if (count > 0) {
      setI(pNonEmpty, k, c);
      k += 1;
    }
    const start = I(pColCount, c);
    setI(pColCount, c + 1, count + start);
    setI(pFillPos, c, start);
  }
  return k;
}

function scatterColumns(): void {
  for (let q = 0; q < L; q++) {
    const c = I(pCol, q);
    if (c < 0) continue;
    const at = I(pFillPos, c);
    setI(pPerm, at, q);
    setI(pFillPos, c, at + 1);
  }
}

function sortColumnsByX(): void {
  const count = nonEmptyCount;
  for (let k = 0; k < count; k++) {
    const c = I(pNonEmpty, k);
    const lo = I(pColCount, c);
    const hi = I(pColCount, c + 1);
    for (let s = lo; s < hi; s++) {
      const q = I(pPerm, s);
      const xq = F(pPos, 4 * q);
      let t = s - 1;
      while (t >= lo && F(pSx, t) > xq) {
        setF(pSx, t + 1, F(pSx, t));
        setI(pSq, t + 1, I(pSq, t));
        t -= 1;
      }
      setF(pSx, t + 1, xq);
      setI(pSq, t + 1, q);
    }
    for (let s = lo; s < hi; s++) {
      const q = I(pSq, s);
      setF(pSy, s, F(pPos, 4 * q + 1));
      setF(pSz, s, F(pPos, 4 * q + 2));
      setF(pSrad, s, F(pPos, 4 * q + 3));
      setB(pSfast, s, B(pIsFast, q));
    }
  }
}

function stencil(): void {
  const count = nonEmptyCount;
  for (let k = 0; k < count; k++) {
    const c = I(pNonEmpty, k);
    const slab = c / slabColumns;
    const inSlab = c - slab * slabColumns;
    const cy = inSlab / nCol;
    const cz = inSlab - cy * nCol;
    const lo = I(pColCount, c);
    const hi = I(pColCount, c + 1);
    if (slab + 1 < nSlab) acrossSlabFace(c, slab, cy, cz, lo, hi);
    // Columns are laid out row after row, so the column itself and its right neighbour are one range of the
    // sorted order, as are the three columns of the next row: small ones go through one loop each.
    const rightHi = cz + 1 < nCol ? I(pColCount, c + 2) : hi;
    if ((hi - lo) * (rightHi - lo) <= MERGED_PAIRS) bruteRun(lo, hi, rightHi);
    else {
      columnPair(lo, hi, lo, hi, true);
      if (cz + 1 < nCol) columnPair(lo, hi, hi, rightHi, false);
    }
    if (cy + 1 < nCol) {
      const up = c + nCol;
      const upLo = I(pColCount, cz > 0 ? up - 1 : up);
      const upHi = I(pColCount, cz + 1 < nCol ? up + 2 : up + 1);
      if (upLo === upHi) continue;
      if ((hi - lo) * (upHi - upLo) <= MERGED_PAIRS) brutePair(lo, hi, upLo, upHi, false);
      else {
        if (cz > 0) columnPair(lo, hi, I(pColCount, up - 1), I(pColCount, up), false);
        columnPair(lo, hi, I(pColCount, up), I(pColCount, up + 1), false);
        if (cz + 1 < nCol) columnPair(lo, hi, I(pColCount, up + 1), I(pColCount, up + 2), false);
      }
    }
  }
}

/**
 * Pairs across the face x = xF between slab k (column c) and slab k + 1 (the 3 × 3 columns around it). Both
 * objects' balls are at most half a cell, so such a pair has x within a cell of the face on both sides
 * (1 km of margin covers rounding in the slab index).
 */
function acrossSlabFace(c: i32, slab: i32, cy: i32, cz: i32, lo: i32, hi: i32): void {
  const face = -GRID_HALF_WIDTH_KM + <f64>(slab + 1) * slabWidth;
  const reach = 2 * halfCell + 1;
  let from = hi;
  while (from > lo && F(pSx, from - 1) >= face - reach) from -= 1;
  if (from === hi) return;
  const next = c + slabColumns;
  const yFrom = cy > 0 ? -1 : 0;
  const yTo = cy + 1 < nCol ? 1 : 0;
  const zFrom = cz > 0 ? -1 : 0;
  const zTo = cz + 1 < nCol ? 1 : 0;
  for (let dy = yFrom; dy <= yTo; dy++) {
    const row = next + dy * nCol;
    const lo2 = I(pColCount, row + zFrom);
    const hi2 = I(pColCount, row + zTo + 1);
    if (lo2 === hi2) continue;
    // The row's columns are adjacent in the sorted order: take each column's head near the face.
    for (let dz = zFrom; dz <= zTo; dz++) {
      const cLo = I(pColCount, row + dz);
      const cHi = I(pColCount, row + dz + 1);
      let to = cLo;
      while (to < cHi && F(pSx, to) < face + reach) to += 1;
      if (to > cLo) brutePair(from, hi, cLo, to, false);
    }
  }
}

/** Every pair (s, t) with s in [lo, hi) and s < t < to: a column against itself and the columns after it. */
function bruteRun(lo: i32, hi: i32, to: i32): void {
  for (let s = lo; s < hi; s++) slotAgainstRange(s, s + 1, to);
}

/** Small column pairs: every pair tested, branch-free until a ball test passes (rare, so well predicted). */
function brutePair(lo: i32, hi: i32, lo2: i32, hi2: i32, same: bool): void {
  for (let s = lo; s < hi; s++) slotAgainstRange(s, same ? s + 1 : lo2, hi2);
}

/**
 * Slot s against slots [from, to): ball tests two slots at a time (f64x2), then one for an odd slot left over;
 * pairs passing go to the narrow test in ascending slot order, as a scalar loop would send them.
 */
function slotAgainstRange(s: i32, from: i32, to: i32): void {
  if (B(pSfast, s) === 1) return;
  const xa = F(pSx, s);
  const ya = F(pSy, s);
  const za = F(pSz, s);
  const ra = F(pSrad, s);
  const vxa = f64x2.splat(xa);
  const vya = f64x2.splat(ya);
  const vza = f64x2.splat(za);
  const vra = f64x2.splat(ra);
  let t = from;
  for (; t + 1 < to; t += 2) {
    const at = (<usize>t) << 3;
    const dx = f64x2.sub(v128.load(pSx + at), vxa);
    const dy = f64x2.sub(v128.load(pSy + at), vya);
    const dz = f64x2.sub(v128.load(pSz + at), vza);
    const rr = f64x2.add(v128.load(pSrad + at), vra);
    const range2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
    const hit = f64x2.le(range2, f64x2.mul(rr, rr));
    if (v128.any_true(hit)) {
      if (i64x2.extract_lane(hit, 0) !== 0 && B(pSfast, t) === 0) testPair(I(pSq, s), I(pSq, t));
      if (i64x2.extract_lane(hit, 1) !== 0 && B(pSfast, t + 1) === 0) testPair(I(pSq, s), I(pSq, t + 1));
    }
  }
  if (t < to) {
    const dx = F(pSx, t) - xa;
    const dy = F(pSy, t) - ya;
    const dz = F(pSz, t) - za;
    const rr = ra + F(pSrad, t);
    if (dx * dx + dy * dy + dz * dz <= rr * rr && B(pSfast, t) === 0) testPair(I(pSq, s), I(pSq, t));
  }
}

function columnPair(lo: i32, hi: i32, lo2: i32, hi2: i32, same: bool): void {
  if (lo2 === hi2) return;
  if ((hi - lo) * (hi2 - lo2) <= BRUTE_PAIRS) {
    brutePair(lo, hi, lo2, hi2, same);
    return;
  }
  let start2 = lo2;
  for (let s = lo; s < hi; s++) {
    if (B(pSfast, s) === 1) continue;
    const xa = F(pSx, s);
    const ra = F(pSrad, s);
    const reach = ra + halfCell;
    const xlo = xa - reach;
    while (start2 < hi2 && F(pSx, start2) < xlo) start2 += 1;
    const from = same ? max<i32>(start2, s + 1) : start2;
    const xhi = xa + reach;
    const ya = F(pSy, s);
    const za = F(pSz, s);
    for (let t = from; t < hi2; t++) {
      const xb = F(pSx, t);
      if (xb > xhi) break;
      const dy = F(pSy, t) - ya;
      const dz = F(pSz, t) - za;
      const dx = xb - xa;
      const rr = ra + F(pSrad, t);
      if (dx * dx + dy * dy + dz * dz <= rr * rr && B(pSfast, t) === 0) {
        testPair(I(pSq, s), I(pSq, t));
      }
    }
  }
}

function scan(): void {
  for (let a = 0; a < L; a++) {
    if (B(pIsFast, a) !== 1 || I(pCol, a) < 0) continue;
    const reach = F(pPos, 4 * a + 3) + stepRadMax;
    const span = <i32>Math.ceil(reach * invCell);
    const c0 = I(pCol, a);
    const inSlab = c0 % slabColumns;
    const cy = inSlab / nCol;
    const cz = inSlab - cy * nCol;
    const xa = F(pPos, 4 * a);
    const ya = F(pPos, 4 * a + 1);
    const za = F(pPos, 4 * a + 2);
    const ra = F(pPos, 4 * a + 3);
    const yFrom = max(0, cy - span);
    const yTo = min(nCol - 1, cy + span);
    const zFrom = max(0, cz - span);
    const zTo = min(nCol - 1, cz + span);
    // Slab indices are monotone in x, so the slabs of [xa − reach, xa + reach] (1 km margin) hold every neighbour.
    const sFrom = max(0, <i32>Math.floor((xa - reach - 1 + GRID_HALF_WIDTH_KM) * invSlabWidth));
    const sTo = min(nSlab - 1, <i32>Math.floor((xa + reach + 1 + GRID_HALF_WIDTH_KM) * invSlabWidth));
    for (let sl = sFrom; sl <= sTo; sl++) {
      for (let ny = yFrom; ny <= yTo; ny++) {
        for (let nz = zFrom; nz <= zTo; nz++) {
          const c2 = sl * slabColumns + ny * nCol + nz;
          const lo2 = I(pColCount, c2);
          const hi2 = I(pColCount, c2 + 1);
          if (lo2 === hi2) continue;
          let lo = lo2;
          let hi = hi2;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (F(pSx, mid) < xa - reach) lo = mid + 1;
            else hi = mid;
          }
          for (let t = lo; t < hi2; t++) {
            if (F(pSx, t) > xa + reach) break;
            const b = I(pSq, t);
            if (b === a || (B(pIsFast, b) === 1 && b < a)) continue;
            const dx = F(pPos, 4 * b) - xa;
            const dy = F(pPos, 4 * b + 1) - ya;
            const dz = F(pPos, 4 * b + 2) - za;
            const rr = ra + F(pPos, 4 * b + 3);
            if (dx * dx + dy * dy + dz * dz <= rr * rr) testPair(a, b);
          }
        }
      }
    }
  }
}

function farSweep(previousLength: i32): i32 {
  let m = 0;
  for (let s = 0; s < previousLength; s++) {
    const q = I(pFarOrder, s);
    if (B(pInFar, q) === 1) {
      setI(pFarList, m, q);
      m += 1;
      setB(pInFar, q, 2);
    }
  }
  for (let q = 0; q < L; q++) {
    const f = B(pInFar, q);
    if (f === 1) {
      setI(pFarList, m, q);
      m += 1;
    } else if (f === 2) setB(pInFar, q, 1);
  }
  let farRadMax: f64 = 0;
  for (let s = 0; s < m; s++) {
    const q = I(pFarList, s);
    const xq = F(pPos, 4 * q);
    const rq = F(pPos, 4 * q + 3);
    if (rq > farRadMax) farRadMax = rq;
    let t = s - 1;
    while (t >= 0 && F(pPos, 4 * I(pFarList, t)) > xq) {
      setI(pFarList, t + 1, I(pFarList, t));
      t -= 1;
    }
    setI(pFarList, t + 1, q);
  }
  memory.copy(pFarOrder, pFarList, (<usize>m) << 2);
  for (let s = 0; s < m; s++) {
    const a = I(pFarList, s);
    const xa = F(pPos, 4 * a);
    const ya = F(pPos, 4 * a + 1);
    const za = F(pPos, 4 * a + 2);
    const ra = F(pPos, 4 * a + 3);
    const xhi = xa + ra + farRadMax;
    const aInside = I(pCol, a) >= 0;
    for (let t = s + 1; t < m; t++) {
      const b = I(pFarList, t);
      const xb = F(pPos, 4 * b);
      if (xb > xhi) break;
      if (aInside && I(pCol, b) >= 0) continue;
      const dx = xb - xa;
      const dy = F(pPos, 4 * b + 1) - ya;
      const dz = F(pPos, 4 * b + 2) - za;
      const rr = ra + F(pPos, 4 * b + 3);
      if (dx * dx + dy * dy + dz * dz <= rr * rr) testPair(a, b);
    }
  }
  return m;
}

function testPair(a: i32, b: i32): void {
  broad += 1;
  const dx = F(pPos, 4 * b) - F(pPos, 4 * a);
  const dy = F(pPos, 4 * b + 1) - F(pPos, 4 * a + 1);
  const dz = F(pPos, 4 * b + 2) - F(pPos, 4 * a + 2);
  const va = 4 * a;
  const vb = 4 * b;
  const dvx = F(pVel, vb) - F(pVel, va);
  const dvy = F(pVel, vb + 1) - F(pVel, va + 1);
  const dvz = F(pVel, vb + 2) - F(pVel, va + 2);
  const dv2 = dvx * dvx + dvy * dvy + dvz * dvz;
  let tau = dv2 > 0 ? -(dx * dvx + dy * dvy + dz * dvz) / dv2 : 0;
  if (tau > h) tau = h;
  else if (tau < -h) tau = -h;
  const mx = dx + dvx * tau;
  const my = dy + dvy * tau;
  const mz = dz + dvz * tau;
  const slack = d + F(pVel, va + 3) + F(pVel, vb + 3);
  if (mx * mx + my * my + mz * mz <= slack * slack) {
    narrow += 1;
    if (outCount === outCap) {
      flush(outCount);
      outCount = 0;
    }
    const ia = I(pObj, a);
    const ib = I(pObj, b);
    const o = 3 * outCount;
    setI(pOut, o, min<i32>(ia, ib));
    setI(pOut, o + 1, max<i32>(ia, ib));
    setI(pOut, o + 2, step);
    outCount += 1;
  }
}
