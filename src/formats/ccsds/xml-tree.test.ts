import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childElements, parseXmlTree } from './xml-tree.js';

const orekit = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/omm/orekit/${name}`, import.meta.url), 'utf8');

describe('parseXmlTree', () => {
  it('gives names without namespace prefixes, attributes, text and start-tag lines (Orekit OMMExample2.xml)', () => {
    const tree = parseXmlTree(orekit('OMMExample2.xml'));
    if (!tree.ok) throw new Error(tree.message);
    const omm = tree.value;
    expect(omm.name).toBe('omm');
    expect(omm.line).toBe(2);
    expect(omm.attributes).toMatchObject({ id: 'CCSDS_OMM_VERS', version: '3.0' });
    const segment = childElements(childElements(omm, 'body')[0] ?? omm, 'segment')[0];
    const metadata = segment?.children[0];
    expect(metadata?.name).toBe('metadata');
    expect(metadata?.line).toBe(14);
    const meanElements = segment?.children[1]?.children[0];
    const meanMotion = meanElements?.children.find((c) => c.name === 'MEAN_MOTION');
    expect(meanMotion).toMatchObject({ text: '1.00273272', line: 26 });
  });

  it('keeps empty elements with empty text (Orekit OMM-empty-object-id.xml)', () => {
    const tree = parseXmlTree(orekit('OMM-empty-object-id.xml'));
    if (!tree.ok) throw new Error(tree.message);
    const metadata = tree.value.children[1]?.children[0]?.children[0];
    const objectId = metadata?.children.find((c) => c.name === 'OBJECT_ID');
    expect(objectId).toMatchObject({ text: '', line: 11, children: [] });
  });

  it('reports malformed XML with its line', () => {
    const tree = parseXmlTree('<omm>\n  <header>\n  </omm>\n');
    expect(tree.ok).toBe(false);
    if (!tree.ok) {
      expect(tree.code).toBe('XML_MALFORMED');
      expect(tree.line).toBe(3);
    }
  });
});
