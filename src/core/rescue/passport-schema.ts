import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * Interface passport schema (JSON Schema built with TypeBox, so the TypeScript types derive from it).
 * Every fact is a `Sourced` value: either `{ value, source, confidence }` or `{ unknown: true, reason }`.
 * Unknown is a value, never a guess: the compatibility engine turns an unknown input into an `unknown` check.
 */
export const PASSPORT_SCHEMA_VERSION = '1.0';

/** How sure we are of a fact (see the rescue basis, §1). `derived` facts are computed, not stored. */
export const Confidence = Type.Union([
  Type.Literal('published'),
  Type.Literal('secondary'),
  Type.Literal('unverified'),
]);
export type Confidence = Static<typeof Confidence>;

/** A known value with its source and confidence, or an explicit unknown with the reason. */
export function Sourced<T extends TSchema>(value: T) {
  return Type.Union([
    Type.Object(
      {
        value,
        source: Type.String({ minLength: 1 }),
        confidence: Confidence,
        note: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { unknown: Type.Literal(true), reason: Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
  ]);
}

export interface KnownValue<T> {
  readonly value: T;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note?: string;
}
export interface UnknownValue {
  readonly unknown: true;
  readonly reason: string;
}
export type SourcedValue<T> = KnownValue<T> | UnknownValue;

export function isKnown<T>(v: SourcedValue<T>): v is KnownValue<T> {
  return !('unknown' in v);
}

/** Docking / berthing mechanism families (basis §2). `CDM` is the Chinese docking mechanism. */
export const MechanismFamily = Type.Union([
  Type.Literal('IDSS'),
  Type.Literal('CDM'),
  Type.Literal('APAS-75'),
  Type.Literal('APAS-89'),
  Type.Literal('APAS-95'),
  Type.Literal('SSVP'),
  Type.Literal('CBM'),
  Type.Literal('APOLLO-PROBE-DROGUE'),
]);
export type MechanismFamily = Static<typeof MechanismFamily>;

const Range = Type.Object(
  {
    nominal: Type.Optional(Type.Number()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

/** Initial contact conditions (capture envelope of a passive face, or delivered dispersion of a chaser). */
export const ContactConditions = Type.Object(
  {
    axialRateMinMps: Type.Number(),
    axialRateMaxMps: Type.Number(),
    lateralRateMaxMps: Type.Number(),
    lateralMisalignmentMaxM: Type.Number(),
    /** Pitch/yaw misalignment limit (deg); IDSS gives the vector sum, the Chinese mechanism each axis. */
    pitchYawMisalignmentMaxDeg: Type.Number(),
    rollMisalignmentMaxDeg: Type.Number(),
    pitchYawRateMaxDegS: Type.Number(),
    rollRateMaxDegS: Type.Number(),
  },
  { additionalProperties: false },
);
export type ContactConditions = Static<typeof ContactConditions>;

export const DockingFace = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    name: Type.String({ minLength: 1 }),
    family: Sourced(MechanismFamily),
    /** Can this face take the active role in a mating? */
    canBeActive: Sourced(Type.Boolean()),
    /** Can this face take the passive role? Both true = androgynous / dual-role. */
    canBePassive: Sourced(Type.Boolean()),
    /** Berthing only (CBM): never a rescue or evacuation path (basis §2.3). */
    berthingOnly: Type.Boolean(),
    captureEnvelope: Sourced(ContactConditions),
    contactDispersion: Sourced(ContactConditions),
    passageDiameterMm: Sourced(Type.Number({ exclusiveMinimum: 0 })),
    /** Passport ids this face has actually docked with in flight (flight heritage for C3/C9). */
    flightHeritageWith: Sourced(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type DockingFace = Static<typeof DockingFace>;

export const LaunchSite = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    name: Type.String({ minLength: 1 }),
    /** Geodetic latitude, deg, north positive. */
    latitudeDeg: Sourced(Type.Number({ minimum: -90, maximum: 90 })),
    /** East longitude, deg. */
    longitudeDeg: Sourced(Type.Number({ minimum: -180, maximum: 360 })),
    /** Lowest inclination range safety allows from this site (deg), when a limit is documented. */
    minInclinationDeg: Sourced(Type.Number()),
  },
  { additionalProperties: false },
);
export type LaunchSite = Static<typeof LaunchSite>;

export const RendezvousProfile = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    /** Launch (or departure) to docking, hours. */
    durationHours: Sourced(Type.Number({ exclusiveMinimum: 0 })),
    /** Destination regime this profile applies to. */
    regime: Type.Union([Type.Literal('leo'), Type.Literal('cislunar')]),
  },
  { additionalProperties: false },
);
export type RendezvousProfile = Static<typeof RendezvousProfile>;

export const Atmosphere = Type.Object(
  {
    totalPressureKpa: Sourced(Range),
    ppO2Kpa: Sourced(Range),
    ppCO2Kpa: Sourced(Range),
    o2FractionPct: Sourced(Type.Number()),
    diluentGas: Sourced(Type.String()),
    /** NASA-STD-3001 V2 6007; never invented (basis §8.4). */
    maxPressureChangeRateKpaPerMin: Sourced(Type.Number()),
    /** NASA-STD-3001 V2 6008. */
    dcsRiskModel: Sourced(Type.String()),
    dcsTreatmentCapability: Sourced(Type.String()),
    temperatureC: Sourced(Range),
    humidityPct: Sourced(Range),
    equalisationPath: Sourced(
      Type.Union([Type.Literal('direct'), Type.Literal('airlock'), Type.Literal('adapter')]),
    ),
  },
  { additionalProperties: false },
);

export const InterfaceTransfer = Type.Object(
  {
    powerBusVoltageV: Sourced(Type.Number()),
    data: Sourced(Type.Boolean()),
    air: Sourced(Type.Boolean()),
    water: Sourced(Type.Boolean()),
    propellant: Sourced(Type.Boolean()),
    gasConnectors: Sourced(Type.Array(Type.String())),
    gasSupplyPressureKpa: Sourced(Type.Number()),
  },
  { additionalProperties: false },
);

export const Comms = Type.Object(
  {
    bands: Sourced(Type.Array(Type.String())),
    protocols: Sourced(Type.Array(Type.String())),
    timeScale: Sourced(Type.String()),
    languages: Sourced(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const Navigation = Type.Object(
  {
    sensors: Sourced(Type.Array(Type.String())),
    targets: Sourced(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const Crew = Type.Object(
  {
    seats: Sourced(Type.Integer({ minimum: 0 })),
    seatsByDesignMax: Sourced(Type.Integer({ minimum: 0 })),
    nominalCrew: Sourced(Type.Integer({ minimum: 0 })),
    seatLiners: Sourced(Type.String()),
  },
  { additionalProperties: false },
);

export const Consumables = Type.Object(
  {
    /** Free-flight endurance of the vehicle alone, days. */
    freeFlightEnduranceDays: Sourced(Type.Number()),
    /** Free-flight life support in person-days. */
    freeFlightPersonDays: Sourced(Type.Number()),
    /** Endurance while docked to a station, days. */
    dockedEnduranceDays: Sourced(Type.Number()),
    /** Endurance of a crew member in a suit after cabin depressurisation, days. */
    suitedSurvivalDays: Sourced(Type.Number()),
  },
  { additionalProperties: false },
);

export const Launch = Type.Object(
  {
    vehicle: Sourced(Type.String()),
    sites: Type.Array(LaunchSite),
    /** Days from an order to launch for a vehicle on standby (min = quoted, max = worst documented). */
    standbyReadinessDays: Sourced(Range),
    profiles: Type.Array(RendezvousProfile),
  },
  { additionalProperties: false },
);

export const Orbit = Type.Object(
  {
    regime: Type.Union([Type.Literal('leo'), Type.Literal('nrho')]),
    inclinationDeg: Sourced(Type.Number()),
    /** Typical mean altitude above R⊕ = 6378.137 km, km. */
    altitudeKm: Sourced(Type.Number()),
    /** NORAD catalog number, when the object is catalogued. */
    noradCatId: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const Suit = Type.Object(
  {
    pressureKpa: Sourced(Type.Number()),
    gas: Sourced(Type.String()),
    prebreathe: Sourced(Type.String()),
    use: Type.String(),
  },
  { additionalProperties: false },
);

/** Where an adapter is: installed on a host face, carried by a vehicle, or lost. */
export const AdapterInstallation = Type.Object(
  {
    status: Type.Union([
      Type.Literal('in-service'),
      Type.Literal('historical'),
      Type.Literal('ground-tested'),
      Type.Literal('destroyed'),
    ]),
    /** Installed on this passport (a station or another adapter) ... */
    hostId: Type.Optional(Type.String()),
    /** ... at this face of the host ... */
    hostFaceId: Type.Optional(Type.String()),
    /** ... with this face of the adapter. */
    ownFaceId: Type.Optional(Type.String()),
    /** Or carried by this vehicle (e.g. the ASTP Docking Module on Apollo). */
    carriedBy: Type.Optional(Type.String()),
    source: Type.String({ minLength: 1 }),
    confidence: Confidence,
  },
  { additionalProperties: false },
);
export type AdapterInstallation = Static<typeof AdapterInstallation>;

export const PassportKind = Type.Union([
  Type.Literal('crew-vehicle'),
  Type.Literal('cargo-vehicle'),
  Type.Literal('station'),
  Type.Literal('lander'),
  Type.Literal('suit'),
  Type.Literal('adapter'),
]);
export type PassportKind = Static<typeof PassportKind>;

export const Passport = Type.Object(
  {
    schemaVersion: Type.Literal(PASSPORT_SCHEMA_VERSION),
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    passportVersion: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1 }),
    kind: PassportKind,
    operator: Sourced(Type.String()),
    launchingState: Sourced(Type.String()),
    status: Sourced(Type.String()),
    /** Names used in catalogs (upper case prefixes, e.g. `SHENZHOU-`), to find this vehicle in orbit. */
    catalogNamePrefixes: Type.Array(Type.String()),
    dockingFaces: Type.Array(DockingFace),
    atmosphere: Type.Optional(Atmosphere),
    interfaceTransfer: Type.Optional(InterfaceTransfer),
    comms: Type.Optional(Comms),
    navigation: Type.Optional(Navigation),
    crew: Type.Optional(Crew),
    consumables: Type.Optional(Consumables),
    launch: Type.Optional(Launch),
    orbit: Type.Optional(Orbit),
    /** Total Δv capability, m/s. */
    deltaVCapabilityMps: Sourced(Type.Number()),
    landing: Sourced(Type.String()),
    /** Can this vehicle bring crew home (crew return certified)? */
    crewReturn: Sourced(Type.Boolean()),
    suit: Type.Optional(Suit),
    installation: Type.Optional(AdapterInstallation),
    /** Adapters with an airlock publish their pressure schedule here (e.g. the ASTP Docking Module). */
    airlockPressureSchedule: Type.Optional(Sourced(Type.String())),
    notes: Type.Array(Type.String()),
  },
  { additionalProperties: false, $id: 'urn:concord:schema:passport:1.0' },
);
export type Passport = Static<typeof Passport>;
