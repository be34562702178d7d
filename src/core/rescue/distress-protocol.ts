import { Ajv, type ValidateFunction } from 'ajv';
import { err, ok, type Result } from '../result.js';
import {
  type Phase,
  type ProtocolMessage,
  ProtocolMessage as ProtocolMessageSchema,
} from './distress-message.js';

/**
 * Distress and assistance protocol state machine (rescue basis §7). One case per distress event. Only valid
 * transitions are accepted; duplicates, replays, gaps and out-of-order messages are rejected with a stable
 * code; the Rescue Agreement notifications R1 (launching authority) and R2 (UN Secretary-General) are
 * required steps that must be logged before any assistance offer is accepted.
 */
export type CaseState =
  | 'distress'
  | 'acknowledged'
  | 'assessed'
  | 'offered'
  | 'accepted'
  | 'en_route'
  | 'on_scene'
  | 'resolved'
  | 'cancelled';

export type ProtocolCode =
  | 'PROTOCOL_INVALID_MESSAGE'
  | 'PROTOCOL_NO_CASE'
  | 'PROTOCOL_WRONG_CASE'
  | 'PROTOCOL_DUPLICATE_MESSAGE'
  | 'PROTOCOL_DUPLICATE_SEQUENCE'
  | 'PROTOCOL_OUT_OF_ORDER'
  | 'PROTOCOL_SEQUENCE_GAP'
  | 'PROTOCOL_PHASE_MISMATCH'
  | 'PROTOCOL_INVALID_TRANSITION'
  | 'PROTOCOL_UNKNOWN_REFERENCE'
  | 'PROTOCOL_NOTIFICATIONS_OUTSTANDING'
  | 'PROTOCOL_CASE_CLOSED';

export interface DistressCase {
  readonly caseId: string;
  readonly state: CaseState;
  readonly phase: Phase;
  /** The party that declared distress (the distressed crew's operator or centre). */
  readonly distressedParty: string;
  readonly distressMessageIds: readonly string[];
  readonly acknowledgedBy: readonly string[];
  readonly notifications: { readonly R1?: string; readonly R2?: string };
  readonly offers: Readonly<Record<string, { readonly sender: string; readonly vehicle: string }>>;
  readonly acceptedOfferId?: string;
  readonly cancelMessageId?: string;
  /** Parties that acknowledged the distress and have not yet acknowledged the cancellation (loop rule 3). */
  readonly cancelAcksOutstanding: readonly string[];
  readonly lastSequence: Readonly<Record<string, number>>;
  readonly lastSentUtc: Readonly<Record<string, string>>;
  readonly messageIds: readonly string[];
}

/** The steps a case still requires, for display (R1/R2 and the cancel acknowledgement loop). */
export function outstandingSteps(c: DistressCase): string[] {
  const steps: string[] = [];
  if (!c.notifications.R1) steps.push('R1: notify the launching authority (Rescue Agreement Art. 1(a))');
  if (!c.notifications.R2) steps.push('R2: notify the UN Secretary-General (Rescue Agreement Art. 1(b))');
  for (const p of c.cancelAcksOutstanding) steps.push(`cancellation to be acknowledged by ${p}`);
  return steps;
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) compiled = new Ajv({ allErrors: false, strict: false }).compile(ProtocolMessageSchema);
  return compiled;
}

/** Schema check of one message (e.g. from a drill file). */
export function validateMessage(document: unknown): Result<ProtocolMessage, 'PROTOCOL_INVALID_MESSAGE'> {
  const v = validator();
  if (v(document)) return ok(document as ProtocolMessage);
  const type =
    typeof document === 'object' && document !== null && 'type' in document
      ? String((document as { type: unknown }).type)
      : '?';
  const id =
    typeof document === 'object' && document !== null && 'messageId' in document
      ? String((document as { messageId: unknown }).messageId)
      : '?';
  // The union reports one error per branch; the informative ones are those of the matching `type`.
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'const');
  const first = errors.find((e) => e.instancePath !== '') ?? errors[0];
  return err(
    'PROTOCOL_INVALID_MESSAGE',
    `message ${id} (type ${type}): ${first ? `${first.instancePath || '/'} ${first.message ?? ''}` : 'does not match any message type'}`,
  );
}

const OPEN: readonly CaseState[] = [
  'distress',
  'acknowledged',
  'assessed',
  'offered',
  'accepted',
  'en_route',
  'on_scene',
];

