import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type ProtocolMessage } from '../../src/core/rescue/distress-message.js';
import {
  applyMessage,
  openCase,
  outstandingSteps,
  playMessages,
  validateMessage,
} from '../../src/core/rescue/distress-protocol.js';
import { renderContext, renderMessage } from '../../src/core/rescue/distress-rendering.js';

const drill = JSON.parse(
  readFileSync(new URL('../../data/rescue/drill-tiangong-lifeboat.json', import.meta.url), 'utf8'),
) as { messages: unknown[] };
const messages = drill.messages.map((d) => {
  const r = validateMessage(d);
  if (!r.ok) throw new Error(r.message);
  return r.value;
});
const byId = (id: string): ProtocolMessage => {
  const m = messages.find((x) => x.messageId === id);
  if (!m) throw new Error(id);
  return m;
};
function caseAfter(ids: string[]) {
  const first = openCase(byId(ids[0] ?? ''));
  if (!first.ok) throw new Error(first.message);
  let c = first.value;
  for (const id of ids.slice(1)) {
    const r = applyMessage(c, byId(id));
    if (!r.ok) throw new Error(r.message);
    c = r.value;
  }
  return c;
}

describe('distress protocol', () => {
  it('plays the drill: rejects the sequence gap and the duplicate, resolves the case', () => {
    const { log, finalCase } = playMessages(messages);
    const rejected = log.filter((e) => !e.accepted);
    expect(rejected.map((e) => e.code)).toEqual(['PROTOCOL_SEQUENCE_GAP', 'PROTOCOL_DUPLICATE_MESSAGE']);
    expect(rejected[0]?.error).toBe(
      'message JSC-003 (acknowledge from NASA JSC, sequence 3): expected sequence 2 from NASA JSC; messages are missing',
    );
    expect(finalCase?.state).toBe('resolved');
    expect(finalCase && outstandingSteps(finalCase)).toEqual([]);
  });

  it('rejects invalid transitions with clear errors', () => {
    const c = caseAfter(['CMSA-001']);
    // Acceptance before any offer or acknowledgement.
    const r = applyMessage(c, { ...byId('CMSA-006'), sequence: 2 });
    expect(r.ok ? '' : r.code).toBe('PROTOCOL_INVALID_TRANSITION');
    expect(r.ok ? '' : r.message).toContain('acceptance is not allowed in state distress');
    // On scene before en route.
    const offered = caseAfter(['CMSA-001', 'JSC-001', 'CMSA-002', 'CMSA-003', 'CMSA-004', 'CMSA-005']);
    const s = applyMessage(offered, { ...byId('CMSA-008'), sequence: 6 });
    expect(s.ok ? '' : s.code).toBe('PROTOCOL_INVALID_TRANSITION');
  });

  it('requires the Rescue Agreement notifications R1 and R2 before an offer is accepted', () => {
    const c = caseAfter(['CMSA-001', 'JSC-001', 'CMSA-002']);
    const offer = applyMessage(c, { ...byId('CMSA-005'), sequence: 3 });
    if (!offer.ok) throw new Error(offer.message);
    expect(outstandingSteps(offer.value)).toEqual([
      'R2: notify the UN Secretary-General (Rescue Agreement Art. 1(b))',
    ]);
    const accept = applyMessage(offer.value, { ...byId('CMSA-006'), sequence: 4 });
    expect(accept.ok ? '' : accept.code).toBe('PROTOCOL_NOTIFICATIONS_OUTSTANDING');
    expect(accept.ok ? '' : accept.message).toContain('R2 must be logged before an offer is accepted');
  });

  it('rejects duplicate and out-of-order messages by sequence number and time', () => {
    const c = caseAfter(['CMSA-001', 'JSC-001', 'TSUP-001', 'CMSA-002']);
    const dupSeq = applyMessage(c, { ...byId('CMSA-003'), sequence: 2 });
    expect(dupSeq.ok ? '' : dupSeq.code).toBe('PROTOCOL_DUPLICATE_SEQUENCE');
    const older = applyMessage(c, { ...byId('CMSA-003'), sequence: 1, messageId: 'X' });
    expect(older.ok ? '' : older.code).toBe('PROTOCOL_OUT_OF_ORDER');
    const backInTime = applyMessage(c, { ...byId('CMSA-003'), sentUtc: '2025-11-14T09:05:00Z' });
    expect(backInTime.ok ? '' : backInTime.code).toBe('PROTOCOL_OUT_OF_ORDER');
    const replay = applyMessage(c, byId('JSC-001'));
    expect(replay.ok ? '' : replay.code).toBe('PROTOCOL_DUPLICATE_MESSAGE');
  });

  it('every message quotes the current phase; only the distressed party changes it', () => {
    const c = caseAfter(['CMSA-001', 'JSC-001']);
    const stale = applyMessage(c, { ...byId('CMSA-002'), phase: 'DETRESFA' });
    expect(stale.ok ? '' : stale.code).toBe('PROTOCOL_PHASE_MISMATCH');
    const raised = applyMessage(c, {
      ...byId('CMSA-001'),
      messageId: 'CMSA-001b',
      sequence: 2,
      sentUtc: '2025-11-14T09:30:00Z',
      phase: 'DETRESFA',
    });
    expect(raised.ok && raised.value.phase).toBe('DETRESFA');
    const foreign = applyMessage(c, {
      ...byId('CMSA-001'),
      messageId: 'J',
      sender: 'NASA JSC',
      sequence: 2,
      sentUtc: '2025-11-14T09:30:00Z',
    });
    expect(foreign.ok ? '' : foreign.code).toBe('PROTOCOL_INVALID_TRANSITION');
  });

  it('cancellation closes the case and must be acknowledged by every party that acknowledged', () => {
    const c = caseAfter(['CMSA-001', 'JSC-001', 'TSUP-001']);
    const cancel: ProtocolMessage = {
      schemaVersion: '1.0',
      type: 'cancelled',
      messageId: 'CMSA-X',
      caseId: c.caseId,
      sender: 'CMSA Beijing',
      sequence: 2,
      sentUtc: '2025-11-14T09:20:00Z',
      phase: 'ALERFA',
      timeScale: 'UTC',
      refMessageId: 'CMSA-001',
      reason: 'false-alert',
    };
    const r = applyMessage(c, cancel);
    if (!r.ok) throw new Error(r.message);
    expect(outstandingSteps(r.value)).toContain('cancellation to be acknowledged by NASA JSC');
    const offer = applyMessage(r.value, {
      ...byId('CMSA-005'),
      sequence: 3,
      sentUtc: '2025-11-14T09:30:00Z',
    });
    expect(offer.ok ? '' : offer.code).toBe('PROTOCOL_CASE_CLOSED');
    const ackOfCancel: ProtocolMessage = {
      schemaVersion: '1.0',
      type: 'acknowledge',
      messageId: 'JSC-X',
      caseId: c.caseId,
      sender: 'NASA JSC',
      sequence: 2,
      sentUtc: '2025-11-14T09:25:00Z',
      phase: 'ALERFA',
      timeScale: 'UTC',
      refMessageId: 'CMSA-X',
      receivedUtc: '2025-11-14T09:21:00Z',
    };
    const ack = applyMessage(r.value, ackOfCancel);
    expect(ack.ok && ack.value.cancelAcksOutstanding).toEqual(['Roscosmos TsUP']);
    expect(renderMessage(cancel, 'en', renderContext(messages))).toBe(
      'CANCEL distress CMSA-001 of 2025-11-14T09:00:00 UTC. Reason false alert. Phase ALERFA.',
    );
    expect(renderMessage(cancel, 'zh', renderContext(messages))).toBe(
      '取消 2025-11-14T09:00:00 UTC 发出的遇险信息 CMSA-001。原因：误报。阶段 ALERFA（告警阶段）。',
    );
  });

  it('rejects a malformed message with the field at fault', () => {
    const bad = { ...(drill.messages[0] as object), cabinPressureKpa: 'about 100' };
    const r = validateMessage(bad);
    expect(r.ok ? '' : r.message).toContain('/cabinPressureKpa');
  });

  it('renders the fixed bilingual templates of the basis §7.5', () => {
    const ctx = renderContext(messages);
    expect(renderMessage(byId('CMSA-001'), 'en', ctx)).toBe(
      'DISTRESS. Vehicle tiangong. Crew 3. Oxygen remaining 720 hours. Cabin pressure 101.3 kPa, trend 0 kPa/min. Phase ALERFA. Time 2025-11-14T09:00:00 UTC.',
    );
    expect(renderMessage(byId('CMSA-001'), 'zh', ctx)).toBe(
      '遇险。航天器 tiangong。乘组 3 人。剩余氧气 720 小时。舱压 101.3 千帕，变化率 0 千帕/分钟。阶段 ALERFA（告警阶段）。时间 2025-11-14T09:00:00 UTC。',
    );
    expect(renderMessage(byId('JSC-001'), 'zh', ctx)).toBe(
      '确认收到 tiangong 的遇险信息 CMSA-001。收到时间 2025-11-14T09:01:00 UTC。确认方 NASA JSC。阶段 ALERFA（告警阶段）。',
    );
    // Every message renders in both languages and quotes the phase.
    for (const m of messages) {
      expect(renderMessage(m, 'en', ctx)).toContain(`Phase ${m.phase}`);
      expect(renderMessage(m, 'zh', ctx)).toContain(`阶段 ${m.phase}`);
    }
  });

  it('serialises to canonical JSON: key order fixed whatever the input order', () => {
    const m = byId('JSC-001');
    const reversed = Object.fromEntries(Object.entries(m).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(m));
    expect(canonicalJson({ b: 1, a: [2, { d: true, c: null }] })).toBe('{"a":[2,{"c":null,"d":true}],"b":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });
});
