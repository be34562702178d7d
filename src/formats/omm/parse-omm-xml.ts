import type { ElementSet } from '../../core/orbits/element-set.js';
import { parseXmlTree, type XmlElement } from '../ccsds/xml-tree.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';
import { elementSetsFromMessages, ommMessagesFromRecords } from './omm-element-set.js';
import { OMM_KEYWORD_TABLE, type OmmSection } from './omm-keywords.js';
import type { OmmMessage } from './omm-message.js';
import { newOmmRawRecordDraft, type OmmRawRecordDraft } from './omm-message-builder.js';

/** Data blocks that may appear inside `<data>`, in CCSDS order. */
const DATA_BLOCKS: ReadonlySet<string> = new Set<OmmSection>([
  'meanElements',
  'spacecraftParameters',
  'tleParameters',
  'covarianceMatrix',
  'userDefinedParameters',
]);

/**
 * CCSDS NDM/XML OMM: a root `<omm>`, or an `<ndm>` holding several `<omm>` (CelesTrak's form). Values are
 * kept as strings and typed by the shared OMM builder, so a bad number names its element and line;
 * `units="..."` attributes are checked against the keyword table. Every issue names the element; its
 * line is the line of that element's start tag.
 */
export function parseOmmXmlMessages(text: string, file: string): ParseOutcome<OmmMessage> {
  const tree = parseXmlTree(text);
  if (!tree.ok) {
    return {
      records: [],
      issues: [
        { file, line: tree.line, field: 'XML', code: tree.code, message: tree.message, severity: 'error' },
      ],
    };
  }
  const root = tree.value;
  const issues: RecordIssue[] = [];
  const unexpected = (element: XmlElement, where: string, to: RecordIssue[]) =>
    to.push({
      file,
      line: element.line,
      field: element.name,
      code: 'OMM_UNEXPECTED_ELEMENT',
      message: `<${element.name}> is not expected in ${where}`,
      severity: 'error',
    });

  let omms: XmlElement[];
  if (root.name === 'omm') omms = [root];
  else if (root.name === 'ndm') {
    omms = [];
    for (const child of root.children) {
      if (child.name === 'omm') omms.push(child);
      else if (child.name !== 'COMMENT')
        unexpected(child, '<ndm> read as OMM (only <omm> messages are read)', issues);
    }
  } else {
    issues.push({
      file,
      line: root.line,
      field: root.name,
      code: 'OMM_NOT_OMM',
      message: `root element <${root.name}> is neither <omm> nor <ndm>`,
      severity: 'error',
    });
    return { records: [], issues };
  }

  const records = omms.map((omm) => readOmmElement(omm, file, unexpected));
  const built = ommMessagesFromRecords(records);
  return { records: built.records, issues: [...issues, ...built.issues] };
}

function readOmmElement(
  omm: XmlElement,
  file: string,
  unexpected: (element: XmlElement, where: string, to: RecordIssue[]) => void,
): OmmRawRecordDraft {
  const raw = newOmmRawRecordDraft(file, 'omm-xml', omm.line);
  const version = omm.attributes['version'];
  if (version !== undefined) {
    raw.values['CCSDS_OMM_VERS'] = version;
    raw.lines.set('CCSDS_OMM_VERS', omm.line);
  }

  const readBlock = (block: XmlElement, section: OmmSection) => {
    for (const child of block.children) {
      if (child.name === 'COMMENT') {
        const list = raw.comments.get(section) ?? [];
        list.push(child.text);
        raw.comments.set(section, list);
        continue;
      }
      if (section === 'userDefinedParameters') {
        const name = child.attributes['parameter'];
        if (child.name !== 'USER_DEFINED' || name === undefined)
          unexpected(child, '<userDefinedParameters>', raw.readerIssues);
        else {
          raw.userDefined.set(name, child.text);
          raw.lines.set(`USER_DEFINED_${name}`, child.line);
        }
        continue;
      }
      const spec = OMM_KEYWORD_TABLE.get(child.name);
      if (!spec) {
        raw.readerIssues.push({
          file,
          line: child.line,
          field: child.name,
          code: 'OMM_UNKNOWN_KEYWORD',
          message: `<${child.name}> is not an OMM keyword (CCSDS 502.0)`,
          severity: 'error',
        });
      } else if (spec.section !== section) {
        raw.readerIssues.push({
          file,
          line: child.line,
          field: child.name,
          code: 'OMM_UNEXPECTED_KEYWORD',
          message: `<${child.name}> belongs in <${spec.section}>, not in <${section}>`,
          severity: 'error',
        });
      } else if (raw.lines.has(child.name)) {
        raw.readerIssues.push({
          file,
          line: child.line,
          field: child.name,
          code: 'OMM_DUPLICATE_KEYWORD',
          message: `<${child.name}> appears twice in one message`,
          severity: 'error',
        });
      } else {
        const unit = child.attributes['units'];
        raw.values[child.name] = child.text;
        raw.lines.set(child.name, child.line);
        if (unit !== undefined) raw.units.set(child.name, unit);
      }
    }
  };

  let headerSeen = false;
  let bodySeen = false;
  for (const part of omm.children) {
    if (part.name === 'header' && !headerSeen) {
      headerSeen = true;
      readBlock(part, 'header');
    } else if (part.name === 'body' && !bodySeen) {
      bodySeen = true;
      const segments = part.children;
      segments.forEach((segment, i) => {
        if (segment.name !== 'segment' || i > 0) {
          unexpected(segment, '<body> (an OMM has exactly one <segment>)', raw.readerIssues);
          return;
        }
        let metadataSeen = false;
        let dataSeen = false;
        for (const block of segment.children) {
          if (block.name === 'metadata' && !metadataSeen && !dataSeen) {
            metadataSeen = true;
            readBlock(block, 'metadata');
          } else if (block.name === 'data' && metadataSeen && !dataSeen) {
            dataSeen = true;
            readData(block);
          } else {
            unexpected(block, '<segment> (one <metadata> then one <data>)', raw.readerIssues);
          }
        }
      });
    } else {
      unexpected(part, '<omm> (one <header> then one <body>)', raw.readerIssues);
    }
  }

  function readData(data: XmlElement) {
    let lastRank = -1;
    const order = [...DATA_BLOCKS];
    for (const block of data.children) {
      if (block.name === 'COMMENT') {
        const list = raw.comments.get('meanElements') ?? [];
        list.push(block.text);
        raw.comments.set('meanElements', list);
        continue;
      }
      const rank = order.indexOf(block.name);
      if (rank <= lastRank) {
        unexpected(
          block,
          '<data> (meanElements, spacecraftParameters, tleParameters, covarianceMatrix, userDefinedParameters, in that order, once each)',
          raw.readerIssues,
        );
        continue;
      }
      lastRank = rank;
      readBlock(block, block.name as OmmSection);
    }
  }
  return raw;
}

/** NDM/XML OMM → SGP4 element sets. */
export function parseOmmXml(text: string, file: string): ParseOutcome<ElementSet> {
  const messages = parseOmmXmlMessages(text, file);
  const sets = elementSetsFromMessages(messages.records);
  return { records: sets.records, issues: [...messages.issues, ...sets.issues] };
}
