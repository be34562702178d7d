import type { RecordIssue } from '../../record-issue.js';
import { parseXmlTree, type XmlElement } from '../xml-tree.js';
import {
  epochSeconds,
  finishOem,
  NUMBER,
  newSegment,
  type OemParseResult,
  type SegmentDraft,
} from './oem-builder.js';
import { OEM_HEADER_KEYWORDS, OEM_METADATA_KEYWORDS, type OemHeader } from './oem-message.js';

const COV_KEYS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'] as const;

/** Parses an OEM in XML (CCSDS NDM/XML). */
export function parseOemXml(text: string, file: string): OemParseResult {
  const issues: RecordIssue[] = [];
  const error = (line: number, field: string, code: string, message: string) =>
    issues.push({ file, line, field, code, message, severity: 'error' });
  const tree = parseXmlTree(text);
  if (!tree.ok) {
    error(tree.line, 'XML', tree.code, tree.message);
    return { oem: undefined, issues };
  }
  const root = tree.value;
  const header: OemHeader = { version: root.attributes['version'] ?? '', comments: [], fields: {} };
  const drafts: SegmentDraft[] = [];
  const num = (e: XmlElement | undefined, name: string): number => {
    if (!e) return Number.NaN;
    if (!NUMBER.test(e.text)) {
      error(e.line, name, 'OEM_NOT_A_NUMBER', `${name} = '${e.text}' is not a number`);
      return Number.NaN;
    }
    return Number(e.text);
  };
  for (const h of root.children.filter((c) => c.name === 'header')) {
    for (const c of h.children) {
      if (c.name === 'COMMENT') header.comments.push(c.text);
      else if (OEM_HEADER_KEYWORDS.has(c.name)) header.fields[c.name] = c.text;
      else error(c.line, c.name, 'OEM_UNKNOWN_KEYWORD', `unknown header keyword ${c.name}`);
    }
  }
  const body = root.children.find((c) => c.name === 'body');
  for (const seg of body?.children.filter((c) => c.name === 'segment') ?? []) {
    const draft = newSegment(seg.line);
    drafts.push(draft);
    for (const m of seg.children.find((c) => c.name === 'metadata')?.children ?? []) {
      if (m.name === 'COMMENT') draft.metadata.comments.push(m.text);
      else if (OEM_METADATA_KEYWORDS.has(m.name)) draft.metadata.fields[m.name] = m.text;
      else error(m.line, m.name, 'OEM_UNKNOWN_KEYWORD', `unknown metadata keyword ${m.name}`);
    }
    for (const d of seg.children.find((c) => c.name === 'data')?.children ?? []) {
      if (d.name === 'COMMENT') draft.dataComments.push(d.text);
      else if (d.name === 'stateVector') {
        const get = (n: string) => d.children.find((c) => c.name === n);
        const epoch = get('EPOCH')?.text ?? '';
        const t = epochSeconds(draft, epoch, (msg) => error(d.line, 'EPOCH', 'OEM_BAD_EPOCH', msg));
        if (t === undefined) continue;
        const acc = get('X_DDOT')
          ? Float64Array.of(
              num(get('X_DDOT'), 'X_DDOT'),
              num(get('Y_DDOT'), 'Y_DDOT'),
              num(get('Z_DDOT'), 'Z_DDOT'),
            )
          : undefined;
        draft.states.push({
          epoch,
          tSeconds: t,
          positionKm: Float64Array.of(num(get('X'), 'X'), num(get('Y'), 'Y'), num(get('Z'), 'Z')),
          velocityKmS: Float64Array.of(
            num(get('X_DOT'), 'X_DOT'),
            num(get('Y_DOT'), 'Y_DOT'),
            num(get('Z_DOT'), 'Z_DOT'),
          ),
          ...(acc ? { accelerationKmS2: acc } : {}),
          line: d.line,
        });
      } else if (d.name === 'covarianceMatrix') {
        const get = (n: string) => d.children.find((c) => c.name === n);
        const c = new Float64Array(36);
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j <= i; j++) {
            const name = `C${COV_KEYS[i]}_${COV_KEYS[j]}`;
            const e = get(name);
            if (!e) {
              error(d.line, name, 'OEM_MISSING_KEYWORD', `covariance element ${name} is missing`);
              continue;
            }
            const v = num(e, name);
            c[i * 6 + j] = v;
            c[j * 6 + i] = v;
          }
        }
        const refFrame = get('COV_REF_FRAME')?.text;
        draft.covariances.push({
          epoch: get('EPOCH')?.text ?? '',
          ...(refFrame ? { refFrame } : {}),
          covariance: c,
          line: d.line,
        });
      } else {
        error(d.line, d.name, 'OEM_UNKNOWN_KEYWORD', `unexpected element <${d.name}> in OEM data`);
      }
    }
  }
  return finishOem(header, drafts, issues, file);
}
