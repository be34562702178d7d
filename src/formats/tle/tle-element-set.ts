import type { ElementSet } from '../../core/orbits/element-set.js';

/**
 * How a source TLE spelled the parts of its lines that carry no value, so `writeTle` can give the same
 * bytes back. Sources differ: Space-Track writes ` 00000-0` and ` 00000+0` for a zero BSTAR, older ODAP
 * files write `+.00000274` and `+00000-0`, and old catalogs pad 4-digit ids with a blank (` 4567`).
 * Values never depend on this; an `ElementSet` without it is written in Space-Track's current style.
 */
export interface TleColumnStyle {
  /** Line 1/2 columns 3-7 exactly as written (`00005`, ` 4567`, `A0001`). */
  readonly catalogNumberColumns: string;
  /** Character before a non-negative MEAN_MOTION_DOT (col 34), MEAN_MOTION_DDOT (col 45), BSTAR (col 54). */
  readonly meanMotionDotPositiveSign: ' ' | '+';
  readonly meanMotionDdotPositiveSign: ' ' | '+';
  readonly bstarPositiveSign: ' ' | '+';
  /** Exponent sign written when the exponent digit is 0 (col 51 / col 60): `00000-0` vs `00000+0`. */
  readonly meanMotionDdotZeroExponentSign: '+' | '-';
  readonly bstarZeroExponentSign: '+' | '-';
  /** Line 2 numbers padded with zeros instead of blanks (`034.2695`, `02.00561234`, rev `06069`), as some ODAP files do. */
  readonly line2ZeroPadded: boolean;
}

/** An element set read from a TLE/3LE, with the spelling of its value-free columns. */
export interface TleElementSet extends ElementSet {
  readonly tleStyle: TleColumnStyle;
}

export function hasTleStyle(es: ElementSet): es is TleElementSet {
  return 'tleStyle' in es;
}