/** States from which each message type is allowed (the transition table). */
const ALLOWED_FROM: Record<ProtocolMessage['type'], readonly CaseState[]> = {
  distress: OPEN,
  acknowledge: [...OPEN, 'cancelled'],
  notification: OPEN,
  assessment: ['acknowledged', 'assessed', 'offered'],
  assistance_offer: ['acknowledged', 'assessed', 'offered'],
  acceptance: ['offered'],
  en_route: ['accepted'],
  on_scene: ['en_route'],
  resolved: ['on_scene'],
  cancelled: OPEN,
};

const NEXT_STATE: Partial<Record<ProtocolMessage['type'], CaseState>> = {
  assessment: 'assessed',
  assistance_offer: 'offered',
  acceptance: 'accepted',
  en_route: 'en_route',
  on_scene: 'on_scene',
  resolved: 'resolved',
  cancelled: 'cancelled',
};

const fail = (code: ProtocolCode, m: ProtocolMessage, why: string) =>
  err(code, `message ${m.messageId} (${m.type} from ${m.sender}, sequence ${m.sequence}): ${why}`);

/** Open a case with its first `distress` message. */
export function openCase(m: ProtocolMessage): Result<DistressCase, ProtocolCode> {
  if (m.type !== 'distress') return fail('PROTOCOL_NO_CASE', m, 'a case starts with a distress message');
  if (m.sequence !== 1)
    return fail('PROTOCOL_SEQUENCE_GAP', m, `first message of ${m.sender} must have sequence 1`);
  return ok({
    caseId: m.caseId,
    state: 'distress',
    phase: m.phase,
    distressedParty: m.sender,
    distressMessageIds: [m.messageId],
    acknowledgedBy: [],
    notifications: {},
    offers: {},
    cancelAcksOutstanding: [],
    lastSequence: { [m.sender]: m.sequence },
    lastSentUtc: { [m.sender]: m.sentUtc },
    messageIds: [m.messageId],
  });
}

