/**
 * Earth orientation parameters (IERS, IAU-1980 series, e.g. `finals.all` columns) for one instant.
 * Every field is optional and zero by default. With zero EOP the ITRF position of a LEO object is off by polar
 * motion (≈ 0.3″ ≈ 10 m) plus ΔUT1 × ≈ 0.5 m per millisecond: about 10–30 m while |ΔUT1| is a few tens of
 * milliseconds, up to ≈ 450 m when it nears its 0.9 s bound. That is why outputs computed without EOP are labelled.
 * Inertial (GCRF) results depend only on dΔψ/dΔε, at the decimetre level.
 */
export interface EarthOrientation {
  /** Polar motion x of the CIP in ITRF, arcseconds. */
  readonly xpArcsec?: number;
  /** Polar motion y of the CIP in ITRF, arcseconds. */
  readonly ypArcsec?: number;
  /** UT1 − UTC, seconds. */
  readonly dut1Seconds?: number;
  /** Excess length of day, seconds (slows the Earth rotation rate used for ITRF velocities). */
  readonly lodSeconds?: number;
  /** Correction to the IAU-1980 nutation in longitude (celestial pole offset dΔψ), arcseconds. */
  readonly ddPsiArcsec?: number;
  /** Correction to the IAU-1980 nutation in obliquity (dΔε), arcseconds. */
  readonly ddEpsArcsec?: number;
}

/** Every field filled in. */
export type ResolvedEarthOrientation = Required<EarthOrientation>;

export const ZERO_EOP: ResolvedEarthOrientation = {
  xpArcsec: 0,
  ypArcsec: 0,
  dut1Seconds: 0,
  lodSeconds: 0,
  ddPsiArcsec: 0,
  ddEpsArcsec: 0,
};

export function resolveEop(eop: EarthOrientation = {}): ResolvedEarthOrientation {
  return {
    xpArcsec: eop.xpArcsec ?? 0,
    ypArcsec: eop.ypArcsec ?? 0,
    dut1Seconds: eop.dut1Seconds ?? 0,
    lodSeconds: eop.lodSeconds ?? 0,
    ddPsiArcsec: eop.ddPsiArcsec ?? 0,
    ddEpsArcsec: eop.ddEpsArcsec ?? 0,
  };
}

/** True when no parameter was given (outputs in ITRF should then say "zero EOP"). */
export function isZeroEop(eop: EarthOrientation = {}): boolean {
  const r = resolveEop(eop);
  return Object.values(r).every((v) => v === 0);
}
