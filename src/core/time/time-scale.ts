/** Time scales Concord computes in. Every epoch in the API carries one of these. */
export type TimeScale = 'UTC' | 'TAI' | 'TT';

/**
 * A Julian date in two parts so that sub-microsecond precision survives: `whole` holds the large part
 * (by convention a day boundary, JD ending in .5, i.e. 0h of the scale) and `fraction` the rest in days.
 */
export interface JulianDate {
  readonly whole: number;
  readonly fraction: number;
}

/** An instant on a named time scale. */
export interface Instant<S extends TimeScale = TimeScale> {
  readonly scale: S;
  readonly jd: JulianDate;
}

export type UtcInstant = Instant<'UTC'>;
export type TaiInstant = Instant<'TAI'>;
export type TtInstant = Instant<'TT'>;
