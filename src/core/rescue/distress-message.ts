import { type Static, Type } from '@sinclair/typebox';

/**
 * Distress and assistance messages (rescue basis §7.3). JSON Schema via TypeBox; the canonical JSON form
 * (`canonicalJson`) is what later issues sign and exchange. All times ISO-8601 UTC; every message quotes
 * the current emergency phase (ICAO Annex 12 / IAMSAR, basis §7.2).
 */
export const DISTRESS_SCHEMA_VERSION = '1.0';

export const Phase = Type.Union([Type.Literal('INCERFA'), Type.Literal('ALERFA'), Type.Literal('DETRESFA')]);
export type Phase = Static<typeof Phase>;

export const NatureOfDistress = Type.Union(
  [
    'depressurisation',
    'fire',
    'toxic-atmosphere',
    'loss-of-return-vehicle',
    'loss-of-power',
    'loss-of-attitude-control',
    'medical',
    'debris-impact',
    'other',
  ].map((s) => Type.Literal(s)),
);

const IsoUtc = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' });

const Common = {
  schemaVersion: Type.Literal(DISTRESS_SCHEMA_VERSION),
  /** Globally unique message id. */
  messageId: Type.String({ minLength: 1 }),
  /** The case (one distress event). */
  caseId: Type.String({ minLength: 1 }),
  /** Sending party (agency or centre). */
  sender: Type.String({ minLength: 1 }),
  /** Per-sender sequence number: 1, 2, 3 ... without gaps. */
  sequence: Type.Integer({ minimum: 1 }),
  sentUtc: IsoUtc,
  phase: Phase,
  timeScale: Type.Literal('UTC'),
};

export const DistressMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('distress'),
    vehicleId: Type.String(),
    passportVersion: Type.Integer({ minimum: 1 }),
    operator: Type.String(),
    launchingState: Type.String(),
    orbit: Type.Object({ epochUtc: IsoUtc, frame: Type.String(), description: Type.String() }),
    natureOfDistress: NatureOfDistress,
    personsOnBoard: Type.Integer({ minimum: 0 }),
    oxygenRemainingHours: Type.Number({ minimum: 0 }),
    otherConsumablesMarginHours: Type.Number({ minimum: 0 }),
    cabinPressureKpa: Type.Number({ minimum: 0 }),
    cabinPressureTrendKpaPerMin: Type.Number(),
    assistanceNeeded: Type.Array(Type.String()),
    commsChannels: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export const AcknowledgeMessage = Type.Object(
  { ...Common, type: Type.Literal('acknowledge'), refMessageId: Type.String(), receivedUtc: IsoUtc },
  { additionalProperties: false },
);

/** Rescue Agreement notification steps (Art. 1): R1 launching authority, R2 UN Secretary-General. */
export const NotificationMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('notification'),
    step: Type.Union([Type.Literal('R1'), Type.Literal('R2')]),
    notifiedParty: Type.String(),
  },
  { additionalProperties: false },
);

export const AssessmentMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('assessment'),
    checks: Type.Array(Type.Object({ id: Type.String(), status: Type.String(), detail: Type.String() })),
    options: Type.Array(
      Type.Object({
        rescuer: Type.String(),
        assessment: Type.String(),
        arrivalUtc: Type.Union([IsoUtc, Type.Null()]),
      }),
    ),
  },
  { additionalProperties: false },
);

export const AssistanceOfferMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('assistance_offer'),
    rescuerVehicleId: Type.String(),
    passportVersion: Type.Integer({ minimum: 1 }),
    earliestLaunchUtc: IsoUtc,
    arrivalEstimateUtc: IsoUtc,
    seatsOffered: Type.Integer({ minimum: 0 }),
    itemsCarried: Type.Array(Type.String()),
    conditions: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export const AcceptanceMessage = Type.Object(
  { ...Common, type: Type.Literal('acceptance'), offerMessageId: Type.String(), acceptedBy: Type.String() },
  { additionalProperties: false },
);

export const EnRouteMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('en_route'),
    departureUtc: IsoUtc,
    stateVector: Type.String(),
    arrivalEstimateUtc: IsoUtc,
  },
  { additionalProperties: false },
);

export const OnSceneMessage = Type.Object(
  { ...Common, type: Type.Literal('on_scene'), arrivalUtc: IsoUtc, portUsed: Type.String() },
  { additionalProperties: false },
);

export const ResolvedMessage = Type.Object(
  { ...Common, type: Type.Literal('resolved'), outcome: Type.String(), crewStatus: Type.String() },
  { additionalProperties: false },
);

export const CancelledMessage = Type.Object(
  {
    ...Common,
    type: Type.Literal('cancelled'),
    refMessageId: Type.String(),
    reason: Type.Union([Type.Literal('false-alert'), Type.Literal('resolved-by-own-means')]),
  },
  { additionalProperties: false },
);

export const ProtocolMessage = Type.Union([
  DistressMessage,
  AcknowledgeMessage,
  NotificationMessage,
  AssessmentMessage,
  AssistanceOfferMessage,
  AcceptanceMessage,
  EnRouteMessage,
  OnSceneMessage,
  ResolvedMessage,
  CancelledMessage,
]);
export type ProtocolMessage = Static<typeof ProtocolMessage>;
export type MessageType = ProtocolMessage['type'];
export type DistressMsg = Static<typeof DistressMessage>;

/**
 * Canonical JSON for signing: object keys sorted by UTF-16 code units at every level, no whitespace,
 * numbers in ECMAScript shortest form (as RFC 8785 JCS). Non-finite numbers cannot be signed and throw.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('canonical JSON: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON: unsupported ${typeof value}`);
}
