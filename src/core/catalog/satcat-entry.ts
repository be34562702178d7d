/** Object type, normalised from Space-Track (`PAYLOAD`, `ROCKET BODY`, `DEBRIS`, `UNKNOWN`, `TBA`) and CelesTrak (`PAY`, `R/B`, `DEB`, `UNK`). */
export type ObjectType = 'PAYLOAD' | 'ROCKET BODY' | 'DEBRIS' | 'UNKNOWN';

/** Radar cross-section class as published (Space-Track RCS_SIZE): small < 0.1 m², medium 0.1–1 m², large > 1 m². */
export type RcsSize = 'SMALL' | 'MEDIUM' | 'LARGE';

/** One SATCAT row: who owns an object, what it is, when it launched and decayed. Dates are UTC calendar dates `YYYY-MM-DD`. */
export interface SatcatEntry {
  readonly noradCatId: number;
  /** COSPAR international designator `YYYY-NNNP{PP}`. */
  readonly objectId: string;
  readonly objectName: string;
  readonly objectType: ObjectType;
  /** Owner / country code as published (Space-Track COUNTRY, CelesTrak OWNER), e.g. `US`, `PRC`, `CIS`, `ESA`. */
  readonly ownerCode: string;
  readonly launchDate?: string;
  readonly launchSite?: string;
  readonly decayDate?: string;
  readonly periodMin?: number;
  readonly inclinationDeg?: number;
  readonly apogeeKm?: number;
  readonly perigeeKm?: number;
  readonly rcsSize?: RcsSize;
  /** Numeric RCS in m² when the source publishes it (CelesTrak RCS); Space-Track's public RCSVALUE is 0. */
  readonly rcsM2?: number;
  /** Space-Track COMMENT (e.g. `Fragmentation debris`), when given. */
  readonly comment?: string;
  /** CelesTrak OPS_STATUS_CODE: `+` operational, `-` nonoperational, `P` partially, `B` backup, `S` spare, `X` extended, `D` decayed, `?` unknown. */
  readonly opsStatusCode?: string;
  /** CelesTrak DATA_STATUS_CODE: `NCE` no current elements, `NIE` no initial elements, `NEA` no elements available. */
  readonly dataStatusCode?: string;
  /** CelesTrak ORBIT_CENTER: `EA` Earth, `MO` Moon, `SU` Sun, `EL` Earth Lagrange ... (non-Earth objects are not SGP4 material). */
  readonly orbitCenter?: string;
  /** CelesTrak ORBIT_TYPE: `ORB` orbit, `LAN` landing, `IMP` impact, `DOC` docked, `R/T` roundtrip. */
  readonly orbitType?: string;
  readonly origin: {
    readonly file: string;
    readonly line: number;
    readonly format: 'satcat-spacetrack' | 'satcat-celestrak';
  };
}