/** Apply one message to a case: the new case, or a rejection with a stable code and a clear message. */
export function applyMessage(c: DistressCase, m: ProtocolMessage): Result<DistressCase, ProtocolCode> {
  if (m.caseId !== c.caseId)
    return fail('PROTOCOL_WRONG_CASE', m, `belongs to case ${m.caseId}, not ${c.caseId}`);
  if (c.messageIds.includes(m.messageId))
    return fail('PROTOCOL_DUPLICATE_MESSAGE', m, 'message id already received');
  const last = c.lastSequence[m.sender] ?? 0;
  if (m.sequence === last)
    return fail('PROTOCOL_DUPLICATE_SEQUENCE', m, `sequence ${m.sequence} already used by ${m.sender}`);
  if (m.sequence < last)
    return fail('PROTOCOL_OUT_OF_ORDER', m, `sequence ${m.sequence} after ${last} from ${m.sender}`);
  if (m.sequence > last + 1) {
    return fail(
      'PROTOCOL_SEQUENCE_GAP',
      m,
      `expected sequence ${last + 1} from ${m.sender}; messages are missing`,
    );
  }
  const lastSent = c.lastSentUtc[m.sender];
  if (lastSent !== undefined && m.sentUtc < lastSent) {
    return fail(
      'PROTOCOL_OUT_OF_ORDER',
      m,
      `sent ${m.sentUtc}, earlier than ${m.sender}'s previous message (${lastSent})`,
    );
  }
  const closed = c.state === 'resolved' || c.state === 'cancelled';
  if (closed && !(m.type === 'acknowledge' && m.refMessageId === c.cancelMessageId)) {
    return fail(
      'PROTOCOL_CASE_CLOSED',
      m,
      `case ${c.caseId} is ${c.state}; only acknowledgements of the cancellation are accepted`,
    );
  }
  if (!ALLOWED_FROM[m.type].includes(c.state)) {
    return fail('PROTOCOL_INVALID_TRANSITION', m, `${m.type} is not allowed in state ${c.state}`);
  }
  if (m.type !== 'distress' && m.phase !== c.phase) {
    return fail('PROTOCOL_PHASE_MISMATCH', m, `quotes phase ${m.phase} but the case is in ${c.phase}`);
  }
  const base = {
    ...c,
    lastSequence: { ...c.lastSequence, [m.sender]: m.sequence },
    lastSentUtc: { ...c.lastSentUtc, [m.sender]: m.sentUtc },
    messageIds: [...c.messageIds, m.messageId],
  };
  const next = NEXT_STATE[m.type];
  switch (m.type) {
    case 'distress':
      if (m.sender !== c.distressedParty) {
        return fail(
          'PROTOCOL_INVALID_TRANSITION',
          m,
          `only ${c.distressedParty} may repeat or update its distress`,
        );
      }
      // A repeat or update: the phase may be raised or lowered.
      return ok({ ...base, phase: m.phase, distressMessageIds: [...c.distressMessageIds, m.messageId] });
    case 'acknowledge': {
      if (c.state === 'cancelled') {
        return ok({ ...base, cancelAcksOutstanding: c.cancelAcksOutstanding.filter((p) => p !== m.sender) });
      }
      if (!c.distressMessageIds.includes(m.refMessageId)) {
        return fail(
          'PROTOCOL_UNKNOWN_REFERENCE',
          m,
          `refers to ${m.refMessageId}, which is not a distress message of this case`,
        );
      }
      const acknowledgedBy = c.acknowledgedBy.includes(m.sender)
        ? c.acknowledgedBy
        : [...c.acknowledgedBy, m.sender];
      return ok({ ...base, acknowledgedBy, state: c.state === 'distress' ? 'acknowledged' : c.state });
    }
    case 'notification':
      return ok({ ...base, notifications: { ...c.notifications, [m.step]: m.messageId } });
    case 'assistance_offer':
      return ok({
        ...base,
        state: 'offered',
        offers: { ...c.offers, [m.messageId]: { sender: m.sender, vehicle: m.rescuerVehicleId } },
      });
    case 'acceptance': {
      if (!c.offers[m.offerMessageId]) {
        return fail('PROTOCOL_UNKNOWN_REFERENCE', m, `offer ${m.offerMessageId} was not received`);
      }
      const missing = (['R1', 'R2'] as const).filter((s) => !c.notifications[s]);
      if (missing.length > 0) {
        return fail(
          'PROTOCOL_NOTIFICATIONS_OUTSTANDING',
          m,
          `Rescue Agreement step(s) ${missing.join(' and ')} must be logged before an offer is accepted`,
        );
      }
      return ok({ ...base, state: 'accepted', acceptedOfferId: m.offerMessageId });
    }
    case 'en_route':
    case 'on_scene': {
      const offer = c.acceptedOfferId ? c.offers[c.acceptedOfferId] : undefined;
      if (offer && offer.sender !== m.sender) {
        return fail(
          'PROTOCOL_INVALID_TRANSITION',
          m,
          `only the accepted rescuer ${offer.sender} reports ${m.type}`,
        );
      }
      return ok({ ...base, state: m.type });
    }
    case 'cancelled':
      if (m.sender !== c.distressedParty) {
        return fail('PROTOCOL_INVALID_TRANSITION', m, `only ${c.distressedParty} may cancel its distress`);
      }
      if (!c.distressMessageIds.includes(m.refMessageId)) {
        return fail(
          'PROTOCOL_UNKNOWN_REFERENCE',
          m,
          `refers to ${m.refMessageId}, which is not a distress message`,
        );
      }
      return ok({
        ...base,
        state: 'cancelled',
        cancelMessageId: m.messageId,
        cancelAcksOutstanding: [...c.acknowledgedBy],
      });
    default:
      return ok({ ...base, state: next ?? c.state });
  }
}

export interface LogEntry {
  readonly message: ProtocolMessage;
  readonly accepted: boolean;
  readonly code?: ProtocolCode;
  readonly error?: string;
  readonly stateAfter?: CaseState;
}

/** Play messages in order through the protocol; rejected messages are logged with their code, never dropped. */
export function playMessages(messages: readonly ProtocolMessage[]): {
  log: LogEntry[];
  finalCase?: DistressCase;
} {
  const log: LogEntry[] = [];
  let current: DistressCase | undefined;
  for (const m of messages) {
    const r = current ? applyMessage(current, m) : openCase(m);
    if (r.ok) {
      current = r.value;
      log.push({ message: m, accepted: true, stateAfter: current.state });
    } else {
      log.push({ message: m, accepted: false, code: r.code, error: r.message });
    }
  }
  return current ? { log, finalCase: current } : { log };
}
