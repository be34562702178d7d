import { buildCdm, type CdmEvent, type CdmParseResult } from './cdm-builder.js';
import { type CdmPartName, cdmKeyword } from './cdm-keywords.js';
import type { Cdm, CdmPart } from './cdm-message.js';

/**
 * JSON form of a CDM with the CCSDS keyword names: one object per message part, keyed like the XML elements
 * (`header`, `relativeMetadataData`, `segments[].metadata`, `segments[].data.stateVector` ...). Numeric values
 * are JSON numbers; text and epochs are strings; `COMMENT` is an array of strings; units are the standard ones
 * of the keyword table (not repeated in JSON).
 */
export type CdmJsonPart = Record<string, string | number | string[]>;

const NUMERIC = new Set(['number', 'integer']);

function partJson(part: CdmPart): CdmJsonPart {
  const out: CdmJsonPart = {};
  if (part.comments.length > 0) out['COMMENT'] = [...part.comments];
  for (const f of part.fields) {
    const entry = cdmKeyword(f.keyword);
    const numeric = entry !== undefined && NUMERIC.has(entry.type) && f.value !== '';
    out[f.keyword] = numeric ? Number(f.value.replace(/[dD]/, 'e')) : f.value;
  }
  return out;
}

const DATA_PARTS: readonly CdmPartName[] = [
  'odParameters',
  'additionalParameters',
  'stateVector',
  'covarianceMatrix',
  'alternateCovarianceMatrix',
  'additionalCovarianceMetadata',
  'userDefinedParameters',
];

export function cdmToJson(cdm: Cdm): Record<string, unknown> {
  return {
    header: partJson(cdm.header),
    relativeMetadataData: partJson(cdm.relativeMetadataData),
    segments: cdm.objects.map((o) => {
      const data: Record<string, CdmJsonPart> = {};
      for (const name of DATA_PARTS) {
        const part = o[name as keyof typeof o] as CdmPart;
        if (part.fields.length > 0 || part.comments.length > 0) data[name] = partJson(part);
      }
      return { metadata: partJson(o.metadata), data };
    }),
  };
}

export function writeCdmJson(cdm: Cdm): string {
  return `${JSON.stringify(cdmToJson(cdm), null, 2)}\n`;
}

/** Parses the JSON form back (validated by the same rules as KVN and XML; lines are 0). */
export function parseCdmJson(text: string, file: string): CdmParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      cdm: undefined,
      issues: [{ file, line: 0, field: 'JSON', code: 'CDM_BAD_JSON', message, severity: 'error' }],
    };
  }
  const events: CdmEvent[] = [];
  const emit = (part: unknown): void => {
    if (typeof part !== 'object' || part === null) return;
    for (const [key, value] of Object.entries(part)) {
      if (key === 'COMMENT' && Array.isArray(value)) {
        for (const c of value) events.push({ kind: 'comment', text: String(c), line: 0 });
      } else {
        events.push({
          kind: 'field',
          keyword: key,
          value: typeof value === 'number' ? String(value) : String(value),
          line: 0,
        });
      }
    }
  };
  const root = (doc ?? {}) as Record<string, unknown>;
  emit(root['header']);
  emit(root['relativeMetadataData']);
  const segments = Array.isArray(root['segments']) ? root['segments'] : [];
  for (const segment of segments) {
    const s = (segment ?? {}) as Record<string, unknown>;
    emit(s['metadata']);
    const data = (s['data'] ?? {}) as Record<string, unknown>;
    for (const name of DATA_PARTS) emit(data[name]);
  }
  return buildCdm(events, file);
}
