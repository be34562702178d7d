import type { ElementSetOrigin } from '../../core/orbits/element-set.js';
import type { JulianDate } from '../../core/time/time-scale.js';

/**
 * A parsed OMM in its own terms, one type per message part (header, metadata, data blocks), before any
 * conversion to Concord's SGP4 `ElementSet`. This is what an OMM with another theory (DSST, Brouwer ...),
 * another frame or time system parses into; `elementSetFromOmm` then decides whether SGP4 can use it.
 * Units follow CCSDS 502.0 and are in the names.
 */
export interface OmmHeader {
  /** CCSDS_OMM_VERS, e.g. `2.0`, `3.0`. Always present in KVN/XML; absent in GP JSON/CSV. */
  readonly formatVersion?: string;
  readonly comments: readonly string[];
  /** CLASSIFICATION (ODM v3 header). */
  readonly classification?: string;
  /** CREATION_DATE as written. Always present in KVN/XML. */
  readonly creationDate?: string;
  readonly originator?: string;
  readonly messageId?: string;
}

export interface OmmMetadata {
  readonly comments: readonly string[];
  readonly objectName: string;
  /** COSPAR id `YYYY-NNNP{PP}`; empty when the source leaves it empty (CelesTrak analyst objects). */
  readonly objectId: string;
  readonly centerName: string;
  readonly refFrame: string;
  readonly refFrameEpoch?: string;
  readonly timeSystem: string;
  readonly meanElementTheory: string;
}

export interface OmmMeanElements {
  readonly comments: readonly string[];
  /** EPOCH as written. */
  readonly epoch: string;
  /** EPOCH as a two-part Julian date on the message's TIME_SYSTEM scale (UTC for SGP4 element sets). */
  readonly epochJd: JulianDate;
  readonly semiMajorAxisKm?: number;
  readonly meanMotionRevPerDay?: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raanDeg: number;
  readonly argOfPericenterDeg: number;
  readonly meanAnomalyDeg: number;
  readonly gmKm3PerS2?: number;
}

export interface OmmSpacecraftParameters {
  readonly comments: readonly string[];
  readonly massKg?: number;
  readonly solarRadAreaM2?: number;
  readonly solarRadCoeff?: number;
  readonly dragAreaM2?: number;
  readonly dragCoeff?: number;
}

export interface OmmTleParameters {
  readonly comments: readonly string[];
  readonly ephemerisType?: number;
  readonly classificationType?: string;
  /** NORAD_CAT_ID exactly as written (up to 9 digits). */
  readonly noradCatIdText?: string;
  readonly noradCatId?: number;
  readonly elementSetNo?: number;
  readonly revAtEpoch?: number;
  readonly bstarPerEarthRadii?: number;
  /** SGP4-XP ballistic coefficient, m²/kg. */
  readonly btermM2PerKg?: number;
  /** SGP4-XP solar radiation pressure coefficient A/m, m²/kg. */
  readonly agomM2PerKg?: number;
  readonly meanMotionDotRevPerDay2?: number;
  readonly meanMotionDdotRevPerDay3?: number;
}

export interface OmmCovarianceMatrix {
  readonly comments: readonly string[];
  /** COV_REF_FRAME; when absent the covariance is in the metadata REF_FRAME. */
  readonly covRefFrame?: string;
  /**
   * The 21 lower-triangle terms, row by row, in the order of `OMM_COVARIANCE_KEYWORDS`
   * (CX_X, CY_X, CY_Y, ... CZ_DOT_Z_DOT): km², km²/s, km²/s².
   */
  readonly lowerTriangle: Float64Array;
}

export interface OmmData {
  readonly meanElements: OmmMeanElements;
  readonly spacecraftParameters?: OmmSpacecraftParameters;
  readonly tleParameters?: OmmTleParameters;
  readonly covarianceMatrix?: OmmCovarianceMatrix;
  /** USER_DEFINED_xxx values keyed by `xxx`. */
  readonly userDefinedParameters?: ReadonlyMap<string, string>;
}

export interface OmmMessage {
  readonly header: OmmHeader;
  readonly metadata: OmmMetadata;
  readonly data: OmmData;
  /** Where the message starts (KVN: CCSDS_OMM_VERS line; XML: `<omm>`; JSON: record index; CSV: row line). */
  readonly origin: ElementSetOrigin;
  /** The line of each keyword that was present, so later checks can still name file, line and keyword. */
  readonly keywordLines: ReadonlyMap<string, number>;
}
