import type { Phase, ProtocolMessage } from './distress-message.js';

/**
 * English and Simplified Chinese renderings with fixed phrasing (rescue basis §7.4, §7.5): only the braced
 * fields vary; numbers stay Arabic numerals in fixed units (kPa, h, UTC), never converted. Free text
 * (outcome, items, conditions) is quoted as sent and not translated.
 */
export type Language = 'en' | 'zh';

const PHASE_ZH: Record<Phase, string> = {
  INCERFA: 'INCERFA（情况不明阶段）',
  ALERFA: 'ALERFA（告警阶段）',
  DETRESFA: 'DETRESFA（遇险阶段）',
};
const STATUS_ZH: Record<string, string> = { pass: '通过', fail: '不通过', unknown: '未知' };
const ASSESSMENT_ZH: Record<string, string> = { feasible: '可行', infeasible: '不可行', unknown: '未知' };
const CANCEL_REASON: Record<string, { en: string; zh: string }> = {
  'false-alert': { en: 'false alert', zh: '误报' },
  'resolved-by-own-means': { en: 'resolved by own means', zh: '已自行解除' },
};

/** `2025-11-05T08:00:00Z` → `2025-11-05T08:00:00` (the scale is written once, as "UTC"). */
const t = (iso: string) => iso.replace(/Z$/, '');
/** Build the rendering context from the messages of a case. */
export function renderContext(messages: readonly ProtocolMessage[]): RenderContext {
  const distress = messages.filter((m) => m.type === 'distress');
  return {
    vehicleId: distress[0]?.type === 'distress' ? distress[0].vehicleId : '?',
    distressSentUtc: Object.fromEntries(distress.map((m) => [m.messageId, m.sentUtc])),
  };
}

/** Numbers as written, with no rounding or unit conversion. */
const n = (x: number) => String(x);

/** What a rendering needs from earlier messages of the case (the basis templates name them). */
export interface RenderContext {
  /** Vehicle in distress. */
  readonly vehicleId: string;
  /** Sent time of each distress message, by message id. */
  readonly distressSentUtc: Readonly<Record<string, string>>;
}

