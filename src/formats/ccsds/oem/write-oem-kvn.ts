import { OEM_METADATA_KEYWORDS, OEM_METADATA_ORDER, type Oem } from './oem-message.js';

/** Shortest text that reads back to the same double. */
const num = (x: number) => String(x);

/** Writes an OEM as KVN (CCSDS 502.0): header, then per segment metadata, states and covariance blocks. */
export function writeOemKvn(oem: Oem): string {
  const lines = [`CCSDS_OEM_VERS = ${oem.header.version || '2.0'}`];
  lines.push(...oem.header.comments.map((c) => `COMMENT ${c}`));
  for (const [k, v] of Object.entries(oem.header.fields)) lines.push(`${k} = ${v}`);
  for (const segment of oem.segments) {
    const f = segment.metadata.fields;
    lines.push('', 'META_START', ...segment.metadata.comments.map((c) => `COMMENT ${c}`));
    const keys = [
      ...OEM_METADATA_ORDER.filter((k) => f[k] !== undefined),
      ...Object.keys(f).filter((k) => !OEM_METADATA_KEYWORDS.has(k)),
    ];
    for (const k of keys) lines.push(`${k} = ${f[k]}`);
    lines.push('META_STOP', '', ...segment.dataComments.map((c) => `COMMENT ${c}`));
    for (const s of segment.states) {
      const values = [...s.positionKm, ...s.velocityKmS, ...(s.accelerationKmS2 ?? [])];
      lines.push(`${s.epoch} ${values.map(num).join(' ')}`);
    }
    if (segment.covariances.length > 0) {
      lines.push('', 'COVARIANCE_START');
      for (const c of segment.covariances) {
        lines.push(`EPOCH = ${c.epoch}`, ...(c.refFrame ? [`COV_REF_FRAME = ${c.refFrame}`] : []));
        for (let i = 0; i < 6; i++) {
          const row: string[] = [];
          for (let j = 0; j <= i; j++) row.push(num(c.covariance[i * 6 + j] ?? 0));
          lines.push(row.join(' '));
        }
      }
      lines.push('COVARIANCE_STOP');
    }
  }
  return `${lines.join('\n')}\n`;
}
