/**
 * Hard-body radius (HBR) of an object and of a conjunction (the combined HBR is the sum of the two objects'
 * radii: the spheres touch when the centres are closer than r1 + r2).
 * Sources, in order: an explicit override; NASA CARA's per-object table (parsed by the formats layer and
 * passed in); a radius from the SATCAT RCS size class; a stated default. Every result says which was used.
 */
export type HbrSource = 'override' | 'cara-table' | 'rcs-size' | 'default';

export interface HbrTableEntry {
  readonly noradId: number;
  /** Per-object hard-body radius (m). */
  readonly hbrM: number;
  /** CARA's source label, e.g. "CARA Protected Primary", "SFK RCS Estimate", "Default". */
  readonly source: string;
}

export type HbrTable = ReadonlyMap<number, HbrTableEntry>;

export type RcsSize = 'SMALL' | 'MEDIUM' | 'LARGE';

/**
 * Radius per SATCAT RCS size class (m): the radius of a disc with the class's upper RCS bound
 * (SMALL < 0.1 m^2 -> 0.18 m, MEDIUM 0.1-1 m^2 -> 0.56 m); LARGE (> 1 m^2) has no upper bound, 2.5 m is assumed.
 */
export const RCS_SIZE_RADIUS_M: Readonly<Record<RcsSize, number>> = { SMALL: 0.18, MEDIUM: 0.56, LARGE: 2.5 };

/** Stated default per-object radius (m) when nothing is known: conservative for a typical intact object. */
export const DEFAULT_OBJECT_HBR_M = 5;

export interface ObjectHbr {
  readonly hbrM: number;
  readonly source: HbrSource;
  readonly detail: string;
}

export interface ObjectHbrOptions {
  readonly overrideM?: number;
  readonly table?: HbrTable;
  readonly rcsSize?: string;
  readonly defaultM?: number;
}

export function objectHardBodyRadius(noradId: number | undefined, options: ObjectHbrOptions = {}): ObjectHbr {
  if (options.overrideM !== undefined) {
    return { hbrM: options.overrideM, source: 'override', detail: `given ${options.overrideM} m` };
  }
  const entry = noradId === undefined ? undefined : options.table?.get(noradId);
  if (entry && Number.isFinite(entry.hbrM) && entry.hbrM > 0) {
    return { hbrM: entry.hbrM, source: 'cara-table', detail: `CARA table (${entry.source})` };
  }
  const size = options.rcsSize?.toUpperCase();
  if (size === 'SMALL' || size === 'MEDIUM' || size === 'LARGE') {
    return { hbrM: RCS_SIZE_RADIUS_M[size], source: 'rcs-size', detail: `RCS size ${size}` };
  }
  const d = options.defaultM ?? DEFAULT_OBJECT_HBR_M;
  return { hbrM: d, source: 'default', detail: `default ${d} m (no table entry, no RCS size)` };
}

export interface CombinedHbr {
  readonly hbrM: number;
  /** 'override' when the combined value was given; else the weaker (less specific) of the two sources. */
  readonly source: HbrSource;
  readonly primary?: ObjectHbr;
  readonly secondary?: ObjectHbr;
}

const RANK: Record<HbrSource, number> = { override: 0, 'cara-table': 1, 'rcs-size': 2, default: 3 };

export function combinedHardBodyRadius(
  primary: ObjectHbr,
  secondary: ObjectHbr,
  overrideM?: number,
): CombinedHbr {
  if (overrideM !== undefined) return { hbrM: overrideM, source: 'override', primary, secondary };
  const source = RANK[primary.source] >= RANK[secondary.source] ? primary.source : secondary.source;
  return { hbrM: primary.hbrM + secondary.hbrM, source, primary, secondary };
}
