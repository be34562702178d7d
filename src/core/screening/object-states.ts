import type { ElementSet } from '../orbits/element-set.js';
import { propagationErrorByte } from '../propagation/propagation-error.js';
import { EphemerisStateSource } from './ephemeris-states.js';
import type { ExactStates } from './exact-states.js';
import { type KnotFiller, type KnotLayout, memberMajorLayout } from './knot-filler.js';
import type { ScreeningObject } from './screening-types.js';
import { Sgp4States } from './sgp4-states.js';

const OUTSIDE_BYTE = propagationErrorByte('OUTSIDE_EPHEMERIS');

/**
 * Exact states of a mixed list of objects: SGP4 for element sets, the ephemeris interpolator (see
 * `EphemerisStateSource`) for tabulated objects. Same indices as the request.
 */
export class ObjectStates implements ExactStates {
  readonly sgp4: Sgp4States;
  readonly initError: Uint8Array;
  private readonly tables: readonly (EphemerisStateSource | undefined)[];
  private ephemerisCalls = 0;

  constructor(objects: readonly ScreeningObject[]) {
    this.sgp4 = new Sgp4States(objects.map((o): ElementSet | undefined => o.elementSet));
    this.tables = objects.map((o) => (o.ephemeris ? new EphemerisStateSource(o.ephemeris) : undefined));
    this.initError = Uint8Array.from(this.sgp4.initError);
    this.tables.forEach((t, i) => {
      if (t) this.initError[i] = t.problem === undefined ? 0 : OUTSIDE_BYTE;
    });
  }

  get count(): number {
    return this.tables.length;
  }

  get calls(): number {
    return this.sgp4.calls + this.ephemerisCalls;
  }

  isTabulated(index: number): boolean {
    return this.tables[index] !== undefined;
  }

  get hasTabulated(): boolean {
    return this.tables.some((t) => t !== undefined);
  }

  stateAt(index: number, unixMs: number, out: Float64Array, offset = 0): number {
    const table = this.tables[index];
    if (!table) return this.sgp4.stateAt(index, unixMs, out, offset);
    this.ephemerisCalls += 1;
    return table.stateAt(unixMs, out, offset);
  }

  /** As `stateAt`, for interpolation knots (not counted as exact evaluations). */
  knotStateAt(index: number, unixMs: number, out: Float64Array, offset: number): number {
    const table = this.tables[index];
    return table ? table.stateAt(unixMs, out, offset) : this.sgp4.stateAt(index, unixMs, out, offset);
  }
}

/**
 * Knot source over mixed objects: groups of element sets go to the SGP4 filler (scalar or WASM bulk), groups of
 * tabulated objects (the plan never mixes them in one group) are filled from the ephemeris interpolator, so the
 * knots and the exact states of a tabulated object come from the same interpolation.
 */
export class MixedKnotFiller implements KnotFiller {
  private tabulatedEvaluations = 0;
  constructor(
    private readonly sgp4Filler: KnotFiller,
    private readonly states: ObjectStates,
  ) {}

  get evaluations(): number {
    return this.sgp4Filler.evaluations + this.tabulatedEvaluations;
  }

  fill(
    groupKey: number,
    members: Int32Array,
    windowStartUnixMs: number,
    gapS: number,
    kFirst: number,
    count: number,
    out: Float64Array,
    errors: Uint8Array,
    layout: KnotLayout = memberMajorLayout(count),
  ): void {
    const tabulated = members.some((i) => this.states.isTabulated(i));
    if (!tabulated) {
      this.sgp4Filler.fill(groupKey, members, windowStartUnixMs, gapS, kFirst, count, out, errors, layout);
      return;
    }
    const { offsetStates, memberStride, timeStride } = layout;
    // Exact states one by one (a mixed group, never built by the plan, would also land here, correctly).
    for (let m = 0; m < members.length; m++) {
      const index = members[m] as number;
      for (let t = 0; t < count; t++) {
        errors[m * count + t] = this.states.knotStateAt(
          index,
          windowStartUnixMs + (kFirst + t) * gapS * 1000,
          out,
          (offsetStates + t * timeStride + m * memberStride) * 6,
        );
      }
      this.tabulatedEvaluations += count;
    }
  }

  release(groupKey: number): void {
    this.sgp4Filler.release(groupKey);
  }

  dispose(): void {
    this.sgp4Filler.dispose();
  }
}

/**
 * The exact states and knot filler of a request. Without tabulated objects they are the SGP4 states and the
 * given SGP4 filler themselves (no indirection on the hot path of whole-catalog screenings).
 */
export function screeningSources(
  objects: readonly ScreeningObject[],
  createSgp4Filler: (states: Sgp4States) => KnotFiller,
): { states: ExactStates; filler: KnotFiller } {
  if (!objects.some((o) => o.ephemeris)) {
    const states = new Sgp4States(objects.map((o) => o.elementSet as ElementSet));
    return { states, filler: createSgp4Filler(states) };
  }
  const states = new ObjectStates(objects);
  return { states, filler: new MixedKnotFiller(createSgp4Filler(states.sgp4), states) };
}
