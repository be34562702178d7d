import type { ElementSet } from '../../core/orbits/element-set.js';
import { utcInstantFromUnixMs } from '../../core/time/iso-8601.js';
import {
  formatOmmEpoch,
  type OmmWriteOptions,
  ommFieldsOfElementSet,
  ommValueText,
} from './omm-writer-fields.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Element sets → CCSDS NDM/XML: one `<ndm>` holding one `<omm version="2.0">` per element set (CelesTrak's
 * layout), unqualified NDM/XML 2.0 schema.
 */
export function writeOmmXml(elementSets: readonly ElementSet[], options: OmmWriteOptions = {}): string {
  const creationDate = formatOmmEpoch(options.creationDate ?? utcInstantFromUnixMs(Date.now()));
  const originator = escapeXml(options.originator ?? 'CONCORD');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-2.0.0-master-2.0.xsd">',
  ];
  for (const es of elementSets) {
    out.push(
      '  <omm id="CCSDS_OMM_VERS" version="2.0">',
      '    <header>',
      `      <CREATION_DATE>${creationDate}</CREATION_DATE>`,
      `      <ORIGINATOR>${originator}</ORIGINATOR>`,
      '    </header>',
      '    <body>',
      '      <segment>',
    );
    let open = '';
    const close = () => {
      if (open === 'metadata') out.push('        </metadata>');
      else if (open !== '') out.push(`          </${open}>`);
    };
    for (const field of ommFieldsOfElementSet(es)) {
      if (field.section !== open) {
        close();
        if (field.section === 'metadata') out.push('        <metadata>');
        else {
          if (open === 'metadata') out.push('        <data>');
          out.push(`          <${field.section}>`);
        }
        open = field.section;
      }
      const indent = open === 'metadata' ? '          ' : '            ';
      out.push(`${indent}<${field.keyword}>${escapeXml(ommValueText(field.value))}</${field.keyword}>`);
    }
    close();
    out.push('        </data>', '      </segment>', '    </body>', '  </omm>');
  }
  out.push('</ndm>');
  return `${out.join('\n')}\n`;
}
