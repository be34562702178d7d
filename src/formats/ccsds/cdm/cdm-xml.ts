import { parseXmlTree, type XmlElement } from '../xml-tree.js';
import { buildCdm, type CdmEvent, type CdmParseResult } from './cdm-builder.js';
import { cdmKeyword } from './cdm-keywords.js';
import type { Cdm, CdmObject, CdmPart } from './cdm-message.js';

/** Parses a CDM in XML (CCSDS 508.0 / NDM XML). `file` names the source in issues. */
export function parseCdmXml(text: string, file: string): CdmParseResult {
  const tree = parseXmlTree(text);
  if (!tree.ok) {
    return {
      cdm: undefined,
      issues: [
        { file, line: tree.line, field: 'XML', code: tree.code, message: tree.message, severity: 'error' },
      ],
    };
  }
  const root = tree.value;
  if (root.name !== 'cdm') {
    return {
      cdm: undefined,
      issues: [
        {
          file,
          line: root.line,
          field: root.name,
          code: 'CDM_NOT_A_CDM',
          message: `root element is <${root.name}>, expected <cdm>`,
          severity: 'error',
        },
      ],
    };
  }
  const events: CdmEvent[] = [];
  const version = root.attributes['version'];
  if (version !== undefined)
    events.push({ kind: 'field', keyword: 'CCSDS_CDM_VERS', value: version, line: root.line });
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.name === 'COMMENT') {
        events.push({ kind: 'comment', text: child.text, line: child.line });
      } else if (child.children.length > 0) {
        walk(child);
      } else if (/^[A-Z][A-Z0-9_]*$/.test(child.name)) {
        const parameter = child.attributes['parameter'];
        const keyword = child.name === 'USER_DEFINED' && parameter ? `USER_DEFINED_${parameter}` : child.name;
        const unit = child.attributes['units'];
        events.push({
          kind: 'field',
          keyword,
          value: child.text,
          line: child.line,
          ...(unit === undefined ? {} : { unit }),
        });
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  return buildCdm(events, file);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function leafLines(part: CdmPart, indent: string, withComments = true): string[] {
  const out = withComments ? part.comments.map((c) => `${indent}<COMMENT>${escapeXml(c)}</COMMENT>`) : [];
  for (const field of part.fields) {
    const unit = cdmKeyword(field.keyword)?.unit ?? field.unit;
    const attr = unit === undefined ? '' : ` units="${escapeXml(unit)}"`;
    out.push(`${indent}<${field.keyword}${attr}>${escapeXml(field.value)}</${field.keyword}>`);
  }
  return out;
}

function wrapped(name: string, part: CdmPart, indent: string): string[] {
  if (part.fields.length === 0 && part.comments.length === 0) return [];
  return [`${indent}<${name}>`, ...leafLines(part, `${indent}  `), `${indent}</${name}>`];
}

function relativeLines(part: CdmPart, indent: string): string[] {
  // RELATIVE_POSITION_* / RELATIVE_VELOCITY_* are grouped in <relativeStateVector> (508.0 XML schema).
  const isRelativeState = (k: string) =>
    k.startsWith('RELATIVE_POSITION_') || k.startsWith('RELATIVE_VELOCITY_');
  const out = part.comments.map((c) => `${indent}<COMMENT>${escapeXml(c)}</COMMENT>`);
  let stateOpen = false;
  for (const field of part.fields) {
    const state = isRelativeState(field.keyword);
    if (state && !stateOpen) {
      out.push(`${indent}<relativeStateVector>`);
      stateOpen = true;
    } else if (!state && stateOpen) {
      out.push(`${indent}</relativeStateVector>`);
      stateOpen = false;
    }
    out.push(
      ...leafLines({ part: part.part, comments: [], fields: [field] }, state ? `${indent}  ` : indent, false),
    );
  }
  if (stateOpen) out.push(`${indent}</relativeStateVector>`);
  return out;
}

function segmentLines(object: CdmObject, indent: string): string[] {
  const i2 = `${indent}  `;
  const i3 = `${i2}  `;
  return [
    `${indent}<segment>`,
    `${i2}<metadata>`,
    ...leafLines(object.metadata, i3),
    `${i2}</metadata>`,
    `${i2}<data>`,
    ...wrapped('odParameters', object.odParameters, i3),
    ...wrapped('additionalParameters', object.additionalParameters, i3),
    ...wrapped('stateVector', object.stateVector, i3),
    ...wrapped('covarianceMatrix', object.covarianceMatrix, i3),
    ...wrapped('covarianceMatrix', object.alternateCovarianceMatrix, i3),
    ...wrapped('covarianceMatrix', object.additionalCovarianceMetadata, i3),
    ...wrapped('userDefinedParameters', object.userDefinedParameters, i3),
    `${i2}</data>`,
    `${indent}</segment>`,
  ];
}

/** Writes a CDM as XML (CCSDS NDM/XML 508.0 layout); values exactly as held, standard units as attributes. */
export function writeCdmXml(cdm: Cdm): string {
  const version = cdm.header.fields.find((f) => f.keyword === 'CCSDS_CDM_VERS')?.value ?? '1.0';
  const header: CdmPart = {
    part: 'header',
    comments: cdm.header.comments,
    fields: cdm.header.fields.filter((f) => f.keyword !== 'CCSDS_CDM_VERS'),
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<cdm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://sanaregistry.org/r/ndmxml_unqualified/ndmxml-2.0.0-master-2.0.xsd" id="CCSDS_CDM_VERS" version="${escapeXml(version)}">`,
    '  <header>',
    ...leafLines(header, '    '),
    '  </header>',
    '  <body>',
    '    <relativeMetadataData>',
    ...relativeLines(cdm.relativeMetadataData, '      '),
    '    </relativeMetadataData>',
    ...cdm.objects.flatMap((o) => segmentLines(o, '    ')),
    '  </body>',
    '</cdm>',
  ];
  return `${lines.join('\n')}\n`;
}
