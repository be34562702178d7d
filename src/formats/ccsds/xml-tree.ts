import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Err, Ok } from '../../core/result.js';

/**
 * A plain element tree for CCSDS NDM/XML (OMM, OEM, CDM ...): element names without namespace prefixes,
 * attributes as strings, trimmed text, and the 1-based line on which each element starts, so that
 * message parsers can report `file:line: ELEMENT: ...`. Values stay strings: each message type parses
 * its own numbers and can then name the element at fault.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated, trimmed character data directly inside the element ('' when none). */
  readonly text: string;
  /** 1-based line of the element's start tag. */
  readonly line: number;
}

export type XmlTreeResult =
  | Ok<XmlElement>
  | (Err<'XML_MALFORMED' | 'XML_NO_ROOT'> & {
      /** 1-based line of the problem. */
      readonly line: number;
    });

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

const META = XMLParser.getMetaDataSymbol();
const ATTRIBUTES = ':@';
const TEXT = '#text';

/** Parse well-formed XML into its root element. Malformed XML gives `XML_MALFORMED` with the line. */
export function parseXmlTree(text: string): XmlTreeResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      ok: false,
      code: 'XML_MALFORMED',
      message: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
      line: valid.err.line,
    };
  }
  const lineOf = lineLocator(text);
  const nodes: unknown = parser.parse(text);
  const elements = Array.isArray(nodes) ? convertNodes(nodes, lineOf, 1) : [];
  const root = elements[0];
  if (!root) return { ok: false, code: 'XML_NO_ROOT', message: 'the document has no root element', line: 1 };
  return { ok: true, value: root };
}

/** Children of `element` named `name`, in document order. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

function convertNodes(nodes: readonly unknown[], lineOf: (index: number) => number, parentLine: number) {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string | symbol, unknown>;
    for (const key of Object.keys(record)) {
      if (key === ATTRIBUTES || key === TEXT) continue;
      const meta = record[META as symbol] as { startIndex?: number } | undefined;
      const line = meta?.startIndex === undefined ? parentLine : lineOf(meta.startIndex);
      const content = record[key];
      const childNodes = Array.isArray(content) ? content : [];
      const children = convertNodes(childNodes, lineOf, line);
      let textContent = '';
      for (const child of childNodes) {
        if (typeof child === 'object' && child !== null && TEXT in child) {
          const value = (child as Record<string, unknown>)[TEXT];
          textContent += typeof value === 'string' ? value : String(value);
        }
      }
      out.push({
        name: key,
        attributes: toStringRecord(record[ATTRIBUTES]),
        children,
        text: textContent.trim(),
        line,
      });
    }
  }
  return out;
}

function toStringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? v : String(v);
  return out;
}

/** Character index → 1-based line, by binary search over line starts. */
function lineLocator(text: string): (index: number) => number {
  const starts: number[] = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