export function renderMessage(m: ProtocolMessage, lang: Language, ctx: RenderContext): string {
  const phaseEn = `Phase ${m.phase}.`;
  const phaseZh = `阶段 ${PHASE_ZH[m.phase]}。`;
  const en = (body: string) => `${body} ${phaseEn}`;
  const zh = (body: string) => `${body}${phaseZh}`;
  switch (m.type) {
    case 'distress':
      // Fixed templates of the basis §7.5, with the phase as declared.
      return lang === 'en'
        ? `DISTRESS. Vehicle ${m.vehicleId}. Crew ${m.personsOnBoard}. Oxygen remaining ${n(m.oxygenRemainingHours)} hours. Cabin pressure ${n(m.cabinPressureKpa)} kPa, trend ${n(m.cabinPressureTrendKpaPerMin)} kPa/min. Phase ${m.phase}. Time ${t(m.sentUtc)} UTC.`
        : `遇险。航天器 ${m.vehicleId}。乘组 ${m.personsOnBoard} 人。剩余氧气 ${n(m.oxygenRemainingHours)} 小时。舱压 ${n(m.cabinPressureKpa)} 千帕，变化率 ${n(m.cabinPressureTrendKpaPerMin)} 千帕/分钟。阶段 ${PHASE_ZH[m.phase]}。时间 ${t(m.sentUtc)} UTC。`;
    case 'acknowledge':
      if (ctx.distressSentUtc[m.refMessageId] === undefined) {
        return lang === 'en'
          ? en(
              `ACKNOWLEDGE cancellation ${m.refMessageId}. Received at ${t(m.receivedUtc)} UTC. By ${m.sender}.`,
            )
          : zh(`确认收到取消信息 ${m.refMessageId}。收到时间 ${t(m.receivedUtc)} UTC。确认方 ${m.sender}。`);
      }
      return lang === 'en'
        ? en(
            `ACKNOWLEDGE distress ${m.refMessageId} from ${ctx.vehicleId}. Received at ${t(m.receivedUtc)} UTC. By ${m.sender}.`,
          )
        : zh(
            `确认收到 ${ctx.vehicleId} 的遇险信息 ${m.refMessageId}。收到时间 ${t(m.receivedUtc)} UTC。确认方 ${m.sender}。`,
          );
    case 'notification':
      return m.step === 'R1'
        ? lang === 'en'
          ? en(
              `NOTIFICATION R1 (Rescue Agreement Art. 1(a)): launching authority ${m.notifiedParty} notified by ${m.sender}. Time ${t(m.sentUtc)} UTC.`,
            )
          : zh(
              `通报 R1（《营救协定》第一条(a)款）：${m.sender} 已通知发射当局 ${m.notifiedParty}。时间 ${t(m.sentUtc)} UTC。`,
            )
        : lang === 'en'
          ? en(
              `NOTIFICATION R2 (Rescue Agreement Art. 1(b)): UN Secretary-General notified by ${m.sender}. Time ${t(m.sentUtc)} UTC.`,
            )
          : zh(
              `通报 R2（《营救协定》第一条(b)款）：${m.sender} 已通知联合国秘书长。时间 ${t(m.sentUtc)} UTC。`,
            );
    case 'assessment': {
      const checksEn = m.checks.map((c) => `${c.id} ${c.status}`).join(', ');
      const checksZh = m.checks.map((c) => `${c.id} ${STATUS_ZH[c.status] ?? c.status}`).join('，');
      const optsEn = m.options
        .map((o) => `${o.rescuer} ${o.assessment}${o.arrivalUtc ? `, arrival ${t(o.arrivalUtc)} UTC` : ''}`)
        .join('; ');
      const optsZh = m.options
        .map(
          (o) =>
            `${o.rescuer} ${ASSESSMENT_ZH[o.assessment] ?? o.assessment}${o.arrivalUtc ? `，预计抵达 ${t(o.arrivalUtc)} UTC` : ''}`,
        )
        .join('；');
      return lang === 'en'
        ? en(`ASSESSMENT by ${m.sender}. Checks: ${checksEn}. Options: ${optsEn}.`)
        : zh(`评估（${m.sender}）。检查：${checksZh}。方案：${optsZh}。`);
    }
    case 'assistance_offer':
      return lang === 'en'
        ? en(
            `ASSISTANCE OFFER ${m.messageId} from ${m.sender}. Vehicle ${m.rescuerVehicleId}. Earliest launch ${t(m.earliestLaunchUtc)} UTC. Arrival ${t(m.arrivalEstimateUtc)} UTC. Seats ${m.seatsOffered}. Carries: ${m.itemsCarried.join('; ') || 'none'}.`,
          )
        : zh(
            `援助提议 ${m.messageId}，来自 ${m.sender}。航天器 ${m.rescuerVehicleId}。最早发射 ${t(m.earliestLaunchUtc)} UTC。预计抵达 ${t(m.arrivalEstimateUtc)} UTC。座位 ${m.seatsOffered} 个。携带：${m.itemsCarried.join('；') || '无'}。`,
          );
    case 'acceptance':
      return lang === 'en'
        ? en(`ACCEPTANCE of offer ${m.offerMessageId} by ${m.acceptedBy}. Time ${t(m.sentUtc)} UTC.`)
        : zh(`接受援助提议 ${m.offerMessageId}，接受方 ${m.acceptedBy}。时间 ${t(m.sentUtc)} UTC。`);
    case 'en_route':
      return lang === 'en'
        ? en(
            `EN ROUTE. ${m.sender} departed ${t(m.departureUtc)} UTC. Arrival ${t(m.arrivalEstimateUtc)} UTC.`,
          )
        : zh(
            `在途。${m.sender} 出发时间 ${t(m.departureUtc)} UTC。预计抵达 ${t(m.arrivalEstimateUtc)} UTC。`,
          );
    case 'on_scene':
      return lang === 'en'
        ? en(`ON SCENE. Docked ${t(m.arrivalUtc)} UTC at port ${m.portUsed}.`)
        : zh(`已抵达现场。对接时间 ${t(m.arrivalUtc)} UTC，对接口 ${m.portUsed}。`);
    case 'resolved':
      return lang === 'en'
        ? en(`RESOLVED. Outcome: ${m.outcome}. Crew status: ${m.crewStatus}. Time ${t(m.sentUtc)} UTC.`)
        : zh(`已解除。结果：${m.outcome}。乘组状态：${m.crewStatus}。时间 ${t(m.sentUtc)} UTC。`);
    case 'cancelled': {
      const reason = CANCEL_REASON[m.reason] ?? { en: m.reason, zh: m.reason };
      const t0 = t(ctx.distressSentUtc[m.refMessageId] ?? '?');
      return lang === 'en'
        ? en(`CANCEL distress ${m.refMessageId} of ${t0} UTC. Reason ${reason.en}.`)
        : zh(`取消 ${t0} UTC 发出的遇险信息 ${m.refMessageId}。原因：${reason.zh}。`);
    }
  }
}
