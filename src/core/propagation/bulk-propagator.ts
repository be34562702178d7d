import {
  BulkPropagator,
  createSingleThreadRuntime,
  EciBaseCalculator,
  jday,
  type SatRec,
} from 'satellite.js';
import { ConcordError } from '../result.js';
import { daysBetween } from '../time/julian-date.js';
import type { JulianDate } from '../time/time-scale.js';
import { checkSgp4State } from './propagate.js';
import { propagationErrorByte } from './propagation-error.js';
import type { Sgp4Model } from './sgp4-model.js';

/** Positions and velocities of many objects at many instants, in flat typed arrays. */
export interface EphemerisGrid {
  readonly objectCount: number;
  readonly timeCount: number;
  /** TEME, km, layout [object][time][xyz], length objectCount·timeCount·3; NaN where `errorCodes` ≠ 0. */
  readonly positionsKm: Float64Array;
  /** TEME, km/s, same layout; NaN where `errorCodes` ≠ 0. */
  readonly velocitiesKmS: Float64Array;
  /** [object][time]: 0 = ok, k = `PROPAGATION_ERROR_CODES[k - 1]` (SGP4 errors 1..6 keep their numbers). */
  readonly errorCodes: Uint8Array;
}

export interface BulkSgp4Propagator {
  readonly objectCount: number;
  readonly maxTimes: number;
  /**
   * Propagate every model to every instant (UTC, Unix milliseconds, rounded to whole ms: the propagator
   * takes `Date`s). Results equal `propagateAt` at the same instants (< 1 mm). The returned arrays are
   * the caller's (copied out of WebAssembly memory).
   */
  propagate(timesUnixMs: Float64Array): EphemerisGrid;
  /** Free the WebAssembly memory. The propagator cannot be used afterwards. */
  dispose(): void;
}

type SingleThreadRuntime = Awaited<ReturnType<typeof createSingleThreadRuntime>>;

const MS_PER_DAY = 86_400_000;
const JD_UNIX_EPOCH = 2_440_587.5;

/*
 * Time reference. satellite.js's BulkPropagator turns each `Date` into one-double Julian date
 * (`jday(date)`, ≈ 40 µs resolution near JD 2.46e6) and its WebAssembly SGP4 uses
 * tsince = (jd − satrec.jdsatepoch) · 1440. Fed real dates, that would differ from `propagateAt` (two-part JD)
 * by up to ~40 µs, i.e. ~0.3 m in LEO. So the bulk path works in shifted time, where the numbers are small
 * and exact: an instant t is handed over as the Date `FAKE_BASE + (t − R)`, whose `jday` is
 * C + (t − R) in days with C = jday(FAKE_BASE) = 0.5; and each satrec copy gets
 * jdsatepoch = C + (sgp4Epoch − R). Their difference is t − sgp4Epoch to ~1e-15 day.
 * FAKE_BASE (−4712-01-15T00:00Z) is where `jday` is near zero and affine in time for ~12 years after it
 * (its leap-year rule and the proleptic Gregorian `Date` agree there). R is the earliest time of the first
 * chunk, re-based when a chunk leaves R ± 1 year (satrecs re-uploaded: ~2 s for the 26,140-object catalog,
 * the cost of satellite.js writing each record field by field; the first call pays it too).
 * satrec.jdsatepoch feeds nothing else in the propagation (deep-space terms were fixed at initialisation).
 */
const FAKE_BASE_MS = Date.UTC(-4712, 0, 15);
/** Re-base when a time is more than a year from R: keeps |jday| ≤ ~366, i.e. time resolution ~5 ns. */
const REBASE_SPAN_MS = 366 * MS_PER_DAY;
/** Inside the range where `jday` of the shifted dates is affine (see above). */
const MAX_CHUNK_SPAN_MS = 10 * 365 * MS_PER_DAY;

function julianDateFromUnixMs(unixMs: number): JulianDate {
  const days = Math.floor(unixMs / MS_PER_DAY);
  return { whole: JD_UNIX_EPOCH + days, fraction: (unixMs - days * MS_PER_DAY) / MS_PER_DAY };
}

class WasmBulkSgp4Propagator implements BulkSgp4Propagator {
  readonly objectCount: number;
  readonly maxTimes: number;
  private readonly models: readonly Sgp4Model[];
  private readonly propagator: BulkPropagator<readonly [EciBaseCalculator], SingleThreadRuntime>;
  private readonly fakeBaseJd: number;
  private referenceMs: number | undefined;
  private disposed = false;

  constructor(models: readonly Sgp4Model[], maxTimes: number, runtime: SingleThreadRuntime) {
    this.models = models;
    this.objectCount = models.length;
    this.maxTimes = maxTimes;
    this.propagator = new BulkPropagator({
      runtime,
      calculators: [new EciBaseCalculator()] as const,
      satRecsCount: Math.max(1, models.length),
      datesCount: Math.max(1, maxTimes),
    });
    this.fakeBaseJd = jday(new Date(FAKE_BASE_MS));
  }

