import type { Party } from '../store/party-repository.js';

/**
 * The privacy rule of operator ephemerides in screening results. An ephemeris is private to the party that
 * submitted it and the service operator. Its states at TCA (position, velocity, the covariance built on them) and
 * the miss vector's components (which, with the other object's public state, locate it) are ephemeris data: only
 * they see them. Everyone who may see the event still gets its TCA, miss distance, relative speed and Pc: telling
 * the other party about the approach is what coordination is for. In a CDM the withheld state is replaced by the
 * object's public one (SGP4 of its catalog element set at TCA: anyone can compute it), so the message stays
 * complete, and the relative position and velocity, which would not agree with the miss distance, are left out.
 */
export function seesEphemerisOf(viewer: Pick<Party, 'id' | 'role'>, ephemerisPartyId: number): boolean {
  return viewer.role === 'admin' || viewer.id === ephemerisPartyId;
}

/** Whether the viewer may see all that derives from the states of an event given by these parties' ephemerides. */
export function seesAllStates(
  viewer: Pick<Party, 'id' | 'role'>,
  ephemerisPartyIds: readonly number[],
): boolean {
  return ephemerisPartyIds.every((id) => seesEphemerisOf(viewer, id));
}

/** What a CDM says of the public stand-in for a state from another party's private ephemeris. */
export const withheldStateComment = (elementSetId: number) =>
  `State propagated with SGP4 from the public element set ${elementSetId}, NOT the state the screening used: that one comes from another party's private operator ephemeris and is withheld (TCA, miss distance and Pc come from it)`;

/** When the object has no public element set either. */
export const WITHHELD_STATE_COMMENT =
  "State and covariance withheld: they come from another party's private operator ephemeris (seen only by that party and the service operator)";

export const WITHHELD_RELATIVE_COMMENT =
  "Relative position and velocity withheld: one object's state comes from another party's private operator ephemeris";
