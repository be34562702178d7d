/**
 * CCSDS Orbit Ephemeris Message (502.0-B-2/B-3): header, then segments of metadata, ephemeris lines and
 * optional covariance matrices. Epochs are kept as text in the segment's TIME_SYSTEM plus seconds from the
 * segment's first ephemeris epoch (for interpolation).
 */
export interface OemHeader {
  readonly version: string;
  readonly comments: string[];
  /** CREATION_DATE, ORIGINATOR, MESSAGE_ID, CLASSIFICATION as given. */
  readonly fields: Record<string, string>;
}

export type OemInterpolation = 'LAGRANGE' | 'HERMITE' | 'LINEAR';

export interface OemMetadata {
  readonly comments: string[];
  /** Every metadata keyword as given (OBJECT_NAME, OBJECT_ID, CENTER_NAME, REF_FRAME, TIME_SYSTEM, ...). */
  readonly fields: Record<string, string>;
  readonly interpolation?: OemInterpolation;
  readonly interpolationDegree?: number;
  readonly line: number;
}

export interface OemStateLine {
  readonly epoch: string;
  /** Seconds from the segment's first ephemeris epoch (calendar arithmetic in the segment's time scale). */
  readonly tSeconds: number;
  readonly positionKm: Float64Array;
  readonly velocityKmS: Float64Array;
  readonly accelerationKmS2?: Float64Array;
  readonly line: number;
}

export interface OemCovariance {
  readonly epoch: string;
  readonly refFrame?: string;
  /** 6x6 symmetric, row-major, km^2, km^2/s, km^2/s^2. */
  readonly covariance: Float64Array;
  readonly line: number;
}

export interface OemSegment {
  readonly metadata: OemMetadata;
  readonly dataComments: string[];
  readonly states: OemStateLine[];
  readonly covariances: OemCovariance[];
}

export interface Oem {
  readonly header: OemHeader;
  readonly segments: OemSegment[];
}

export const OEM_HEADER_KEYWORDS = new Set(['CREATION_DATE', 'ORIGINATOR', 'MESSAGE_ID', 'CLASSIFICATION']);
/** OEM metadata keywords in the order of CCSDS 502.0 (the order the KVN writer uses). */
export const OEM_METADATA_ORDER = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'REF_FRAME_EPOCH',
  'TIME_SYSTEM',
  'START_TIME',
  'USEABLE_START_TIME',
  'USEABLE_STOP_TIME',
  'STOP_TIME',
  'INTERPOLATION',
  'INTERPOLATION_DEGREE',
] as const;
export const OEM_METADATA_KEYWORDS: ReadonlySet<string> = new Set(OEM_METADATA_ORDER);
export const OEM_MANDATORY_METADATA = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'TIME_SYSTEM',
  'START_TIME',
  'STOP_TIME',
] as const;
