import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOmmKvn } from './parse-omm-kvn.js';
import { parseOmmXml, parseOmmXmlMessages } from './parse-omm-xml.js';

const orekit = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/omm/orekit/${name}`, import.meta.url), 'utf8');
/** The only element set of a parse, without its origin (file/line/format differ between encodings). */
function only<T extends { origin: unknown }>(records: readonly T[]): Omit<T, 'origin'> {
  expect(records).toHaveLength(1);
  const [first] = records;
  if (first === undefined) throw new Error('no record');
  const { origin: _origin, ...rest } = first;
  return rest;
}

describe('parseOmmXml on the Orekit OMM samples', () => {
  it('OMMExample2.xml: header, theory, mean motion and covariance as Orekit validateOMM2 expects', () => {
    const { records, issues } = parseOmmXmlMessages(orekit('OMMExample2.xml'), 'OMMExample2.xml');
    expect(issues).toEqual([]);
    const m = records[0];
    expect(m?.header).toMatchObject({
      formatVersion: '3.0',
      comments: ['THIS IS AN XML VERSION OF THE OMM'],
      messageId: 'OMM 201113719185',
    });
    expect(m?.metadata.meanElementTheory).toBe('SGP/SGP4');
    expect(m?.data.meanElements.meanMotionRevPerDay).toBe(1.00273272);
    expect(m?.data.tleParameters?.bstarPerEarthRadii).toBe(0.0001);
    expect(m?.data.tleParameters?.btermM2PerKg).toBeUndefined();
    expect(m?.data.covarianceMatrix?.covRefFrame).toBe('TEME');
    expect((m?.data.covarianceMatrix?.lowerTriangle[1] ?? 0) * 1e6).toBeCloseTo(461.8927349220216, 9);
    expect(m?.origin).toEqual({ file: 'OMMExample2.xml', line: 2, format: 'omm-xml' });
  });

  it('OMMExample2.xml and OMMExample2.txt give the same element set (EPHEMERIS_TYPE/CLASSIFICATION_TYPE default 0/U)', () => {
    const xml = parseOmmXml(orekit('OMMExample2.xml'), 'x');
    const kvn = parseOmmKvn(orekit('OMMExample2.txt'), 'k');
    expect(xml.issues).toEqual([]);
    // Only the names differ between the two Orekit files ("GOES-9" in XML, "GOES 9" in KVN).
    expect({ ...only(xml.records), objectName: '' }).toEqual({ ...only(kvn.records), objectName: '' });
    expect(xml.records[0]).toMatchObject({ ephemerisType: 0, classification: 'U' });
  });

  it('OMM-with-units.xml: units attributes are checked and accepted (Orekit issue 906)', () => {
    const { records, issues } = parseOmmXml(orekit('OMM-with-units.xml'), 'units.xml');
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      catalogId: '23581',
      meanMotionRevPerDay: 1.00273272,
      bstarPerEarthRadii: 0.0001,
    });
  });

  it('OMMExample4.xml equals OMMExample4.txt', () => {
    const xml = parseOmmXml(orekit('OMMExample4.xml'), 'x');
    const kvn = parseOmmKvn(orekit('OMMExample4.txt'), 'k');
    expect(xml.issues).toEqual([]);
    expect(only(xml.records)).toEqual(only(kvn.records));
  });

  it('spurious-metadata.xml: the second <metadata> at line 17 is an error naming the element', () => {
    const { records, issues } = parseOmmXml(orekit('spurious-metadata.xml'), 'spurious-metadata.xml');
    expect(records).toEqual([]);
    expect(issues[0]).toMatchObject({
      file: 'spurious-metadata.xml',
      line: 17,
      field: 'metadata',
      code: 'OMM_UNEXPECTED_ELEMENT',
      severity: 'error',
    });
  });

  it('OMM-empty-object-id.xml: kept, with a warning at the OBJECT_ID element line', () => {
    const { records, issues } = parseOmmXml(orekit('OMM-empty-object-id.xml'), 'e.xml');
    expect(records).toHaveLength(1);
    expect(issues).toMatchObject([
      { line: 11, field: 'OBJECT_ID', code: 'OMM_EMPTY_OBJECT_ID', severity: 'warning' },
    ]);
  });
});

describe('parseOmmXml rules', () => {
  const example4 = orekit('OMMExample4.xml');

  it('reads several <omm> in one <ndm>', () => {
    const body = example4.replace(/^<\?xml[^>]*>\s*/, '');
    const ndm = `<?xml version="1.0"?>\n<ndm>\n${body}${body.replace('<NORAD_CAT_ID>7646', '<NORAD_CAT_ID>812345')}</ndm>\n`;
    const { records, issues } = parseOmmXml(ndm, 'ndm.xml');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.catalogId, r.origin.line])).toEqual([
      ['7646', 3],
      ['812345', 3 + body.split('\n').length - 1],
    ]);
  });

  it('names the element and line of a bad number, a wrong unit and an unknown element', () => {
    const badNumber = parseOmmXml(example4.replace('<INCLINATION>49.8237', '<INCLINATION>49,8237'), 'b.xml');
    expect(badNumber.issues).toMatchObject([{ line: 22, field: 'INCLINATION', code: 'NOT_A_NUMBER' }]);
    const badUnit = parseOmmXml(example4.replace('<BSTAR>', '<BSTAR units="m**2/kg">'), 'u.xml');
    expect(badUnit.issues).toMatchObject([{ line: 33, field: 'BSTAR', code: 'OMM_WRONG_UNIT' }]);
    const unknown = parseOmmXml(example4.replace('<ECCENTRICITY>', '<FOO>1</FOO><ECCENTRICITY>'), 'k.xml');
    expect(unknown.issues).toMatchObject([{ line: 21, field: 'FOO', code: 'OMM_UNKNOWN_KEYWORD' }]);
  });

  it('reports malformed XML with its line', () => {
    const { records, issues } = parseOmmXml(example4.replace('</tleParameters>', ''), 'm.xml');
    expect(records).toEqual([]);
    expect(issues).toMatchObject([{ field: 'XML', code: 'XML_MALFORMED', severity: 'error' }]);
    expect(issues[0]?.line).toBeGreaterThan(30);
  });
});
