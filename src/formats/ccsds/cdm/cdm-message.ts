import type { CdmPartName } from './cdm-keywords.js';

/** One `KEYWORD = value [unit]` of a CDM, as written (text kept verbatim so writers are lossless). */
export interface CdmField {
  readonly keyword: string;
  readonly value: string;
  /** Unit as given in the message (KVN brackets or XML `units`), if any. */
  readonly unit?: string;
  /** 1-based source line (0 when built in memory). */
  readonly line: number;
}

/** One part of a CDM: its comments and its fields, in message order. */
export interface CdmPart<P extends CdmPartName = CdmPartName> {
  readonly part: P;
  readonly comments: string[];
  readonly fields: CdmField[];
}

export type CdmHeader = CdmPart<'header'>;
export type CdmRelativeMetadataData = CdmPart<'relativeMetadataData'>;
export type CdmObjectMetadata = CdmPart<'metadata'>;
export type CdmOdParameters = CdmPart<'odParameters'>;
export type CdmAdditionalParameters = CdmPart<'additionalParameters'>;
export type CdmStateVector = CdmPart<'stateVector'>;
/** RTN covariance (CR_R ... CNDOT_NDOT, optional DRG/SRP/THR rows), units m, s, kg. */
export type CdmCovariance = CdmPart<'covarianceMatrix'>;
/** CDM 2.0 alternate covariance: XYZ (CX_X ...) or CSIG3EIGVEC3, as ALT_COV_TYPE says. */
export type CdmAlternateCovariance = CdmPart<'alternateCovarianceMatrix'>;
export type CdmAdditionalCovarianceMetadata = CdmPart<'additionalCovarianceMetadata'>;
export type CdmUserDefinedParameters = CdmPart<'userDefinedParameters'>;

export interface CdmObject {
  readonly metadata: CdmObjectMetadata;
  readonly odParameters: CdmOdParameters;
  readonly additionalParameters: CdmAdditionalParameters;
  readonly stateVector: CdmStateVector;
  readonly covarianceMatrix: CdmCovariance;
  readonly alternateCovarianceMatrix: CdmAlternateCovariance;
  readonly additionalCovarianceMetadata: CdmAdditionalCovarianceMetadata;
  readonly userDefinedParameters: CdmUserDefinedParameters;
}

/** A Conjunction Data Message: header, relative metadata/data, and the two objects (OBJECT1, OBJECT2). */
export interface Cdm {
  readonly header: CdmHeader;
  readonly relativeMetadataData: CdmRelativeMetadataData;
  readonly objects: CdmObject[];
}

export function emptyPart<P extends CdmPartName>(part: P): CdmPart<P> {
  return { part, comments: [], fields: [] };
}

export function emptyObject(): CdmObject {
  return {
    metadata: emptyPart('metadata'),
    odParameters: emptyPart('odParameters'),
    additionalParameters: emptyPart('additionalParameters'),
    stateVector: emptyPart('stateVector'),
    covarianceMatrix: emptyPart('covarianceMatrix'),
    alternateCovarianceMatrix: emptyPart('alternateCovarianceMatrix'),
    additionalCovarianceMetadata: emptyPart('additionalCovarianceMetadata'),
    userDefinedParameters: emptyPart('userDefinedParameters'),
  };
}

/** Value text of a keyword in a part, if present. */
export function fieldValue(part: CdmPart, keyword: string): string | undefined {
  return part.fields.find((f) => f.keyword === keyword)?.value;
}

/** Field of a keyword in a part, if present. */
export function findField(part: CdmPart, keyword: string): CdmField | undefined {
  return part.fields.find((f) => f.keyword === keyword);
}
