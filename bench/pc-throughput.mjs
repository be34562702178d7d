// 2-D Pc throughput (Foster / CARA PcCircle kernel), single core. Run after `npm run build`:
//   node bench/pc-throughput.mjs [--seconds 3]
// Prints one JSON object: evaluations per second for the Gauss-Chebyshev fast path, the adaptive path
// (large hard-body circle against the covariance), a realistic mix, and the full CDM-state pipeline
// (encounter plane + Pc) per conjunction.
import { buildEncounterPlane } from '../dist/core/risk/encounter-plane.js';
import { fosterMethod, pcCircle } from '../dist/core/risk/pc-foster.js';

const argSeconds = process.argv.indexOf('--seconds');
const seconds = argSeconds > 0 ? Number(process.argv[argSeconds + 1]) : 2;

function rate(label, fn, inputs) {
  // Warm-up so the JIT has compiled the kernel.
  for (let i = 0; i < 20_000; i++) fn(inputs[i % inputs.length]);
  let n = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - t0 < limit) {
    for (let i = 0; i < 1000; i++) sink += fn(inputs[(n + i) % inputs.length]);
    n += 1000;
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  if (Number.isNaN(sink)) console.error(`${label}: NaN seen`);
  return Math.round(n / elapsed);
}

// Deterministic pseudo-random encounter-plane problems (miss 0-5 km, sigmas 10 m - 2 km, HBR 1-20 m).
let s = 12345;
const u = () => {
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  return s / 4294967296;
};
const small = Array.from({ length: 4096 }, () => {
  const sx = 10 + 2000 * u();
  return [5000 * u(), 5000 * u(), sx, sx * (0.05 + 0.95 * u()), 1 + 19 * u()];
});
const large = Array.from({ length: 4096 }, () => {
  const sx = 0.5 + 5 * u();
  return [20 * u(), 20 * u(), sx, sx * (0.1 + 0.9 * u()), 10 + 10 * u()];
});
const states = Array.from({ length: 1024 }, () => {
  const r = 7000 + 100 * u();
  const cov = (a) => Float64Array.of(a, 0, 0, 0, 4 * a, 0, 0, 0, a);
  return {
    primaryPositionKm: Float64Array.of(r, 0, 0),
    primaryVelocityKmS: Float64Array.of(0, 7.5, 0),
    primaryCovarianceM2: cov(100 + 1e4 * u()),
    secondaryPositionKm: Float64Array.of(r + 0.5 * u(), 0.3 * u(), 0.2 * u()),
    secondaryVelocityKmS: Float64Array.of(0, -3 + 6 * u(), 7 * u()),
    secondaryCovarianceM2: cov(100 + 1e5 * u()),
  };
});

const result = {
  benchmark: 'pc-throughput',
  node: process.version,
  seconds_per_case: seconds,
  gauss_chebyshev_evals_per_s: rate('gc', (p) => pcCircle(p[0], p[1], p[2], p[3], p[4]), small),
  adaptive_evals_per_s: rate('adaptive', (p) => pcCircle(p[0], p[1], p[2], p[3], p[4]), large),
  cdm_pipeline_evals_per_s: rate(
    'pipeline',
    (st) => {
      const plane = buildEncounterPlane(st);
      return plane.ok ? fosterMethod.compute(plane.value, 10).pc : 0;
    },
    states,
  ),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