  private upload(referenceMs: number): void {
    const referenceJd = julianDateFromUnixMs(referenceMs);
    const shifted: SatRec[] = this.models.map((m) => ({
      ...m.satrec,
      jdsatepoch: this.fakeBaseJd + daysBetween(referenceJd, m.sgp4Epoch.jd),
    }));
    this.propagator.setSatRecs(shifted);
    this.referenceMs = referenceMs;
  }

  propagate(timesUnixMs: Float64Array): EphemerisGrid {
    if (this.disposed) throw new ConcordError('BULK_DISPOSED', 'the bulk propagator has been disposed');
    const timeCount = timesUnixMs.length;
    if (timeCount > this.maxTimes) {
      throw new ConcordError(
        'BULK_TOO_MANY_TIMES',
        `${timeCount} times given, the propagator was created for at most ${this.maxTimes}`,
      );
    }
    const objectCount = this.objectCount;
    const positionsKm = new Float64Array(objectCount * timeCount * 3);
    const velocitiesKmS = new Float64Array(objectCount * timeCount * 3);
    const errorCodes = new Uint8Array(objectCount * timeCount);
    if (objectCount === 0 || timeCount === 0) {
      return { objectCount, timeCount, positionsKm, velocitiesKmS, errorCodes };
    }
    const roundedMs = Float64Array.from(timesUnixMs, Math.round);
    for (const t of roundedMs) {
      if (!Number.isFinite(t)) throw new ConcordError('BULK_BAD_TIME', `time ${t} ms is not finite`);
    }
    let reference = this.referenceMs;
    let earliest = Number.POSITIVE_INFINITY;
    let latest = Number.NEGATIVE_INFINITY;
    for (const t of roundedMs) {
      earliest = Math.min(earliest, t);
      latest = Math.max(latest, t);
    }
    if (
      reference === undefined ||
      earliest < reference - REBASE_SPAN_MS ||
      latest > reference + REBASE_SPAN_MS
    ) {
      if (latest - earliest > MAX_CHUNK_SPAN_MS) {
        throw new ConcordError(
          'BULK_TIME_SPAN',
          `one chunk spans ${((latest - earliest) / MS_PER_DAY / 365.25).toFixed(1)} years; split it (at most 10)`,
        );
      }
      reference = earliest;
      this.upload(reference);
    }
    const base = reference;
    const dates = Array.from(roundedMs, (t) => new Date(FAKE_BASE_MS + (t - base)));
    this.propagator.setDates(dates);
    this.propagator.run({ eci: { communityDecayCheckEnabled: true } });
    const raw = this.propagator.getRawOutput().eci;
    positionsKm.set(raw.position.subarray(0, positionsKm.length));
    velocitiesKmS.set(raw.velocity.subarray(0, velocitiesKmS.length));
    const sgp4Errors = raw.error;
    const belowSurface = propagationErrorByte('BELOW_SURFACE');
    const nonFinite = propagationErrorByte('NON_FINITE_STATE');
    for (let k = 0; k < errorCodes.length; k++) {
      let code = sgp4Errors[k] ?? 0;
      const i = 3 * k;
      if (code === 0) {
        const bad = checkSgp4State(
          positionsKm[i] ?? Number.NaN,
          positionsKm[i + 1] ?? Number.NaN,
          positionsKm[i + 2] ?? Number.NaN,
          velocitiesKmS[i] ?? Number.NaN,
          velocitiesKmS[i + 1] ?? Number.NaN,
          velocitiesKmS[i + 2] ?? Number.NaN,
        );
        if (bad) code = bad === 'BELOW_SURFACE' ? belowSurface : nonFinite;
      }
      if (code !== 0) {
        errorCodes[k] = code < 0 ? nonFinite : code;
        positionsKm.fill(Number.NaN, i, i + 3);
        velocitiesKmS.fill(Number.NaN, i, i + 3);
      }
    }
    return { objectCount, timeCount, positionsKm, velocitiesKmS, errorCodes };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Frees this propagator's WebAssembly allocations; the shared runtime stays (disposing it exits the module).
    this.propagator.dispose();
  }
}

/** One WebAssembly instance per process, shared by all propagators (each has its own allocations). */
let sharedRuntime: Promise<SingleThreadRuntime> | undefined;

/**
 * A WebAssembly SGP4 propagator (satellite.js `BulkPropagator` + `EciBaseCalculator`, single thread) for
 * `models`, reusable for any number of time chunks of up to `maxTimes` instants: the satrecs are uploaded
 * once. Call `dispose()` when done (WebAssembly memory is not garbage-collected).
 */
export async function createBulkPropagator(
  models: readonly Sgp4Model[],
  maxTimes: number,
): Promise<BulkSgp4Propagator> {
  if (!Number.isInteger(maxTimes) || maxTimes < 1) {
    throw new ConcordError('BULK_BAD_SIZE', `maxTimes must be a positive integer, got ${maxTimes}`);
  }
  sharedRuntime ??= createSingleThreadRuntime();
  const runtime = await sharedRuntime;
  return new WasmBulkSgp4Propagator(models, maxTimes, runtime);
}
